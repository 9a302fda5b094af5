import Database from 'better-sqlite3';
import { existsSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ENGINE_VERSION } from '../../analysis/runner/engine-version';
import { NATIVE_BINDING_ENV, type Db } from '../../db/open';
import { ArchiveError } from './errors';
import { ARCHIVE_FORMAT_VERSION, ARCHIVE_META_TABLE, countRows, indexDealForSearch, quoteIdent, TABLES } from './tables';

export interface ExportResult {
  file: string;
  counts: Record<string, number>;
}

/**
 * Writes one deal to a single SQLite file: the whole database is copied with SQLite's online backup
 * (consistent while the app or a run writes), every other deal's rows are deleted from the copy in
 * one transaction, the copy is stamped (archive_meta) and vacuumed (no deleted row survives in free
 * pages), then renamed into place, so `file` is either the complete archive or untouched.
 */
export async function exportDealArchive(db: Db, input: { dealId: number; file: string }): Promise<ExportResult> {
  const sqlite = db.$client;
  const deal = sqlite.prepare('SELECT id, name FROM deals WHERE id = ? AND deleted_at IS NULL').get(input.dealId) as { id: number; name: string } | undefined;
  if (!deal) throw new ArchiveError('not_found', `There is no deal with id ${input.dealId} to archive.`);

  const target = path.resolve(input.file);
  const dir = path.dirname(target);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ArchiveError('io', `Cannot write the archive ${target}: the folder ${dir} does not exist.`);
  if (existsSync(target) && statSync(target).isDirectory()) throw new ArchiveError('io', `Cannot write the archive ${target}: it is a folder. Name a file.`);
  if (isSameFile(target, sqlite.name)) throw new ArchiveError('io', `Refusing to write the archive over the database itself (${target}). Choose another file name.`);

  const partial = path.join(dir, `.${path.basename(target)}.${process.pid}-${Date.now()}.partial`);
  try {
    await sqlite.backup(partial);
    const counts = pruneToDeal(partial, deal);
    renameSync(partial, target);
    return { file: target, counts };
  } catch (error) {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) rmSync(leftover, { force: true });
    if (error instanceof ArchiveError) throw error;
    throw new ArchiveError('io', `Could not write the archive ${target}: ${(error as Error).message}. Nothing was written there.`, { cause: error });
  }
}

/** Keeps only `deal` in the copied database, stamps it as an archive and compacts it. Returns its row counts. */
function pruneToDeal(file: string, deal: { id: number; name: string }): Record<string, number> {
  // The same compiled addon the app's own connection loaded (Electron needs its ABI's build).
  const copy = new Database(file, { nativeBinding: process.env[NATIVE_BINDING_ENV] });
  try {
    // The backup carries the source's WAL mode; an archive is one self-contained file.
    copy.pragma('journal_mode = DELETE');
    copy.pragma('foreign_keys = ON');
    const schemaVersion = copy.pragma('user_version', { simple: true }) as number;
    const params = { deal: deal.id };
    const counts = copy
      .transaction(() => {
        // Children first, so a declared foreign key would stop a deletion that orphaned a row.
        for (const spec of [...TABLES].reverse()) copy.prepare(`DELETE FROM ${quoteIdent(spec.name)} WHERE ${spec.notOfDeal}`).run(params);
        copy.prepare('DELETE FROM llm_settings').run();
        // A run still going in the source has no owner on the laptop that imports it.
        copy
          .prepare("UPDATE analysis_runs SET status = 'interrupted', owner_pid = NULL, owner_host = NULL, error = 'Interrupted: the deal was archived while this run was in progress.' WHERE status = 'running'")
          .run();
        // External-content indexes still hold the other deals' words: empty them and index this deal again.
        copy.prepare("INSERT INTO facts_fts (facts_fts) VALUES ('delete-all')").run();
        copy.prepare("INSERT INTO document_chunks_fts (document_chunks_fts) VALUES ('delete-all')").run();
        indexDealForSearch(copy, deal.id);
        const broken = copy.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`${broken.length} rows would be left pointing at another deal`);
        const rows = countRows(copy, deal.id);
        copy.exec(
          `CREATE TABLE ${ARCHIVE_META_TABLE} (
             id INTEGER PRIMARY KEY CHECK (id = 1),
             format_version INTEGER NOT NULL,
             schema_version INTEGER NOT NULL,
             engine_version TEXT NOT NULL,
             deal_id INTEGER NOT NULL,
             deal_name TEXT NOT NULL,
             exported_at TEXT NOT NULL,
             counts TEXT NOT NULL
           )`,
        );
        copy
          .prepare(`INSERT INTO ${ARCHIVE_META_TABLE} VALUES (1, ?, ?, ?, ?, ?, ?, ?)`)
          .run(ARCHIVE_FORMAT_VERSION, schemaVersion, ENGINE_VERSION, deal.id, deal.name, new Date().toISOString(), JSON.stringify(rows));
        return rows;
      })
      .immediate();
    // Rewrites the file from the kept rows only: nothing of another deal remains in free pages.
    copy.exec('VACUUM');
    return counts;
  } finally {
    copy.close();
  }
}

function isSameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
