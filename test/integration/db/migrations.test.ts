import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultMigrationsDir } from '../../../src-main/db/paths';
import { tempDatabase } from '../../support/temp';

interface Journal {
  entries: Array<{ idx: number; when: number; tag: string }>;
}
const dir = defaultMigrationsDir();
const journal = JSON.parse(readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;

describe('shipped migrations', () => {
  it('have strictly increasing journal timestamps (drizzle silently skips a step that is not newer)', () => {
    const whens = journal.entries.map((e) => e.when);
    for (let i = 1; i < whens.length; i++) expect(whens[i]).toBeGreaterThan(whens[i - 1]!);
  });

  it('have one SQL file per journal entry and no strays', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
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
});
