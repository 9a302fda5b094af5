import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src-main/db/open';
import { createRepositories, type Repositories } from '../../src-main/repositories';

const cleanups: Array<() => void> = [];

afterEach(() => {
  while (cleanups.length > 0) {
    try {
      cleanups.pop()!();
    } catch {
      // best effort
    }
  }
});

/** A fresh folder removed after the test. */
export function tempDir(prefix = 'dd-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real SQLite file in a temp folder, migrated, closed after the test. */
export function tempDatabase(): { database: AppDatabase; repos: Repositories; file: string } {
  const file = path.join(tempDir(), 'test.sqlite');
  const database = openDatabase(file);
  cleanups.push(() => database.close());
  return { database, repos: createRepositories(database.db), file };
}

export function onCleanup(fn: () => void): void {
  cleanups.push(fn);
}
