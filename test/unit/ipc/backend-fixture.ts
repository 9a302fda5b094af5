import path from 'node:path';
import { createBackend, type Backend } from '../../../src-main/ipc/backend';
import { onCleanup, tempDir } from '../../support/temp';

/** A real backend over a fresh database file; run workers are forbidden unless a spawner is given. */
export function testBackend(options: { spawnWorker?: Parameters<typeof createBackend>[0]['spawnWorker']; trusted?: (url: string | null) => boolean } = {}): { backend: Backend; dbFile: string; logged: unknown[] } {
  const dbFile = path.join(tempDir('dd-ipc-'), 'ipc.sqlite');
  const logged: unknown[] = [];
  const backend = createBackend({
    dbFile,
    demoDir: null,
    spawnWorker:
      options.spawnWorker ??
      (() => {
        throw new Error('No run may start in this test.');
      }),
    platform: { shell: 'bridge', canPickFolder: false, pickFolder: async () => null },
    isTrustedSender: options.trusted ?? ((url) => url === 'app://renderer/index.html'),
    app: { name: 'Diligence Desk', version: '0.0.0-test' },
    log: (message, error) => logged.push({ message, error }),
  });
  onCleanup(() => void backend.close());
  return { backend, dbFile, logged };
}

export const TRUSTED = { senderUrl: 'app://renderer/index.html' };
