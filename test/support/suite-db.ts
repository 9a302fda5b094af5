import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type AppDatabase } from '../../src-main/db/open';

/**
 * A database shared by the tests of one file (opened in beforeAll). Not tempDatabase(): its folder
 * is removed after each test, while this one must last the suite, and may be opened by name
 * (the CLI) in the meantime. Call `dispose` from the beforeAll teardown.
 */
export function suiteDatabase(prefix: string): { database: AppDatabase; file: string; dir: string; dispose: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, 'suite.sqlite');
  const database = openDatabase(file);
  return {
    database,
    file,
    dir,
    dispose: () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
