import type Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { ArchiveError } from './errors';
import { columnsOf, indexDealForSearch, quoteIdent, TABLES, type TableSpec } from './tables';
import { openArchive } from './validate';

export interface ImportResult {
  dealId: number;
  name: string;
  counts: Record<string, number>;
}

type IdMaps = Map<string, Map<number, number>>;

/**
 * Adds the deal of an archive to the database. The archive is checked in full first (see
 * openArchive); then every row is copied in ONE immediate transaction with fresh row ids and every
 * reference remapped, while stable keys stay as they are (review decisions and later runs line up).
 * A deal of the same name is never overwritten: the import is refused unless `as` names it anew.
 * `migrationsDir`: the folder the database was opened with (the packaged app passes its resources').
 */
export function importDealArchive(db: Db, input: { file: string; as?: string; migrationsDir?: string }): ImportResult {
  const rename = input.as === undefined ? undefined : input.as.trim();
  if (rename === '') throw new ArchiveError('name_taken', 'The new name for the imported deal is empty; give it a name (--as NAME).');
  const archive = openArchive(input.file, input.migrationsDir);
  try {
    const name = rename ?? archive.meta.dealName;
    const live = db.$client;
    return live
      .transaction((): ImportResult => {
        const taken = live.prepare('SELECT id FROM deals WHERE name = ? AND deleted_at IS NULL').get(name);
        if (taken) {
          throw new ArchiveError(
            'name_taken',
            `A deal named "${name}" already exists in this database; nothing was imported. Import the archive under another name (--as NAME), or rename the existing deal first.`,
          );
        }
        const maps: IdMaps = new Map();
        const counts: Record<string, number> = {};
        for (const spec of TABLES) counts[spec.name] = copyTable(archive.sqlite, live, spec, maps, spec.name === 'deals' ? { name } : {});
        const dealId = maps.get('deals')?.get(archive.meta.dealId);
        if (dealId === undefined) throw new ArchiveError('corrupt', `The archive ${input.file} has no row for its deal; nothing was imported.`);
        indexDealForSearch(live, dealId);
        return { dealId, name, counts };
      })
      .immediate();
  } finally {
    archive.close();
  }
}

/** Copies one table's rows, giving id columns fresh values and remapping references. Returns rows added. */
function copyTable(from: Database.Database, to: Database.Database, spec: TableSpec, maps: IdMaps, overrides: Record<string, unknown>): number {
  const columns = columnsOf(to, spec.name);
  const available = new Set(columnsOf(from, spec.name));
  const missing = columns.filter((c) => !available.has(c));
  if (missing.length > 0) throw new ArchiveError('corrupt', `The archive's ${spec.name} table lacks ${missing.join(', ')}; nothing was imported.`);
  const written = columns.filter((c) => c !== spec.id);
  const insert = to.prepare(
    `INSERT ${spec.shared ? 'OR IGNORE ' : ''}INTO ${quoteIdent(spec.name)} (${written.map(quoteIdent).join(', ')}) VALUES (${written.map(() => '?').join(', ')})`,
  );
  const ids = new Map<number, number>();
  if (spec.id) maps.set(spec.name, ids);
  // A row may point at a later row of its own table (not seen yet); those references are set afterwards.
  const pending: Array<{ id: number; column: string; old: number }> = [];
  let added = 0;
  for (const row of from.prepare(`SELECT * FROM ${quoteIdent(spec.name)} ORDER BY rowid`).iterate() as IterableIterator<Record<string, unknown>>) {
    const selfRefs: Array<{ column: string; old: number }> = [];
    const values = written.map((column) => {
      if (column in overrides) return overrides[column];
      const value = row[column];
      const target = spec.refs[column];
      if (target === undefined || value === null || value === undefined) return value;
      const table = typeof target === 'function' ? target(row) : target;
      const mapped = maps.get(table)?.get(Number(value));
      if (mapped !== undefined) return mapped;
      if (table === spec.name) {
        selfRefs.push({ column, old: Number(value) });
        return null;
      }
      throw new ArchiveError('corrupt', `The archive's ${spec.name}.${column} points at ${table} row ${String(value)}, which it does not contain; nothing was imported.`);
    });
    const info = insert.run(values);
    added += info.changes;
    if (spec.id) ids.set(Number(row[spec.id]), Number(info.lastInsertRowid));
    for (const ref of selfRefs) pending.push({ id: Number(info.lastInsertRowid), ...ref });
  }
  for (const ref of pending) {
    const mapped = ids.get(ref.old);
    if (mapped === undefined) throw new ArchiveError('corrupt', `The archive's ${spec.name}.${ref.column} points at a row it does not contain; nothing was imported.`);
    to.prepare(`UPDATE ${quoteIdent(spec.name)} SET ${quoteIdent(ref.column)} = ? WHERE ${quoteIdent(spec.id!)} = ?`).run(mapped, ref.id);
  }
  return added;
}
