import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseError, translateSqliteError } from './errors';
import { defaultMigrationsDir } from './paths';
import * as schema from './schema';

/** Marks our files (PRAGMA application_id), so another program's SQLite file is never migrated. */
export const APPLICATION_ID = 0x44446b31; // "DDk1"
const SQLITE_HEADER = 'SQLite format 3\u0000';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export interface AppDatabase {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** Number of migrations this build ships (the schema version it writes). */
  readonly schemaVersion: number;
  /**
   * Throws if the file was deleted or replaced since it was opened. SQLite in WAL mode would go on
   * writing to the unlinked file and lose everything silently; the runner checks before each commit.
   */
  assertFileUnchanged(): void;
  close(): void;
}

export interface OpenOptions {
  /** 'write' migrates and may write; 'read' never changes the file (a reader beside the runner). */
  mode?: 'write' | 'read';
  migrationsDir?: string;
  /** Milliseconds to wait on a lock held by another connection before failing. */
  busyTimeoutMs?: number;
  /**
   * better-sqlite3's compiled addon to load. Electron needs one built for its own ABI while the
   * tests need Node's; `npm start` prepares Electron's and passes it through this environment
   * variable, which worker threads inherit. Packaged apps ship the Electron build as the default.
   */
  nativeBinding?: string;
}

export const NATIVE_BINDING_ENV = 'DILIGENCE_DESK_SQLITE_BINDING';

/**
 * Opens (creating if needed) the product database. Refuses, before changing a single byte, a file
 * that is not SQLite, a SQLite file of another program, and a database written by a newer version.
 * Copies the file aside before applying a migration to existing data.
 */
export function openDatabase(file: string, options: OpenOptions = {}): AppDatabase {
  const mode = options.mode ?? 'write';
  const nativeBinding = options.nativeBinding ?? process.env[NATIVE_BINDING_ENV] ?? undefined;
  const migrationsDir = options.migrationsDir ?? defaultMigrationsDir();
  const shipped = readMigrationFiles({ migrationsFolder: migrationsDir });
  const existing = existsSync(file) && statSync(file).size > 0;

  if (existing) assertSqliteHeader(file);
  const applied = existing ? inspectExisting(file, shipped, nativeBinding) : 0;
  if (mode === 'read' && applied < shipped.length) {
    throw new DatabaseError('migration_failed', `The database ${file} has not been upgraded to this version yet; open it once for writing first.`);
  }

  if (mode === 'write') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: mode === 'read', fileMustExist: mode === 'read', nativeBinding });
  } catch (error) {
    throw translateSqliteError(error, file);
  }
  try {
    configureConnection(sqlite, mode, options.busyTimeoutMs ?? 5000);
    const db = drizzle(sqlite, { schema });
    if (mode === 'write' && applied < shipped.length) {
      if (applied > 0) copyAside(sqlite, file, applied);
      runMigrations(sqlite, db, migrationsDir, shipped.length, file);
    }
    const identity = fileIdentity(file);
    const assertFileUnchanged = () => {
      const now = fileIdentity(file);
      if (!now || !identity || now.ino !== identity.ino || now.dev !== identity.dev) {
        throw new DatabaseError('unreadable', `The database file ${file} was deleted, moved or replaced while in use; nothing more was written to it. Restore the file and resume the run.`);
      }
    };
    return { file, sqlite, db, schemaVersion: shipped.length, assertFileUnchanged, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw translateSqliteError(error, file);
  }
}

function fileIdentity(file: string): { dev: number; ino: number } | null {
  try {
    const info = statSync(file);
    return { dev: info.dev, ino: info.ino };
  } catch {
    return null;
  }
}

function configureConnection(sqlite: Database.Database, mode: 'write' | 'read', busyTimeoutMs: number): void {
  sqlite.pragma(`busy_timeout = ${busyTimeoutMs}`);
  sqlite.pragma('foreign_keys = ON');
  if (mode === 'write') {
    sqlite.pragma('journal_mode = WAL');
    // FULL: a committed document survives power loss, not only a process crash (docs/durability.md).
    sqlite.pragma('synchronous = FULL');
  }
}

function assertSqliteHeader(file: string): void {
  const header = Buffer.alloc(16);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw new DatabaseError('unreadable', `Cannot read ${file}: ${(error as Error).message}`, { cause: error });
  }
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_HEADER) {
    throw new DatabaseError('not_a_database', `${file} is not a Diligence Desk database (it is not a SQLite file). It was left untouched; choose another file.`);
  }
}

/** Reads an existing file without writing to it, and returns how many migrations it has applied. */
function inspectExisting(file: string, shipped: ReturnType<typeof readMigrationFiles>, nativeBinding: string | undefined): number {
  let probe: Database.Database;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (error) {
    throw translateSqliteError(error, file);
  }
  try {
    const appId = probe.pragma('application_id', { simple: true }) as number;
    const tables = probe.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    if (tables.length === 0) return 0;
    if (appId !== APPLICATION_ID) {
      throw new DatabaseError('foreign_database', `${file} is a SQLite database of another program, not a Diligence Desk database. It was left untouched.`);
    }
    const userVersion = probe.pragma('user_version', { simple: true }) as number;
    const appliedHashes = tables.includes('__drizzle_migrations')
      ? (probe.prepare('SELECT hash FROM __drizzle_migrations ORDER BY created_at, id').pluck().all() as string[])
      : [];
    if (userVersion > shipped.length || appliedHashes.length > shipped.length) {
      throw new DatabaseError(
        'newer_version',
        `${file} was written by a newer version of Diligence Desk (schema ${Math.max(userVersion, appliedHashes.length)}; this version understands up to ${shipped.length}). Update the app to open it; the file was left untouched.`,
      );
    }
    appliedHashes.forEach((hash, index) => {
      if (shipped[index]?.hash !== hash) {
        throw new DatabaseError(
          'migration_mismatch',
          `${file} has a schema step (#${index + 1}) that does not match this version's migrations; it may come from a development build. The file was left untouched.`,
        );
      }
    });
    return appliedHashes.length;
  } catch (error) {
    throw translateSqliteError(error, file);
  } finally {
    probe.close();
  }
}

function copyAside(sqlite: Database.Database, file: string, fromVersion: number): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${file}.schema-${fromVersion}-${stamp}.bak`;
  // VACUUM INTO writes a consistent, compact copy in one statement, WAL content included.
  sqlite.prepare('VACUUM INTO ?').run(target);
}

function runMigrations(sqlite: Database.Database, db: Db, migrationsDir: string, version: number, file: string): void {
  try {
    migrate(db, { migrationsFolder: migrationsDir });
    sqlite.pragma(`application_id = ${APPLICATION_ID}`);
    sqlite.pragma(`user_version = ${version}`);
  } catch (error) {
    const translated = translateSqliteError(error, file);
    if (translated instanceof DatabaseError) throw translated;
    // The migrator rolls back its transaction; the data stays as it was (never dropped to "recover").
    throw new DatabaseError('migration_failed', `Upgrading ${file} failed and was rolled back: ${(error as Error).message}`, { cause: error });
  }
}
