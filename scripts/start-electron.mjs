// npm start: build, make sure Electron and an Electron build of better-sqlite3 exist, open the app.
//
// The tests run in Node, so node_modules/better-sqlite3 is compiled for Node's ABI. Electron needs
// its own build; rebuilding node_modules in place would break the tests, so the Electron build is
// kept in .electron-native/<electron version>/ and handed to the app through an environment
// variable (see NATIVE_BINDING_ENV in src-main/db/open.ts). Packaged apps do not need this.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');

function fail(message) {
  console.error(`\n${message}\n`);
  process.exit(1);
}

let electronBinary;
try {
  electronBinary = require('electron');
  if (!existsSync(electronBinary)) throw new Error('missing');
} catch {
  fail(
    'Electron is not installed: its binary was skipped at install time (ELECTRON_SKIP_BINARY_DOWNLOAD).\n' +
      'On a machine with internet access run:  node node_modules/electron/install.js   (or npm ci without that variable)\n' +
      'Everything else (npm test, npm run demo, npm run analyze) works without Electron, and `npm run browse` serves the same app to a browser on this machine.',
  );
}

const electronVersion = require('electron/package.json').version;
const bindingDir = path.join(root, '.electron-native', `electron-${electronVersion}-${process.platform}-${process.arch}`);
const binding = path.join(bindingDir, 'better_sqlite3.node');

if (!existsSync(binding)) {
  console.log(`Preparing better-sqlite3 for Electron ${electronVersion} (once)…`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'dd-electron-native-'));
  const pkg = path.join(work, 'better-sqlite3');
  cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), pkg, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) });
  const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  try {
    execFileSync(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion, '--arch', process.arch], { cwd: pkg, stdio: 'inherit' });
  } catch {
    console.log('No prebuilt binary; compiling against Electron headers…');
    execFileSync(bin('node-gyp'), ['rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'], { cwd: pkg, stdio: 'inherit' });
  }
  mkdirSync(bindingDir, { recursive: true });
  cpSync(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), binding);
  rmSync(work, { recursive: true, force: true });
}

execFileSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
const app = spawn(electronBinary, ['.'], { cwd: root, stdio: 'inherit', env: { ...process.env, DILIGENCE_DESK_SQLITE_BINDING: binding } });
app.on('exit', (code) => process.exit(code ?? 0));
