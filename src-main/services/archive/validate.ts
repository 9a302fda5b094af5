import type Database from 'better-sqlite3';
import { closeSync, copyFileSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { DatabaseError, sqliteCode } from '../../db/errors';
import { openDatabase, type AppDatabase } from '../../db/open';
import { defaultMigrationsDir } from '../../db/paths';
import { ArchiveError } from './errors';
import { ARCHIVE_FORMAT_VERSION, ARCHIVE_META_TABLE } from './tables';

const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface ArchiveMeta {
  formatVersion: number;
  schemaVersion: number;
  engineVersion: string;
  dealId: number;
  dealName: string;
  exportedAt: string;
  counts: Record<string, number>;
}

export interface OpenedArchive {
  /** The archive's working copy: migrated to this version's schema, checked, read-only from here on. */
  sqlite: Database.Database;
  meta: ArchiveMeta;
  close(): void;
}

/**
 * Checks an archive before anything is imported from it, on a private copy (the user's file is only
 * read): a SQLite file, a Diligence Desk database, not from a newer version, brought up to this
 * version's schema by the normal migrations, intact, stamped as an archive of exactly one deal.
 */
export function openArchive(file: string, migrationsDir: string = defaultMigrationsDir()): OpenedArchive {
  const source = path.resolve(file);
  checkHeader(source);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-archive-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  let database: AppDatabase | undefined;
  try {
    const copy = path.join(dir, 'archive.sqlite');
    try {
      copyFileSync(source, copy);
    } catch (error) {
      throw new ArchiveError('io', `Cannot read the archive ${source}: ${(error as Error).message}`, { cause: error });
    }
    database = openCopy(copy, source, migrationsDir);
    const meta = checkContents(database.sqlite, source, readMigrationFiles({ migrationsFolder: migrationsDir }).length);
    const opened = database;
    return {
      sqlite: opened.sqlite,
      meta,
      close: () => {
        opened.close();
        cleanup();
      },
    };
  } catch (error) {
    database?.close();
    cleanup();
    if (error instanceof ArchiveError) throw error;
    if (sqliteCode(error)?.startsWith('SQLITE_CORRUPT') || sqliteCode(error) === 'SQLITE_NOTADB') throw corrupt(source, error);
    throw new ArchiveError('io', `Cannot read the archive ${source}: ${(error as Error).message}`, { cause: error });
  }
}

function corrupt(source: string, cause: unknown, detail = (cause as Error).message): ArchiveError {
  return new ArchiveError('corrupt', `The archive ${source} is damaged (${detail}); it may be incomplete or truncated. Export the deal again; nothing was imported.`, { cause });
}

/** The same first check the database open makes, plus the file size the header promises. */
function checkHeader(source: string): void {
  let size: number;
  try {
    const info = statSync(source);
    if (!info.isFile()) throw new ArchiveError('not_archive', `${source} is a folder, not a Diligence Desk archive.`);
    size = info.size;
  } catch (error) {
    if (error instanceof ArchiveError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ArchiveError('not_found', `The archive ${source} does not exist.`, { cause: error });
    throw new ArchiveError('io', `Cannot read the archive ${source}: ${(error as Error).message}`, { cause: error });
  }
  const header = Buffer.alloc(100);
  const read = readHeader(source, header);
  if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new ArchiveError('not_archive', `${source} is not a Diligence Desk archive (it is not a SQLite file). Nothing was imported.`);
  }
  // Page size (1 means 65536) times the page count, valid when the header says so (SQLite ≥ 3.7.0).
  const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
  const pages = header.readUInt32BE(28);
  const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if (valid && pages > 0 && size < pageSize * pages) {
    throw corrupt(source, null, `the file has ${size} bytes where its header promises ${pageSize * pages}`);
  }
}

function readHeader(source: string, header: Buffer): number {
  try {
    const fd = openSync(source, 'r');
    try {
      return readSync(fd, header, 0, header.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new ArchiveError('io', `Cannot read the archive ${source}: ${(error as Error).message}`, { cause: error });
  }
}

/** Opens the copy through the guarded open: the same identity and version checks as the database, then migrations. */
function openCopy(copy: string, source: string, migrationsDir: string): AppDatabase {
  try {
    return openDatabase(copy, { migrationsDir, busyTimeoutMs: 0 });
  } catch (error) {
    if (!(error instanceof DatabaseError)) throw error;
    switch (error.code) {
      case 'not_a_database':
        throw new ArchiveError('not_archive', `${source} is not a Diligence Desk archive (it is not a SQLite file). Nothing was imported.`, { cause: error });
      case 'foreign_database':
        throw new ArchiveError('not_archive', `${source} is a SQLite database of another program, not a Diligence Desk archive. Nothing was imported.`, { cause: error });
      case 'newer_version': {
        const versions = /\(schema \d+; this version understands up to \d+\)/.exec(error.message)?.[0];
        throw new ArchiveError('newer_version', `${source} was exported by a newer version of Diligence Desk${versions ? ` ${versions}` : ''}. Update the app to import it; nothing was imported.`, { cause: error });
      }
      case 'migration_mismatch':
      case 'migration_failed':
        throw new ArchiveError('corrupt', `The archive ${source} cannot be brought up to this version's schema: ${error.message} Nothing was imported.`, { cause: error });
      default:
        throw new ArchiveError('io', `Cannot read the archive ${source}: ${error.message}`, { cause: error });
    }
  }
}

function checkContents(sqlite: Database.Database, source: string, shippedVersion: number): ArchiveMeta {
  const problems = sqlite.pragma('integrity_check') as Array<{ integrity_check: string }>;
  if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok') {
    throw corrupt(source, null, `integrity check: ${problems.slice(0, 3).map((p) => p.integrity_check).join('; ')}`);
  }
  const dangling = sqlite.pragma('foreign_key_check') as unknown[];
  if (dangling.length > 0) throw corrupt(source, null, `${dangling.length} rows point at rows that are not in it`);

  const hasMeta = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(ARCHIVE_META_TABLE);
  if (!hasMeta) {
    throw new ArchiveError('not_archive', `${source} is a Diligence Desk database, not a deal archive. Make an archive with: archive <deal> <file>. Nothing was imported.`);
  }
  const row = sqlite.prepare(`SELECT * FROM ${ARCHIVE_META_TABLE}`).all() as Array<Record<string, unknown>>;
  if (row.length !== 1) throw corrupt(source, null, `it has ${row.length} archive stamps instead of one`);
  const r = row[0]!;
  const meta: ArchiveMeta = {
    formatVersion: Number(r.format_version),
    schemaVersion: Number(r.schema_version),
    engineVersion: String(r.engine_version),
    dealId: Number(r.deal_id),
    dealName: String(r.deal_name),
    exportedAt: String(r.exported_at),
    counts: parseCounts(r.counts),
  };
  if (meta.formatVersion > ARCHIVE_FORMAT_VERSION || meta.schemaVersion > shippedVersion) {
    throw new ArchiveError(
      'newer_version',
      `${source} was exported by a newer version of Diligence Desk (archive format ${meta.formatVersion}, schema ${meta.schemaVersion}; this version understands up to format ${ARCHIVE_FORMAT_VERSION}, schema ${shippedVersion}). Update the app to import it; nothing was imported.`,
    );
  }
  const deals = sqlite.prepare('SELECT id FROM deals').pluck().all() as number[];
  if (deals.length !== 1 || deals[0] !== meta.dealId) {
    throw corrupt(source, null, `it holds ${deals.length} deals where an archive holds exactly its one deal`);
  }
  return meta;
}

function parseCounts(value: unknown): Record<string, number> {
  try {
    const parsed = JSON.parse(String(value)) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}
