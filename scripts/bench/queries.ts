// First-page latency of the list queries and the count queries on a seeded database, through the
// repositories' list()/count() methods and the DealData facade (what an IPC call runs), on a
// read-only connection like the app's reader. Run as a child of scripts/bench/index.ts; prints JSON.
import { DealData } from '../../src-main/deal-data/deal-data';
import { openDatabase } from '../../src-main/db/open';
import { createRepositories, type Repositories } from '../../src-main/repositories';
import { searchDeal } from '../../src-main/services/search';
import { measureLatency, type LatencySummary } from './stats';

export interface QueryResult {
  name: string;
  kind: 'list' | 'count' | 'search';
  deal: 'big' | 'typical';
  rows: number;
  latency: LatencySummary;
}

const SAMPLES = Number(process.env.BENCH_QUERY_SAMPLES ?? 200);
/** Measuring time per call before a slow one stops early (stats.measureLatency), to keep npm run bench under 10 minutes. */
const BUDGET_MS = Number(process.env.BENCH_QUERY_BUDGET_MS ?? 1500);
const PAGE = { limit: 100, offset: 0 }; // the renderer's block size (src-renderer/api/use-paged.ts)
const TYPED = ['windows server', 'oracle', 'production', 'atlas', 'end-of-life', 'high'];

export interface QueryCase {
  name: string;
  kind: 'list' | 'count';
  fn: () => unknown;
}

/** The list and count calls measured for one deal's latest completed run (explain.ts reuses them). */
export function queryCases(repos: Repositories, data: DealData, dealId: number, runId: number): QueryCase[] {
  const list = (name: string, fn: () => unknown): QueryCase => ({ name, kind: 'list', fn });
  const count = (name: string, fn: () => unknown): QueryCase => ({ name, kind: 'count', fn });
  return [
    list('facts.list (no filter, by subject)', () => repos.facts.list({ runId }, undefined, PAGE)),
    list('facts.list domain=applications', () => repos.facts.list({ runId, domain: 'applications' }, undefined, PAGE)),
    list('facts.list domain+attribute', () => repos.facts.list({ runId, domain: 'infrastructure', attribute: 'server_os' }, undefined, PAGE)),
    list('facts.list subjectKind=server', () => repos.facts.list({ runId, subjectKind: 'server' }, undefined, PAGE)),
    list('facts.list sort by value desc', () => repos.facts.list({ runId }, { by: 'value', dir: 'desc' }, PAGE)),
    list('facts.list search "oracle"', () => repos.facts.list({ runId, search: 'oracle' }, undefined, PAGE)),
    list('findings.list (no filter, by severity)', () => repos.findings.list({ runId }, undefined, PAGE)),
    list('findings.list severity=high', () => repos.findings.list({ runId, severity: 'high' }, undefined, PAGE)),
    list('findings.list type+domain', () => repos.findings.list({ runId, type: 'risk', domain: 'cybersecurity' }, undefined, PAGE)),
    list('gaps.list (no filter, by importance)', () => repos.gaps.list({ runId }, undefined, PAGE)),
    list('gaps.list domain=network', () => repos.gaps.list({ runId, domain: 'network' }, undefined, PAGE)),
    list('DealData.facts (scope + evidence counts)', () => data.facts({ dealId, page: PAGE })),
    list('DealData.facts domain=identity_access', () => data.facts({ dealId, filter: { domain: 'identity_access' }, page: PAGE })),
    list('DealData.findings', () => data.findings({ dealId, page: PAGE })),
    list('DealData.gaps', () => data.gaps({ dealId, page: PAGE })),

    count('facts.count (run)', () => repos.facts.count({ runId })),
    count('facts.count domain=applications', () => repos.facts.count({ runId, domain: 'applications' })),
    count('facts.count search "oracle"', () => repos.facts.count({ runId, search: 'oracle' })),
    count('facts.countByDomain', () => repos.facts.countByDomain(runId)),
    count('findings.countBySeverity', () => repos.findings.countBySeverity(runId)),
    count('gaps.countByImportance', () => repos.gaps.countByImportance(runId)),
    count('DealData.factAttributes', () => data.factAttributes({ dealId }).attributes),
    count('DealData.dashboard', () => data.dashboard(dealId)),
  ];
}

export function benchQueries(file: string, deals: { big: number; typical: number }): QueryResult[] {
  const database = openDatabase(file, { mode: 'read' });
  try {
    const repos = createRepositories(database.db);
    const data = new DealData(database.db);
    const results: QueryResult[] = [];
    for (const [which, dealId] of Object.entries(deals) as Array<['big' | 'typical', number]>) {
      const run = repos.runs.latestCompleted(dealId);
      if (!run) throw new Error(`Deal ${dealId} has no completed run.`);
      for (const { name, kind, fn } of queryCases(repos, data, dealId, run.id)) {
        const value = fn();
        if (kind === 'list') {
          results.push({ name, kind, deal: which, rows: (value as { rows: unknown[] }).rows.length, latency: measureLatency(fn, SAMPLES, 5, BUDGET_MS) });
        } else {
          const rows = typeof value === 'number' ? value : Object.keys(value as object).length;
          results.push({ name, kind, deal: which, rows, latency: measureLatency(fn, Math.max(20, SAMPLES / 4), 5, BUDGET_MS, 20) });
        }
      }

      // Search as typed, keystroke by keystroke, over the full-text index of every run's facts.
      const typed = TYPED.flatMap((phrase) => Array.from({ length: phrase.length - 1 }, (_, i) => phrase.slice(0, i + 2)).filter((t) => !t.endsWith(' ')));
      let k = 0;
      const search = () => searchDeal(database.db, { dealId, text: typed[k++ % typed.length]! });
      const hits = typed.reduce((n, text) => n + searchDeal(database.db, { dealId, text }).facts.length, 0);
      results.push({ name: `search as typed (${typed.length} keystrokes)`, kind: 'search', deal: which, rows: hits, latency: measureLatency(search, typed.length * 2, 10, 3 * BUDGET_MS, typed.length) });
    }
    return results;
  } finally {
    database.close();
  }
}

if (process.argv[1]?.endsWith('queries.ts')) {
  const [file, big, typical] = process.argv.slice(2);
  if (!file) throw new Error('usage: queries.ts <db> <bigDealId> <typicalDealId>');
  process.stdout.write(`${JSON.stringify(benchQueries(file, { big: Number(big ?? 1), typical: Number(typical ?? 3) }))}\n`);
}
