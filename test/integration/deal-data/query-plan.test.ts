import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMAINS, SEVERITIES } from '../../../src-shared/domain';
import { openDatabase } from '../../../src-main/db/open';
import * as schema from '../../../src-main/db/schema';
import { DealData } from '../../../src-main/deal-data/deal-data';
import path from 'node:path';

// Every list the pages use filters, sorts, pages and counts in SQL on an index (DESIGN invariant
// 8), shown with EXPLAIN QUERY PLAN on the exact statements DealData runs, over 210,000 facts.

const FACTS_PER_RUN = 105_000;
const ATTRIBUTES = ['app_vendor', 'app_version', 'app_hosting', 'app_users', 'server_os', 'device_model', 'mfa_coverage', 'it_headcount'];

interface Logged {
  sql: string;
  params: unknown[];
}

let dir: string;
let file: string;
let dealId: number;
let db: { sqlite: Database.Database; close(): void };

function build(): void {
  // One database for the whole file (the shared temp helper cleans up after every test).
  dir = mkdtempSync(path.join(os.tmpdir(), 'dd-plan-'));
  file = path.join(dir, 'big.sqlite');
  const writer = openDatabase(file);
  const sqlite = writer.sqlite;
  const t = new Date().toISOString();
  sqlite.transaction(() => {
    dealId = Number(sqlite.prepare("INSERT INTO deals (name, deal_type, as_of_date) VALUES ('Big', 'acquisition', '2026-06-30')").run().lastInsertRowid);
    sqlite.prepare("INSERT INTO deals (name, deal_type, as_of_date) VALUES ('Other', 'acquisition', '2026-06-30')").run();
    const run = sqlite.prepare("INSERT INTO analysis_runs (deal_id, run_number, status, engine_version, settings, phase, started_at, heartbeat_at, finished_at) VALUES (?, ?, 'completed', 't', '{}', 'done', ?, ?, ?)");
    const fact = sqlite.prepare(
      "INSERT INTO facts (stable_key, deal_id, run_id, entity, domain, category, subject_key, subject_kind, subject_name, attribute, value_type, value_text, value_number, confidence, derivation) VALUES (?, ?, ?, 'target', ?, 'inventory', ?, 'application', ?, ?, 'text', ?, ?, 0.8, 'stated')",
    );
    const subject = sqlite.prepare("INSERT INTO subjects (deal_id, run_id, stable_key, entity, domain, kind, name) VALUES (?, ?, ?, 'target', ?, 'application', ?)");
    const gap = sqlite.prepare("INSERT INTO gaps (stable_key, deal_id, run_id, checklist_item, domain, title, kind, importance, importance_rank, request, reasoning) VALUES (?, ?, ?, ?, ?, ?, 'missing', ?, ?, 'Please send it', 'r')");
    const finding = sqlite.prepare("INSERT INTO findings (stable_key, deal_id, run_id, rule_id, type, domain, title, description, severity, severity_rank, lens, reasoning) VALUES (?, ?, ?, 'r', 'risk', ?, ?, 'd', ?, ?, 'cost_driver', 'r')");
    for (let r = 1; r <= 2; r++) {
      const runId = Number(run.run(dealId, r, t, t, t).lastInsertRowid);
      for (let i = 0; i < FACTS_PER_RUN; i++) {
        const domain = DOMAINS[i % DOMAINS.length]!;
        const s = Math.floor(i / 5);
        const key = `sub_${s}`;
        if (i % 5 === 0) subject.run(dealId, runId, key, domain, `Subject ${s}`);
        fact.run(`fct_${r}_${i}`, dealId, runId, domain, key, `Subject ${s}`, ATTRIBUTES[i % ATTRIBUTES.length], `value ${i % 997}`, i % 997);
      }
      for (let i = 0; i < 3000; i++) {
        const severity = SEVERITIES[i % 4]!;
        gap.run(`gap_${i}`, dealId, runId, `CHK-${i}`, DOMAINS[i % 6], `Gap ${i}`, severity, i % 4);
        finding.run(`fnd_${i}`, dealId, runId, DOMAINS[i % 6], `Finding ${i}`, severity, i % 4);
      }
    }
  })();
  writer.close();
}

/** A DealData over a read connection whose drizzle logger records every statement it runs. */
function loggedDealData(): { data: DealData; log: Logged[] } {
  const log: Logged[] = [];
  const sqlite = new Database(file, { readonly: true });
  const logged = drizzle(sqlite, { schema, logger: { logQuery: (sql, params) => log.push({ sql, params }) } });
  db = { sqlite, close: () => sqlite.close() };
  return { data: new DealData(logged), log };
}

const LIST_TABLES = ['facts', 'findings', 'gaps', 'subjects'];

/** The plan's steps for our result tables; each must search an index, never scan the table. */
function planOf(entry: Logged): string[] {
  const rows = db.sqlite.prepare(`EXPLAIN QUERY PLAN ${entry.sql}`).all(...(entry.params as unknown[])) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

function assertIndexed(entries: Logged[], label: string): void {
  const relevant = entries.filter((e) => LIST_TABLES.some((t) => new RegExp(`from "${t}"`, 'i').test(e.sql)));
  expect(relevant.length, `${label}: no list statement captured`).toBeGreaterThan(0);
  for (const entry of relevant) {
    const plan = planOf(entry);
    const steps = plan.filter((d) => /^(SCAN|SEARCH) (facts|findings|gaps|subjects|f)\b/.test(d));
    expect(steps.length, `${label}: ${entry.sql}\n${plan.join('\n')}`).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step, `${label}: ${entry.sql}\n${plan.join('\n')}`).toMatch(/^SEARCH \S+ USING (COVERING )?INDEX |^SEARCH \S+ USING INTEGER PRIMARY KEY/);
    }
  }
}

describe('list queries on 210,000 facts', () => {
  beforeAll(build, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the facts it claims', () => {
    const sqlite = new Database(file, { readonly: true });
    expect(sqlite.prepare('SELECT count(*) FROM facts').pluck().get()).toBe(2 * FACTS_PER_RUN);
    sqlite.close();
  });

  it('facts: every filter and sort searches an index, and pages come back fast', () => {
    const { data, log } = loggedDealData();
    const page = { limit: 100, offset: 50_000 };
    const inputs = [
      { dealId, page },
      { dealId, page, filter: { domain: 'applications' as const } },
      { dealId, page, filter: { attribute: 'app_vendor' } },
      { dealId, page, filter: { domain: 'network' as const, subjectKind: 'application', entity: 'target' as const } },
      { dealId, page: { limit: 100, offset: 0 }, filter: { search: 'value 99' }, sort: { by: 'value' as const, dir: 'desc' as const } },
      { dealId, runNumber: 1, page, sort: { by: 'confidence' as const, dir: 'asc' as const } },
    ];
    for (const input of inputs) {
      log.length = 0;
      const started = performance.now();
      const result = data.facts(input);
      const ms = performance.now() - started;
      expect(result.total).toBeGreaterThan(0);
      expect(result.rows.length).toBeLessThanOrEqual(100);
      expect(ms, JSON.stringify(input)).toBeLessThan(3000);
      assertIndexed(log, `facts.list ${JSON.stringify(input)}`);
    }
    db.close();
  });

  it('findings and gaps: filters, sorts and counts search an index', () => {
    const { data, log } = loggedDealData();
    const page = { limit: 50, offset: 100 };
    for (const input of [{ dealId, page }, { dealId, page, filter: { severity: 'high' as const, domain: 'infrastructure' as const } }, { dealId, page, filter: { type: 'risk' as const, search: 'Finding 1' }, sort: { by: 'title' as const, dir: 'desc' as const } }]) {
      log.length = 0;
      expect(data.findings(input).total).toBeGreaterThan(0);
      assertIndexed(log, `findings.list ${JSON.stringify(input)}`);
    }
    for (const input of [{ dealId, page }, { dealId, page, filter: { importance: 'critical' as const, domain: 'network' as const } }, { dealId, page, filter: { search: 'Gap 2' }, sort: { by: 'domain' as const, dir: 'asc' as const } }]) {
      log.length = 0;
      expect(data.gaps(input).total).toBeGreaterThan(0);
      assertIndexed(log, `gaps.list ${JSON.stringify(input)}`);
    }
    db.close();
  });

  it('inventories, domain pages and the dashboard search indexes too', () => {
    const { data, log } = loggedDealData();
    log.length = 0;
    const inventory = data.inventory({ dealId, domain: 'applications', kind: 'application', sort: { by: 'app_vendor', dir: 'asc' }, page: { limit: 100, offset: 1000 } });
    expect(inventory.total).toBeGreaterThan(1000);
    assertIndexed(log, 'inventory.list');
    log.length = 0;
    data.domain(dealId, 'applications');
    assertIndexed(log, 'domain.get');
    log.length = 0;
    const dashboard = data.dashboard(dealId);
    expect(dashboard.totals.facts).toBe(FACTS_PER_RUN);
    assertIndexed(log, 'dashboard.get');
    db.close();
  });
});
