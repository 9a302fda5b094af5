// Starts the loopback dev bridge: `npm run bridge -- --db FILE [--port N] [--static out/renderer] [--test-hooks]`.
// Prints one line `DD_BRIDGE_READY {json}` with the page URL once it listens. Development and tests only.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDatabasePath, findShippedDir } from '../db/paths';
import { createBackend } from '../ipc/backend';
import { spawnSourceWorker } from './spawn-worker';
import { startBridge } from './server';

const USAGE = `Usage: npm run bridge -- [--db FILE] [--port N] [--static DIR] [--token TOKEN] [--test-hooks]
  --db FILE      the database (default: the desktop app's, or DILIGENCE_DESK_DB)
  --port N       the loopback port to listen on (default 0: any free port)
  --static DIR   the built renderer (default: out/renderer; build it with npm run build)
  --token TOKEN  the page's access token (default: DD_BRIDGE_TOKEN, else a random one)
  --test-hooks   test-only hooks (a pause gate for the end-to-end tests)`;

function parseOptions() {
  try {
    const parsed = parseArgs({
      options: {
        db: { type: 'string' },
        port: { type: 'string', default: '0' },
        static: { type: 'string' },
        token: { type: 'string' },
        'test-hooks': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (parsed.values.help) {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    const port = parsed.values.port;
    if (!/^\d+$/.test(port) || Number(port) > 65535) throw new Error(`--port must be a port number from 0 to 65535 (got "${port}").`);
    return parsed.values;
  } catch (error) {
    process.stderr.write(`Error: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
}

const values = parseOptions();

function shipped(name: string): string | null {
  try {
    return findShippedDir(name);
  } catch {
    return null;
  }
}

const root = path.dirname(findShippedDir('package.json'));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; productName?: string };
const pauseGate = values['test-hooks'] ? new SharedArrayBuffer(4) : undefined;
const staticDir = values.static ?? path.join(root, 'out', 'renderer');
if (!existsSync(path.join(staticDir, 'index.html'))) {
  process.stderr.write(`The renderer is not built (${staticDir}/index.html is missing). Run: npm run build\n`);
  process.exit(1);
}

const bridge = await startBridge({
  port: Number(values.port),
  token: values.token ?? process.env.DD_BRIDGE_TOKEN,
  staticDir,
  testHooks: pauseGate ? { pauseGate } : undefined,
  createBackend: (isTrustedSender) =>
    createBackend({
      dbFile: values.db ?? defaultDatabasePath(),
      demoDir: shipped('demo/data-room'),
      spawnWorker: spawnSourceWorker,
      platform: { shell: 'bridge', canPickFolder: false, pickFolder: async () => null },
      isTrustedSender,
      app: { name: pkg.productName ?? 'Diligence Desk', version: pkg.version },
      pauseGate,
    }),
});

process.stdout.write(`DD_BRIDGE_READY ${JSON.stringify({ url: bridge.pageUrl, origin: bridge.origin, port: bridge.port, token: bridge.token })}\n`);
// For a person (the line above is for tests): where to point a browser, and over which database.
process.stderr.write(`Diligence Desk in a browser on this machine only: ${bridge.pageUrl}\nDatabase: ${values.db ?? defaultDatabasePath()}. Ctrl-C stops it.\n`);

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  bridge.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
