import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from '../../../src-main/db/errors';
import { APPLICATION_ID, NATIVE_BINDING_ENV, openDatabase } from '../../../src-main/db/open';
import { REPO_ROOT } from '../../support/paths';
import { defaultMigrationsDir } from '../../../src-main/db/paths';
import { createRepositories } from '../../../src-main/repositories';
import { tempDir } from '../../support/temp';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function expectRefused(file: string, code: DatabaseError['code'], message: RegExp): void {
  const before = sha(file);
  let caught: unknown;
  try {
    openDatabase(file).close();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DatabaseError);
  expect((caught as DatabaseError).code).toBe(code);
  expect((caught as DatabaseError).message).toMatch(message);
  expect(sha(file)).toBe(before);
}

/** A copy of the shipped migrations plus one more step, as a future version would ship. */
function migrationsWithExtraStep(sql: string): string {
  const dir = path.join(tempDir(), 'migrations');
  cpSync(defaultMigrationsDir(), dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: Array<{ idx: number; when: number; tag: string; version: string; breakpoints: boolean }> };
  const last = journal.entries[journal.entries.length - 1]!;
  const tag = `${String(last.idx + 1).padStart(4, '0')}_future_step`;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  writeFileSync(journalFile, JSON.stringify(journal));
  writeFileSync(path.join(dir, `${tag}.sql`), sql);
  return dir;
}

describe('openDatabase', () => {
  it('creates a new database with WAL, full sync, foreign keys and our application id', () => {
    const file = path.join(tempDir(), 'new.sqlite');
    const db = openDatabase(file);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(db.schemaVersion);
    db.close();
  });

  it('reopens an up-to-date database without copying it aside', () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.sqlite');
    openDatabase(file).close();
    openDatabase(file).close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('refuses a file that is not a SQLite database and leaves it byte-for-byte unchanged', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    writeFileSync(file, 'These are my meeting notes, not a database.\n'.repeat(100));
    expectRefused(file, 'not_a_database', /not a Diligence Desk database/);
  });

  it("refuses another program's SQLite database without touching it", () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT); INSERT INTO photos (path) VALUES (\'a.jpg\');');
    other.close();
    expectRefused(file, 'foreign_database', /another program/);
  });

  it('refuses a database written by a newer version (higher schema version) and leaves it unchanged', () => {
    const file = path.join(tempDir(), 'newer.sqlite');
    const db = openDatabase(file);
    db.sqlite.pragma(`user_version = ${db.schemaVersion + 1}`);
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expectRefused(file, 'newer_version', /newer version of Diligence Desk/);
  });

  it('refuses a database that has applied a migration this version does not ship', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    openDatabase(file, { migrationsDir: migrationsWithExtraStep('CREATE TABLE future_feature (id INTEGER);') }).close();
    expectRefused(file, 'newer_version', /newer version/);
  });

  it('copies the file aside before migrating existing data, then applies the new step', () => {
    const dir = tempDir();
    const file = path.join(dir, 'deal.sqlite');
    const v1 = openDatabase(file);
    createRepositories(v1.db).deals.create({ name: 'Atlas', dealType: 'acquisition', asOfDate: '2026-02-01' });
    v1.close();
    const v2 = openDatabase(file, { migrationsDir: migrationsWithExtraStep('ALTER TABLE deals ADD COLUMN sector text;') });
    expect(v2.sqlite.pragma('user_version', { simple: true })).toBe(v1.schemaVersion + 1);
    expect(v2.sqlite.prepare('SELECT name, sector FROM deals').all()).toEqual([{ name: 'Atlas', sector: null }]);
    v2.close();
    const backups = readdirSync(dir).filter((f) => f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const backup = new Database(path.join(dir, backups[0]!), { readonly: true });
    expect(backup.prepare('SELECT name FROM deals').pluck().all()).toEqual(['Atlas']);
    expect(backup.pragma('user_version', { simple: true })).toBe(v1.schemaVersion);
    backup.close();
  });

  it('rolls back a failed migration and keeps the data (never drops tables to recover)', () => {
    const file = path.join(tempDir(), 'deal.sqlite');
    const v1 = openDatabase(file);
    createRepositories(v1.db).deals.create({ name: 'Atlas', dealType: 'acquisition', asOfDate: '2026-02-01' });
    v1.close();
    const broken = migrationsWithExtraStep('ALTER TABLE deals ADD COLUMN ok text;\n--> statement-breakpoint\nTHIS IS NOT SQL;');
    expect(() => openDatabase(file, { migrationsDir: broken })).toThrow(/failed and was rolled back/);
    const again = openDatabase(file);
    expect(again.sqlite.prepare('SELECT name FROM deals').pluck().all()).toEqual(['Atlas']);
    expect(again.sqlite.prepare("SELECT count(*) FROM pragma_table_info('deals') WHERE name = 'ok'").pluck().get()).toBe(0);
    again.close();
  });

  it('opens read-only without changing the file', () => {
    const file = path.join(tempDir(), 'ro.sqlite');
    openDatabase(file).close();
    const copy = `${file}.copy`;
    copyFileSync(file, copy);
    const before = sha(copy);
    const reader = openDatabase(copy, { mode: 'read' });
    expect(() => reader.sqlite.prepare("INSERT INTO deals (name, deal_type, as_of_date) VALUES ('x','acquisition','2026-01-01')").run()).toThrow();
    reader.close();
    expect(sha(copy)).toBe(before);
  });

  it('reports a missing file in read mode clearly', () => {
    const file = path.join(tempDir(), 'missing.sqlite');
    expect(() => openDatabase(file, { mode: 'read' })).toThrow(DatabaseError);
    expect(existsSync(file)).toBe(false);
  });

  it('loads the SQLite addon named by DILIGENCE_DESK_SQLITE_BINDING (how npm start gives Electron its own build)', () => {
    const file = path.join(tempDir(), 'binding.sqlite');
    const nodeBuild = path.join(REPO_ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    process.env[NATIVE_BINDING_ENV] = nodeBuild;
    try {
      openDatabase(file).close();
      process.env[NATIVE_BINDING_ENV] = path.join(tempDir(), 'missing', 'better_sqlite3.node');
      expect(() => openDatabase(path.join(tempDir(), 'other.sqlite'))).toThrow(/missing/);
    } finally {
      delete process.env[NATIVE_BINDING_ENV];
    }
  });
});
