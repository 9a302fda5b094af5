// Issue 2 acceptance on the real shared samples: concrete values, evidence everywhere, clean
// values, end-of-life findings that cite their evidence, office copies equal to their originals.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../../src-main/db/open';
import { createRepositories, type Repositories } from '../../../src-main/repositories';
import { findingEvidence } from '../../../src-main/services/run-summary';
import { sample } from '../../support/paths';
import { analyse } from '../../support/rooms';
import { tempDatabase, tempDir } from '../../support/temp';

const AS_OF = '2026-02-01';

function roomOf(...files: string[]): string {
  const dir = tempDir('dd-acc-');
  for (const file of files) {
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, path.join(dir, path.basename(file)));
  }
  return dir;
}

interface Analysed {
  database: AppDatabase;
  repos: Repositories;
  runId: number;
}

/** Analyses a room into its own database; `keepOpen` for use across a describe block's tests. */
async function analysed(room: string, name: string, keepOpen = false): Promise<Analysed> {
  // A kept database lives in a folder of its own: temp folders are removed after each test.
  const database = keepOpen ? openDatabase(path.join(mkdtempSync(path.join(os.tmpdir(), 'dd-acc-kept-')), 'kept.sqlite')) : tempDatabase().database;
  const result = await analyse(database, room, { name, asOfDate: AS_OF });
  expect(result.status).toBe('completed');
  return { database, repos: createRepositories(database.db), runId: result.runId };
}

/** Application facts as {name: {attribute: value}} from one run. */
function applications(a: Analysed): Map<string, Record<string, string>> {
  const rows = a.database.sqlite
    .prepare("SELECT subject_name, attribute, value_text FROM facts WHERE run_id = ? AND subject_kind = 'application' ORDER BY subject_name, attribute, value_text")
    .all(a.runId) as Array<{ subject_name: string; attribute: string; value_text: string }>;
  const apps = new Map<string, Record<string, string>>();
  for (const row of rows) apps.set(row.subject_name, { ...apps.get(row.subject_name), [row.attribute]: row.value_text });
  return apps;
}

function findingsMatching(a: Analysed, pattern: RegExp) {
  return a.repos.findings.list({ runId: a.runId }, undefined, { limit: 500 }).rows.filter((f) => pattern.test(f.title));
}

describe('the insurer (great-insurance, Markdown + PDF)', () => {
  let insurer: Analysed;
  beforeAll(async () => {
    insurer = await analysed(sample('great-insurance'), 'Great Insurance', true);
  }, 60_000);
  afterAll(() => {
    insurer.database.close();
    rmSync(path.dirname(insurer.database.file), { recursive: true, force: true });
  });

  it('has its 33 applications as facts with vendor, version, hosting, users and annual cost', () => {
    const apps = applications(insurer);
    const complete = [...apps.entries()].filter(([, a]) => ['app_vendor', 'app_version', 'app_hosting', 'app_users', 'app_annual_cost'].every((k) => k in a));
    expect(complete.length).toBeGreaterThanOrEqual(33);
    expect(apps.get('Duck Creek Policy')).toMatchObject({ app_vendor: 'Duck Creek', app_version: '12', app_users: '1407', app_annual_cost: '$546,257' });
  });

  it('records the stated cost rollup and the computed row sum, three dollars apart', () => {
    const value = (attribute: string) =>
      insurer.database.sqlite.prepare('SELECT DISTINCT value_number FROM facts WHERE run_id = ? AND attribute = ?').pluck().all(insurer.runId, attribute);
    expect(value('app_total_annual_cost')).toContain(7_183_701);
    expect(value('app_total_annual_cost_computed')).toContain(7_183_698);
    const derivations = insurer.database.sqlite
      .prepare("SELECT attribute, derivation FROM facts WHERE run_id = ? AND attribute LIKE 'app_total_annual_cost%' GROUP BY attribute")
      .all(insurer.runId);
    expect(derivations).toEqual([
      { attribute: 'app_total_annual_cost', derivation: 'stated' },
      { attribute: 'app_total_annual_cost_computed', derivation: 'computed' },
    ]);
    expect(findingsMatching(insurer, /total annual application cost|cost/i).length).toBeGreaterThan(0);
  });

  it('has the infrastructure document’s data centres and cloud provider as facts', () => {
    const names = insurer.database.sqlite
      .prepare("SELECT DISTINCT subject_kind || ':' || subject_name FROM facts WHERE run_id = ? AND subject_kind IN ('data_center','cloud_provider')")
      .pluck()
      .all(insurer.runId) as string[];
    expect(names).toEqual(expect.arrayContaining(['cloud_provider:AWS']));
    expect(names.filter((n) => n.startsWith('data_center:')).length).toBe(4);
  });

  it('keeps every fact traceable: a document and a location for each, and no citation markers in any value', () => {
    const orphans = insurer.database.sqlite
      .prepare('SELECT count(*) FROM facts f WHERE f.run_id = ? AND NOT EXISTS (SELECT 1 FROM fact_evidence e WHERE e.fact_id = f.id)')
      .pluck()
      .get(insurer.runId);
    expect(orphans).toBe(0);
    const unlocated = insurer.database.sqlite
      .prepare('SELECT count(*) FROM fact_evidence WHERE run_id = ? AND page IS NULL AND line IS NULL AND row IS NULL')
      .pluck()
      .get(insurer.runId);
    expect(unlocated).toBe(0);
    const dirty = insurer.database.sqlite
      .prepare("SELECT value_text FROM facts WHERE run_id = ? AND (value_text LIKE '%filecite%' OR value_text LIKE '%turn%file%' OR value_text GLOB '*[\uE000-\uF8FF]*' OR subject_name LIKE '%filecite%')")
      .pluck()
      .all(insurer.runId);
    expect(dirty).toEqual([]);
  });

  it('gives a second run identical stable keys', async () => {
    const second = await analyse(insurer.database, sample('great-insurance'), { name: 'Great Insurance', asOfDate: AS_OF });
    const keys = (runId: number) => insurer.database.sqlite.prepare('SELECT stable_key FROM facts WHERE run_id = ? ORDER BY stable_key').pluck().all(runId);
    expect(keys(second.runId)).toEqual(keys(insurer.runId));
    const findingKeys = (runId: number) => insurer.database.sqlite.prepare('SELECT stable_key FROM findings WHERE run_id = ? ORDER BY stable_key').pluck().all(runId);
    expect(findingKeys(second.runId)).toEqual(findingKeys(insurer.runId));
  });
});

describe('end-of-life findings cite their evidence', () => {
  it('vSphere 6.7 in the manufacturer’s room', async () => {
    const atlas = await analysed(sample('atlas-v1'), 'Atlas');
    const eol = findingsMatching(atlas, /6\.7/);
    expect(eol.length).toBeGreaterThan(0);
    expect(eol.some((f) => f.severity === 'critical' || f.severity === 'high')).toBe(true);
    const quotes = findingEvidence(atlas.repos, eol[0]!.id, 10);
    expect(quotes.some((q) => /vSphere 6\.7|VMware 6\.7/.test(q.quote) && q.documentPath === 'sample_it_infrastructure.txt' && /line \d+/.test(q.location))).toBe(true);
    expect(eol[0]!.reasoning).toMatch(/2026-02-01/);
  });

  it('Exchange 2010 in the legacy scenario', async () => {
    const legacy = await analysed(roomOf(sample('scenarios', 'scenario_2_legacy_nightmare.txt')), 'Legacy');
    const eol = findingsMatching(legacy, /Exchange 2010/);
    expect(eol.length).toBeGreaterThan(0);
    const quotes = findingEvidence(legacy.repos, eol[0]!.id, 10);
    expect(quotes.some((q) => /Exchange 2010/.test(q.quote))).toBe(true);
  });
});

describe('office-format copies', () => {
  it('the XLSX application inventory gives the same application facts as the Markdown', async () => {
    const markdown = await analysed(roomOf(sample('great-insurance', 'Great_Insurance_Document_2_Application_Inventory.md')), 'md');
    const excel = await analysed(roomOf(sample('office-formats', 'Great_Insurance_Application_Inventory.xlsx')), 'xlsx');
    const core = (a: Analysed) =>
      new Map(
        [...applications(a).entries()].map(([name, attrs]) => [
          name,
          Object.fromEntries(
            ['app_vendor', 'app_version', 'app_hosting', 'app_users', 'app_annual_cost', 'app_criticality'].map((k) => [
              k,
              // The workbook stores version "13.0" as the number 13: the source itself drops the ".0".
              k === 'app_version' ? attrs[k]?.replace(/\.0$/, '') : attrs[k],
            ]),
          ),
        ]),
      );
    expect(core(excel)).toEqual(core(markdown));
    expect(core(excel).size).toBe(33);
  });

  it('the DOCX security inventory gives the same facts as its Markdown original', async () => {
    const name = 'Great_Insurance_Document_5_Security_IAM_Compliance_Inventory';
    const markdown = await analysed(roomOf(sample('great-insurance', `${name}.md`)), 'md');
    const word = await analysed(roomOf(sample('office-formats', `${name}.docx`)), 'docx');
    const keys = (a: Analysed) => a.database.sqlite.prepare('SELECT stable_key FROM facts WHERE run_id = ? ORDER BY stable_key').pluck().all(a.runId);
    expect(keys(word).length).toBeGreaterThan(10);
    expect(keys(word)).toEqual(keys(markdown));
  });
});
