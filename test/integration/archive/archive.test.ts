// Deal archives (issue 6, item 6): one deal to one SQLite file and into another database, where the
// app shows exactly what it showed before; bad files are refused before anything is touched.
import Database from 'better-sqlite3';
import { copyFileSync, readFileSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../../src-main/db/open';
import { ArchiveError, exportDealArchive, importDealArchive, isExcluded, TABLES, type ArchiveErrorCode } from '../../../src-main/services/archive';
import { createRepositories } from '../../../src-main/repositories';
import { reviewFact, reviewFinding } from '../../../src-main/services/review';
import { analyse } from '../../support/rooms';
import { sample } from '../../support/paths';
import { suiteDatabase } from '../../support/suite-db';
import { tempDatabase, tempDir } from '../../support/temp';
import { dealView, fingerprint, searchFacts, searchText, withoutIds } from './support';

const DEAL = 'Great Insurance';
const OTHER = 'Zebra Scenarios 42';
let source: AppDatabase;
let target: AppDatabase;
let dir: string;
let dealId: number;
let otherId: number;
let archive: string;
let exported: { file: string; counts: Record<string, number> };
let dismissedKey: string;

beforeAll(async () => {
  const suite = suiteDatabase('dd-archive-');
  ({ database: source, dir } = suite);
  const other = await analyse(source, sample('scenarios'), { name: OTHER, asOfDate: '2026-02-01' });
  otherId = other.dealId;
  const first = await analyse(source, sample('great-insurance'), { name: DEAL, asOfDate: '2026-02-01' });
  await analyse(source, sample('great-insurance'), { name: DEAL, asOfDate: '2026-02-01' });
  dealId = first.dealId;
  // Review state on both sides: decisions on run 1's rows apply by stable key to run 2.
  const repos = createRepositories(source.db);
  const finding = repos.findings.list({ runId: first.runId }, undefined, { limit: 5 }).rows[0]!;
  dismissedKey = finding.stableKey;
  reviewFinding(source.db, { dealId, finding: { id: finding.id }, status: 'dismissed', reason: 'Remediated before signing' }, 'alice');
  const fact = repos.facts.list({ runId: first.runId }).rows[0]!;
  reviewFact(source.db, { dealId, fact: { id: fact.id }, status: 'confirmed', note: 'Checked with the CIO' }, 'bob');
  reviewFact(source.db, { dealId, fact: { id: fact.id }, status: 'incorrect' }, 'carol');
  // Review the other deal too: none of it may travel.
  const otherFinding = repos.findings.list({ runId: other.runId }, undefined, { limit: 5 }).rows[0]!;
  reviewFinding(source.db, { dealId: otherId, finding: { id: otherFinding.id }, status: 'accepted', note: 'zebra-only note' }, 'zed');

  archive = path.join(dir, 'great-insurance.ddarchive');
  exported = await exportDealArchive(source.db, { dealId, file: archive });
  target = openDatabase(path.join(dir, 'laptop-b.sqlite'));
  return () => {
    target.close();
    suite.dispose();
  };
}, 180_000);

function errorOf(fn: () => unknown): ArchiveError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ArchiveError) return error;
    throw error;
  }
  throw new Error('expected an ArchiveError');
}

describe('exporting a deal', () => {
  it('writes one SQLite file holding the deal, its runs, results and reviews, stamped as an archive', () => {
    expect(exported.file).toBe(archive);
    const file = new Database(archive, { readonly: true });
    try {
      expect(file.pragma('application_id', { simple: true })).toBe(0x44446b31);
      expect(file.pragma('journal_mode', { simple: true })).toBe('delete');
      const meta = file.prepare('SELECT * FROM archive_meta').get() as Record<string, unknown>;
      expect(meta).toMatchObject({ format_version: 1, schema_version: source.schemaVersion, deal_id: dealId, deal_name: DEAL });
      expect(JSON.parse(String(meta.counts))).toEqual(exported.counts);
      expect(file.prepare('SELECT name FROM deals').pluck().all()).toEqual([DEAL]);
      expect(file.prepare('SELECT count(*) FROM analysis_runs').pluck().get()).toBe(2);
      expect(file.prepare('SELECT count(*) FROM llm_settings').pluck().get()).toBe(0);
      for (const spec of TABLES) expect(file.prepare(`SELECT count(*) FROM "${spec.name}"`).pluck().get(), spec.name).toBe(exported.counts[spec.name]);
    } finally {
      file.close();
    }
    expect(exported.counts).toMatchObject({ deals: 1, analysis_runs: 2, reviews: 2, review_audit: 5 });
    expect(exported.counts.facts).toBeGreaterThan(100);
    expect(exported.counts.document_chunks).toBeGreaterThan(100);
  });

  it('contains no row, index entry or stray page of another deal', () => {
    const bytes = readFileSync(archive).toString('latin1');
    expect(bytes).not.toContain(OTHER);
    expect(bytes).not.toContain('zebra-only note');
    // Distinctive quotes of the other deal (not stated in this deal's documents) appear nowhere in the file.
    const quotes = source.sqlite
      .prepare(
        `SELECT DISTINCT e.quote FROM fact_evidence e JOIN facts f ON f.id = e.fact_id WHERE f.deal_id = ? AND length(e.quote) > 40
           AND e.quote NOT IN (SELECT e2.quote FROM fact_evidence e2 JOIN facts f2 ON f2.id = e2.fact_id WHERE f2.deal_id = ?) LIMIT 50`,
      )
      .pluck()
      .all(otherId, dealId) as string[];
    expect(quotes.length).toBeGreaterThan(10);
    for (const quote of quotes) expect(bytes.includes(quote), quote).toBe(false);
    const sha = source.sqlite.prepare('SELECT sha256 FROM documents WHERE deal_id = ?').pluck().all(otherId) as string[];
    for (const hash of sha) expect(bytes).not.toContain(hash);
  });

  it('decides every table of the schema: copied with its references remapped, or left out on purpose', () => {
    const tables = source.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const copied = new Set(TABLES.map((t) => t.name));
    for (const table of tables) expect(copied.has(table) || isExcluded(table), `${table} is neither archived nor excluded`).toBe(true);
    for (const spec of TABLES) {
      const declared = source.sqlite.prepare(`PRAGMA foreign_key_list("${spec.name}")`).all() as Array<{ from: string }>;
      for (const fk of declared) expect(Object.keys(spec.refs), `${spec.name}.${fk.from}`).toContain(fk.from);
    }
  });

  it('refuses an unknown deal, a missing folder and the database file itself, writing nothing', async () => {
    await expect(exportDealArchive(source.db, { dealId: 9999, file: path.join(dir, 'x.ddarchive') })).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportDealArchive(source.db, { dealId, file: path.join(dir, 'no-such-dir', 'x.ddarchive') })).rejects.toMatchObject({ code: 'io' });
    await expect(exportDealArchive(source.db, { dealId, file: source.file })).rejects.toMatchObject({ code: 'io', message: /over the database itself/ });
  });
});

describe('exporting a deal with a run in progress', () => {
  it('archives the run as interrupted, since no process owns it on the laptop that imports it', async () => {
    const { database } = tempDatabase();
    const deal = database.sqlite.prepare("INSERT INTO deals (name, deal_type, as_of_date) VALUES ('Busy', 'acquisition', '2026-01-01')").run().lastInsertRowid;
    database.sqlite
      .prepare("INSERT INTO analysis_runs (deal_id, run_number, status, engine_version, settings, phase, owner_pid, owner_host, started_at, heartbeat_at) VALUES (?, 1, 'running', 'x', '{}', 'documents', ?, 'laptop-a', '2026-01-01', '2026-01-01')")
      .run(deal, process.pid);
    const file = path.join(tempDir(), 'busy.ddarchive');
    await exportDealArchive(database.db, { dealId: Number(deal), file });
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare('SELECT status, owner_pid, owner_host, error FROM analysis_runs').get()).toEqual({
      status: 'interrupted',
      owner_pid: null,
      owner_host: null,
      error: 'Interrupted: the deal was archived while this run was in progress.',
    });
    copy.close();
    // The source's run is left to its owner.
    expect(database.sqlite.prepare('SELECT status FROM analysis_runs').pluck().get()).toBe('running');
  });
});

describe('importing the archive on another laptop', () => {
  let imported: ReturnType<typeof importDealArchive>;

  beforeAll(() => {
    imported = importDealArchive(target.db, { file: archive });
  });

  it('adds the deal under its name with fresh ids and every row', () => {
    expect(imported.name).toBe(DEAL);
    expect(imported.counts).toEqual(exported.counts);
    const row = target.sqlite.prepare('SELECT * FROM deals WHERE id = ?').get(imported.dealId) as Record<string, unknown>;
    expect(row).toMatchObject({ name: DEAL, as_of_date: '2026-02-01', deleted_at: null });
    expect(target.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(target.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('shows exactly what the source shows: deal, runs, dashboard, every page of facts, gaps, findings and documents, reviews and their log', () => {
    const before = withoutIds(dealView(source, dealId));
    const after = withoutIds(dealView(target, imported.dealId));
    expect(after).toEqual(before);
  });

  it('keeps stable keys, so review decisions apply as before (the dismissed finding stays hidden in both runs)', () => {
    const keys = (db: AppDatabase, id: number, table: string) => db.sqlite.prepare(`SELECT stable_key FROM ${table} WHERE deal_id = ? ORDER BY 1`).pluck().all(id);
    for (const table of ['facts', 'gaps', 'findings', 'subjects']) expect(keys(target, imported.dealId, table), table).toEqual(keys(source, dealId, table));
    const repos = createRepositories(target.db);
    for (const run of repos.runs.list(imported.dealId)) {
      const visible = repos.findings.list({ runId: run.id }, undefined, { limit: 500 }).rows.map((f) => f.stableKey);
      expect(visible).not.toContain(dismissedKey);
    }
  });

  it('makes the imported facts and document text searchable', () => {
    for (const word of ['server', 'backup', 'vendor']) {
      expect(searchFacts(target, imported.dealId, word), word).toEqual(searchFacts(source, dealId, word));
      expect(searchText(target, imported.dealId, word), word).toBe(searchText(source, dealId, word));
    }
    expect(searchText(target, imported.dealId, 'insurance')).toBeGreaterThan(0);
  });

  it('refuses to import the same deal again under its name, and imports it under another with --as', () => {
    target.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const before = fingerprint(target);
    const refused = errorOf(() => importDealArchive(target.db, { file: archive }));
    expect(refused.code).toBe('name_taken');
    expect(refused.message).toMatch(/A deal named "Great Insurance" already exists.*--as NAME/);
    expect(fingerprint(target)).toBe(before);
    expect(errorOf(() => importDealArchive(target.db, { file: archive, as: '   ' })).code).toBe('name_taken');

    const copy = importDealArchive(target.db, { file: archive, as: 'Great Insurance (copy)' });
    expect(copy.name).toBe('Great Insurance (copy)');
    expect(copy.dealId).not.toBe(imported.dealId);
    const view = withoutIds(dealView(target, copy.dealId)) as { deal: { deal: { name: string } } };
    const original = withoutIds(dealView(source, dealId)) as { deal: { deal: { name: string } } };
    original.deal.deal.name = 'Great Insurance (copy)';
    expect(view).toEqual(original);
  });
});

describe('analysing the imported deal again', () => {
  it('makes run 3, with the same stable keys, so the decisions made on laptop A apply to it', async () => {
    const dealOnB = createRepositories(target.db).deals.findByName(DEAL)!;
    const run = await analyse(target, sample('great-insurance'), { name: DEAL });
    expect(run.dealId).toBe(dealOnB.id);
    const repos = createRepositories(target.db);
    const row = repos.runs.get(run.runId)!;
    expect(row).toMatchObject({ runNumber: 3, status: 'completed' });
    const all = repos.findings.list({ runId: run.runId }, undefined, { limit: 500 }, { includeDeleted: true }).rows.map((f) => f.stableKey);
    const visible = repos.findings.list({ runId: run.runId }, undefined, { limit: 500 }).rows.map((f) => f.stableKey);
    expect(all).toContain(dismissedKey);
    expect(visible).not.toContain(dismissedKey);
    // The same results as run 2 on laptop A: same keys, nothing doubled.
    const keysOf = (db: AppDatabase, runId: number) => db.sqlite.prepare('SELECT stable_key FROM facts WHERE run_id = ? ORDER BY 1').pluck().all(runId);
    const run2OnA = createRepositories(source.db).runs.list(dealId).find((r) => r.runNumber === 2)!;
    expect(keysOf(target, run.runId)).toEqual(keysOf(source, run2OnA.id));
  }, 120_000);
});

describe('refusing a bad archive before touching the database', () => {
  const cases: Array<[string, ArchiveErrorCode, RegExp, () => string]> = [
    ['a missing file', 'not_found', /does not exist/, () => path.join(dir, 'nowhere.ddarchive')],
    ['a text file', 'not_archive', /not a Diligence Desk archive \(it is not a SQLite file\)/, () => write('notes.ddarchive', 'Quarterly notes\n'.repeat(50))],
    ['an empty file', 'not_archive', /not a SQLite file/, () => write('empty.ddarchive', '')],
    ['a SQLite file of another program', 'not_archive', /SQLite database of another program/, () => foreignSqlite()],
    ['a Diligence Desk database that is not an archive', 'not_archive', /a Diligence Desk database, not a deal archive/, () => plainDatabase()],
    ['a truncated archive', 'corrupt', /is damaged .*truncated/, () => truncated()],
    ['an archive from a newer schema', 'newer_version', /newer version of Diligence Desk \(schema 99; this version understands up to \d+\)/, () => stamped('user_version', 99)],
    ['an archive of a newer format', 'newer_version', /newer version of Diligence Desk \(archive format 7/, () => stamped('format_version', 7)],
    ['an archive holding two deals', 'corrupt', /holds 2 deals/, () => twoDeals()],
  ];

  for (const [what, code, message, make] of cases) {
    it(`refuses ${what} with "${code}" and leaves the database byte-for-byte unchanged`, () => {
      const file = make();
      const archiveBefore = readFileSync(archive);
      target.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      const before = fingerprint(target);
      const deals = target.sqlite.prepare('SELECT count(*) FROM deals').pluck().get();
      const error = errorOf(() => importDealArchive(target.db, { file, as: `Attempt ${code} ${what}` }));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(fingerprint(target)).toBe(before);
      expect(target.sqlite.prepare('SELECT count(*) FROM deals').pluck().get()).toBe(deals);
      expect(readFileSync(archive).equals(archiveBefore)).toBe(true);
    });
  }

  function write(name: string, content: string): string {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  }

  function foreignSqlite(): string {
    const file = path.join(dir, 'budget.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE IF NOT EXISTS accounts (id INTEGER PRIMARY KEY, name TEXT)');
    db.close();
    return file;
  }

  function plainDatabase(): string {
    const file = path.join(dir, 'plain.sqlite');
    openDatabase(file).close();
    return file;
  }

  function copyOfArchive(name: string): string {
    const file = path.join(dir, name);
    copyFileSync(archive, file);
    return file;
  }

  function truncated(): string {
    const file = copyOfArchive('truncated.ddarchive');
    truncateSync(file, Math.floor(statSync(file).size / 2));
    return file;
  }

  function stamped(field: 'user_version' | 'format_version', value: number): string {
    const file = copyOfArchive(`newer-${field}.ddarchive`);
    const db = new Database(file);
    if (field === 'user_version') db.pragma(`user_version = ${value}`);
    else db.prepare('UPDATE archive_meta SET format_version = ?').run(value);
    db.close();
    return file;
  }

  function twoDeals(): string {
    const file = copyOfArchive('two-deals.ddarchive');
    const db = new Database(file);
    db.prepare("INSERT INTO deals (name, deal_type, as_of_date) VALUES ('Stowaway', 'acquisition', '2026-01-01')").run();
    db.close();
    return file;
  }
});
