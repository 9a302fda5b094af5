import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { defaultMigrationsDir } from '../../../src-main/db/paths';
import { tempDatabase, tempDir } from '../../support/temp';

interface Journal {
  entries: Array<{ idx: number; when: number; tag: string }>;
}
const dir = defaultMigrationsDir();
const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;

/** The shipped migrations cut after the first `count` steps: a database as an older version left it. */
function migrationsUpTo(count: number): string {
  const target = path.join(tempDir(), 'migrations');
  cpSync(dir, target, { recursive: true });
  const cut = { ...journal, entries: journal.entries.slice(0, count) };
  writeFileSync(path.join(target, 'meta', '_journal.json'), JSON.stringify(cut));
  return target;
}

const names = (sqlite: ReturnType<typeof tempDatabase>['database']['sqlite'], type: string) =>
  sqlite.prepare('SELECT name FROM sqlite_master WHERE type = ?').pluck().all(type) as string[];
const columns = (sqlite: ReturnType<typeof tempDatabase>['database']['sqlite'], table: string) =>
  (sqlite.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);

describe('shipped migrations', () => {
  it('have strictly increasing journal timestamps (drizzle silently skips a step that is not newer)', () => {
    const whens = journal.entries.map((e) => e.when);
    for (let i = 1; i < whens.length; i++) expect(whens[i]).toBeGreaterThan(whens[i - 1]!);
  });

  it('have one SQL file per journal entry and no strays', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    expect(files).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort());
  });

  // One test per migration (Signal's practice): what each step must leave behind.
  it('0000_initial_schema creates the core tables and the indexes the read paths need', () => {
    const { database } = tempDatabase();
    const tables = database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining(['deals', 'documents', 'analysis_runs', 'run_documents', 'subjects', 'facts', 'fact_evidence', 'gaps', 'findings', 'finding_evidence']),
    );
    const indexes = database.sqlite.prepare("SELECT name FROM sqlite_master WHERE type='index'").pluck().all();
    expect(indexes).toEqual(
      expect.arrayContaining([
        'facts_deal_run_domain_idx',
        'facts_run_key_uq',
        'fact_evidence_document_idx',
        'findings_deal_run_type_severity_idx',
        'gaps_deal_run_domain_idx',
        'runs_deal_status_finished_idx',
      ]),
    );
  });

  it('0001_review_state adds review decisions per deal and stable key, and the audit log', () => {
    const { database } = tempDatabase();
    expect(names(database.sqlite, 'table')).toEqual(expect.arrayContaining(['reviews', 'review_audit']));
    expect(names(database.sqlite, 'index')).toEqual(expect.arrayContaining(['reviews_deal_status_idx', 'review_audit_deal_at_idx', 'review_audit_item_idx']));
    // The primary key is what the list queries' "not dismissed" lookup runs on.
    const plan = database.sqlite
      .prepare("EXPLAIN QUERY PLAN SELECT 1 FROM reviews WHERE deal_id = 1 AND item_kind = 'finding' AND stable_key = 'k'")
      .all() as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX sqlite_autoindex_reviews_1/);
  });

  it('0002_data_room_changes adds document text, run baselines, per-run document changes and evidence contributions', () => {
    const { database } = tempDatabase();
    expect(names(database.sqlite, 'table')).toContain('document_chunks');
    expect(columns(database.sqlite, 'analysis_runs')).toContain('baseline_run_id');
    expect(columns(database.sqlite, 'documents')).toContain('text_chunks');
    expect(columns(database.sqlite, 'run_documents')).toEqual(expect.arrayContaining(['change', 'reused_from_run_id']));
    expect(columns(database.sqlite, 'fact_evidence')).toEqual(
      expect.arrayContaining(['confidence', 'category', 'subject_name', 'written_name', 'value_text', 'unit', 'derivation']),
    );
  });

  it('0003_full_text_search adds the FTS5 indexes over document text and facts', () => {
    const { database } = tempDatabase();
    expect(names(database.sqlite, 'table')).toEqual(expect.arrayContaining(['document_chunks_fts', 'facts_fts']));
  });

  it('0005_search_index_in_bulk takes index upkeep off the write path and records what is indexed', () => {
    const { database } = tempDatabase();
    expect(names(database.sqlite, 'trigger').filter((t) => t.includes('fts'))).toEqual([]);
    expect(columns(database.sqlite, 'analysis_runs')).toContain('search_indexed_at');
    expect(columns(database.sqlite, 'documents')).toContain('text_indexed');
  });

  it('0006_run_skipped_files records, per run, the files it did not analyse and why', () => {
    const { database } = tempDatabase();
    expect(columns(database.sqlite, 'run_skipped_files')).toEqual(['run_id', 'relative_path', 'reason']);
    // A database at schema 6 (before this step) upgrades with its runs intact.
    const file = path.join(tempDir(), 'at6.sqlite');
    const before = openDatabase(file, { migrationsDir: migrationsUpTo(6) });
    before.sqlite.exec(`INSERT INTO deals (id, name, deal_type, as_of_date) VALUES (1, 'Deal', 'acquisition', '2026-01-01');
      INSERT INTO analysis_runs (id, deal_id, run_number, status, engine_version, settings, phase, started_at, heartbeat_at) VALUES (1, 1, 1, 'completed', 'e', '{}', 'done', 't', 't');`);
    expect(names(before.sqlite, 'table')).not.toContain('run_skipped_files');
    before.close();
    const after = openDatabase(file);
    after.sqlite.prepare("INSERT INTO run_skipped_files (run_id, relative_path, reason) VALUES (1, 'a.doc', 'unsupported file type .doc')").run();
    expect(() => after.sqlite.prepare("INSERT INTO run_skipped_files (run_id, relative_path, reason) VALUES (99, 'b.doc', 'x')").run()).toThrow(/FOREIGN KEY/);
    after.close();
  });

  it('0005 marks what the triggers of 0003 had indexed, so nothing is indexed twice', () => {
    const file = path.join(tempDir(), 'at4.sqlite');
    const before = openDatabase(file, { migrationsDir: migrationsUpTo(5) });
    before.sqlite.exec(`
      INSERT INTO deals (id, name, deal_type, as_of_date) VALUES (1, 'Deal', 'acquisition', '2026-01-01');
      INSERT INTO documents (id, deal_id, entity, relative_path, sha256, size_bytes, kind, status, version, text_chunks) VALUES (1, 1, 'target', 'a.txt', 'abc', 10, 'text', 'parsed', 1, 1);
      INSERT INTO document_chunks (document_id, seq, line, text) VALUES (1, 0, 1, 'Veeam backups nightly');
      INSERT INTO analysis_runs (id, deal_id, run_number, status, engine_version, settings, phase, started_at, heartbeat_at)
        VALUES (1, 1, 1, 'completed', 'e1', '{}', 'done', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
    `);
    before.close();
    const after = openDatabase(file);
    try {
      expect(after.sqlite.prepare('SELECT text_indexed FROM documents').pluck().get()).toBe(1);
      expect(after.sqlite.prepare('SELECT search_indexed_at FROM analysis_runs').pluck().get()).toBeTruthy();
      expect(after.sqlite.prepare("SELECT rowid FROM document_chunks_fts WHERE document_chunks_fts MATCH 'veeam'").pluck().all()).toEqual([1]);
      after.sqlite.prepare("INSERT INTO document_chunks_fts (document_chunks_fts) VALUES ('integrity-check')").run();
    } finally {
      after.close();
    }
  });

  it('upgrades a database left by schema 1 with its data: old facts become searchable, old runs are never a reuse source', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = openDatabase(file, { migrationsDir: migrationsUpTo(1) });
    old.sqlite.exec(`
      INSERT INTO deals (id, name, deal_type, as_of_date) VALUES (1, 'Old deal', 'acquisition', '2026-01-01');
      INSERT INTO documents (id, deal_id, entity, relative_path, sha256, size_bytes, kind, status, version) VALUES (1, 1, 'target', 'memo.txt', 'abc', 10, 'text', 'parsed', 1);
      INSERT INTO analysis_runs (id, deal_id, run_number, status, engine_version, settings, phase, started_at, heartbeat_at, finished_at)
        VALUES (1, 1, 1, 'completed', 'e1', '{}', 'done', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', '2026-01-01T00:01:00Z');
      INSERT INTO run_documents (run_id, document_id, status) VALUES (1, 1, 'done');
      INSERT INTO facts (id, stable_key, deal_id, run_id, entity, domain, category, subject_name, attribute, value_type, value_text, confidence, derivation)
        VALUES (1, 'fct_x', 1, 1, 'target', 'applications', 'inventory', 'Ledgerline ERP', 'app_hosting', 'text', 'On Prem', 0.9, 'stated');
      INSERT INTO fact_evidence (fact_id, run_id, document_id, location_key, line, quote) VALUES (1, 1, 1, 'l3', 3, 'Ledgerline ERP | On Prem');
    `);
    old.close();
    const upgraded = openDatabase(file);
    try {
      expect(readdirSync(path.dirname(file)).some((f) => /^old\.sqlite\.schema-1-.*\.bak$/.test(f))).toBe(true);
      expect(upgraded.sqlite.prepare("SELECT rowid FROM facts_fts WHERE facts_fts MATCH 'ledgerline'").pluck().all()).toEqual([1]);
      expect(upgraded.sqlite.prepare('SELECT text_chunks FROM documents').pluck().get()).toBeNull();
      expect(upgraded.sqlite.prepare('SELECT confidence FROM fact_evidence').pluck().get()).toBeNull();
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      upgraded.close();
    }
  });
});
