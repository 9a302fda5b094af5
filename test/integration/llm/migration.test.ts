// Migration 0004_llm_extraction: what it must leave behind, and an upgrade from schema 4 with data.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { defaultMigrationsDir } from '../../../src-main/db/paths';
import { tempDatabase, tempDir } from '../../support/temp';

const dir = defaultMigrationsDir();

function migrationsUpTo(count: number): string {
  const target = path.join(tempDir(), 'migrations');
  cpSync(dir, target, { recursive: true });
  const journalFile = path.join(target, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return target;
}

describe('0004_llm_extraction', () => {
  it('adds the response cache, the per-document ledger, the settings row and evidence provenance', () => {
    const { database } = tempDatabase();
    const { sqlite } = database;
    const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['llm_responses', 'llm_run_documents', 'llm_settings']));
    const columns = (table: string) => sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all();
    expect(columns('fact_evidence')).toContain('source');
    // The cache key is (document, prompt version, model, request): the primary key, so a lookup is one probe.
    const pk = sqlite.prepare("SELECT name FROM pragma_table_info('llm_responses') WHERE pk > 0 ORDER BY pk").pluck().all();
    expect(pk).toEqual(['document_sha256', 'prompt_version', 'model', 'request_sha256']);
    // One settings row at most.
    const insert = (id: number) =>
      sqlite
        .prepare("INSERT INTO llm_settings (id, provider, endpoint, model, timeout_ms, max_attempts, updated_at) VALUES (?, 'openai-compatible', 'http://127.0.0.1:1/v1', 'm', 1000, 3, 'now')")
        .run(id);
    insert(1);
    expect(() => insert(2)).toThrow(/CHECK constraint/);
  });

  it('upgrades a database of schema 4 in place: existing evidence is the rules’ (source null)', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = openDatabase(file, { migrationsDir: migrationsUpTo(4) });
    old.sqlite.exec(`
      INSERT INTO deals (id, name, deal_type, as_of_date) VALUES (1, 'Old deal', 'acquisition', '2026-01-01');
      INSERT INTO documents (id, deal_id, entity, relative_path, sha256, size_bytes, kind, status, version) VALUES (1, 1, 'target', 'memo.txt', 'abc', 10, 'text', 'parsed', 1);
      INSERT INTO analysis_runs (id, deal_id, run_number, status, engine_version, settings, phase, started_at, heartbeat_at)
        VALUES (1, 1, 1, 'completed', 'e1', '{}', 'done', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
      INSERT INTO facts (id, stable_key, deal_id, run_id, entity, domain, category, attribute, value_type, value_text, confidence, derivation)
        VALUES (1, 'fct_x', 1, 1, 'target', 'organization', 'staffing', 'it_headcount', 'number', '12', 0.9, 'stated');
      INSERT INTO fact_evidence (fact_id, run_id, document_id, location_key, line, quote) VALUES (1, 1, 1, 'l3', 3, 'IT staff: 12');
    `);
    old.close();
    const upgraded = openDatabase(file);
    try {
      expect(upgraded.sqlite.prepare('SELECT source FROM fact_evidence').pluck().get()).toBeNull();
      expect(upgraded.sqlite.prepare('SELECT count(*) FROM llm_settings').pluck().get()).toBe(0);
      expect(upgraded.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      upgraded.close();
    }
  });
});
