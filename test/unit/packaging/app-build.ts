// The electron-vite build the packaging and security tests inspect. `npm test` builds after the
// unit tests, so on a fresh checkout there is no build yet: make one, once, even when several test
// files ask at the same time (a lock folder decides who builds; the others wait for the result).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../support/paths';

const MAIN = path.join(REPO_ROOT, 'out/main/index.js');
const LOCK = path.join(os.tmpdir(), `dd-build-lock-${createHash('sha1').update(REPO_ROOT).digest('hex').slice(0, 12)}`);

export async function ensureAppBuilt(timeoutMs = 120_000): Promise<void> {
  if (existsSync(MAIN)) return;
  try {
    mkdirSync(LOCK);
  } catch {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(MAIN) || existsSync(LOCK)) {
      if (Date.now() > deadline) throw new Error('Timed out waiting for another test to build the app.');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return;
  }
  try {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
