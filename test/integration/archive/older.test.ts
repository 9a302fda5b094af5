// An archive written by an older version (schema 5, before the search index moved to bulk builds)
// is brought up to this version's schema by the normal migrations, on a private copy, then imported.
import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { DealData } from '../../../src-main/deal-data/deal-data';
import { importDealArchive } from '../../../src-main/services/archive';
import { REPO_ROOT } from '../../support/paths';
import { tempDatabase, tempDir } from '../../support/temp';
import { searchFacts, searchText } from './support';

const OLDER_STEPS = 5;

/** This build's migrations folder, cut back to its first `steps` migrations. */
function olderMigrations(steps: number): string {
  const dir = path.join(tempDir('dd-old-migrations-'), 'migrations');
  mkdirSync(path.join(dir, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(REPO_ROOT, 'migrations/meta/_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(0, steps);
  writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) copyFileSync(path.join(REPO_ROOT, 'migrations', `${tag}.sql`), path.join(dir, `${tag}.sql`));
  return dir;
}

/** An archive as a schema-5 build would have written it: one deal, one run, a little of everything. */
function olderArchive(): string {
  const file = path.join(tempDir(), 'legacy.ddarchive');
  const old = openDatabase(file, { migrationsDir: olderMigrations(OLDER_STEPS) });
  expect(old.schemaVersion).toBe(OLDER_STEPS);
  const db = old.sqlite;
  db.exec(`
    INSERT INTO deals (id, name, deal_type, as_of_date) VALUES (7, 'Legacy Deal', 'acquisition', '2025-06-30');
    INSERT INTO documents (id, deal_id, entity, relative_path, sha256, size_bytes, kind, status, version, text_chunks)
      VALUES (3, 7, 'target', 'inventory.md', 'abc123', 120, 'markdown', 'parsed', 1, 2);
    INSERT INTO document_chunks (document_id, seq, line, text) VALUES (3, 0, 1, 'Mainframe hosts the policy administration system'), (3, 1, 2, 'Backups run nightly to tape');
    INSERT INTO analysis_runs (id, deal_id, run_number, status, engine_version, settings, phase, docs_total, docs_done, fact_count, gap_count, finding_count, started_at, heartbeat_at, finished_at)
      VALUES (5, 7, 1, 'completed', 'extract-1+rules-1', '{}', 'done', 1, 1, 2, 1, 1, '2025-07-01T10:00:00.000Z', '2025-07-01T10:01:00.000Z', '2025-07-01T10:01:00.000Z');
    INSERT INTO run_documents (run_id, document_id, status, evidence_count, finished_at, change) VALUES (5, 3, 'done', 2, '2025-07-01T10:00:30.000Z', 'new');
    INSERT INTO facts (id, stable_key, deal_id, run_id, entity, domain, category, subject_name, attribute, value_type, value_text, confidence, derivation)
      VALUES (11, 'fact:mainframe', 7, 5, 'target', 'infrastructure', 'hosting', 'Mainframe', 'server_os', 'text', 'z/OS 2.1', 0.9, 'stated'),
             (12, 'fact:backup', 7, 5, 'target', 'infrastructure', 'backup', NULL, 'backup_frequency', 'text', 'nightly', 0.8, 'stated');
    INSERT INTO fact_evidence (fact_id, run_id, document_id, location_key, line, quote) VALUES (11, 5, 3, 'l1', 1, 'Mainframe hosts'), (12, 5, 3, 'l2', 2, 'Backups run nightly');
    INSERT INTO gaps (id, stable_key, deal_id, run_id, checklist_item, domain, title, kind, importance, importance_rank, request, reasoning)
      VALUES (21, 'gap:dr', 7, 5, 'INF-9', 'infrastructure', 'DR test', 'missing', 'high', 1, 'Share the last DR test report.', 'No DR test is stated.');
    INSERT INTO findings (id, stable_key, deal_id, run_id, rule_id, type, domain, title, description, severity, severity_rank, lens, reasoning)
      VALUES (31, 'finding:eol-zos', 7, 5, 'eol', 'risk', 'infrastructure', 'z/OS 2.1 is past end of life', 'Unsupported mainframe OS.', 'high', 1, 'cost_driver', 'End of support before 2025-06-30.');
    INSERT INTO finding_evidence (finding_id, evidence_kind, ref_id) VALUES (31, 'fact', 11), (31, 'gap', 21);
    INSERT INTO reviews (deal_id, item_kind, stable_key, status, updated_at, updated_by) VALUES (7, 'finding', 'finding:eol-zos', 'accepted', '2025-07-02T09:00:00.000Z', 'alice');
    INSERT INTO review_audit (deal_id, item_kind, stable_key, field, before, after, actor, at) VALUES (7, 'finding', 'finding:eol-zos', 'status', NULL, 'accepted', 'alice', '2025-07-02T09:00:00.000Z');
    CREATE TABLE archive_meta (id INTEGER PRIMARY KEY CHECK (id = 1), format_version INTEGER NOT NULL, schema_version INTEGER NOT NULL, engine_version TEXT NOT NULL,
      deal_id INTEGER NOT NULL, deal_name TEXT NOT NULL, exported_at TEXT NOT NULL, counts TEXT NOT NULL);
    INSERT INTO archive_meta VALUES (1, 1, ${OLDER_STEPS}, 'extract-1+rules-1', 7, 'Legacy Deal', '2025-07-03T00:00:00.000Z', '{}');
  `);
  db.pragma('journal_mode = DELETE');
  old.close();
  return file;
}

describe('an archive from an older version', () => {
  it('is migrated forward on a copy and imported: results, reviews and search as the older app had them', () => {
    const file = olderArchive();
    const before = readFileSync(file);
    const { database } = tempDatabase();
    // Something already in the target, so the archive's ids (7, 5, 11…) cannot be kept as they are.
    database.sqlite.prepare("INSERT INTO deals (name, deal_type, as_of_date) VALUES ('Present Deal', 'acquisition', '2026-01-01')").run();

    const result = importDealArchive(database.db, { file });
    expect(result).toMatchObject({ name: 'Legacy Deal', counts: { deals: 1, documents: 1, analysis_runs: 1, facts: 2, fact_evidence: 2, gaps: 1, findings: 1, finding_evidence: 2, reviews: 1, review_audit: 1, document_chunks: 2 } });
    // The user's file is only read: still schema 5, byte for byte.
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(new Database(file, { readonly: true }).pragma('user_version', { simple: true })).toBe(OLDER_STEPS);

    const data = new DealData(database.db);
    const findings = data.findings({ dealId: result.dealId, page: { limit: 10, offset: 0 } });
    expect(findings.total).toBe(1);
    expect(findings.rows[0]).toMatchObject({ title: 'z/OS 2.1 is past end of life' });
    const detail = data.finding(result.dealId, findings.rows[0]!.id);
    expect(detail.facts.map((f) => f.fact.value)).toEqual(['z/OS 2.1']);
    expect(detail.facts[0]!.evidence[0]).toMatchObject({ quote: 'Mainframe hosts' });
    expect(detail.gaps.map((g) => g.title)).toEqual(['DR test']);
    expect(data.gaps({ dealId: result.dealId, page: { limit: 10, offset: 0 } }).total).toBe(1);
    expect(database.sqlite.prepare('SELECT status FROM reviews WHERE deal_id = ?').pluck().all(result.dealId)).toEqual(['accepted']);
    // Migration 0005 recorded the older runs and text as indexed; the import indexed them under their new ids.
    expect(searchFacts(database, result.dealId, 'nightly')).toEqual(['fact:backup']);
    expect(searchText(database, result.dealId, 'mainframe')).toBe(1);
    expect(database.sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
