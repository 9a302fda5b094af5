// Evidence for a change to full-text search at scale (docs/performance.md, "Search at 1,000,000
// facts"): times the inner fact query of SearchRepository.facts as it is, and with the MATCH held
// to the run's rowid range, over the keystrokes npm run bench types, and checks both return the
// same rows and scores. The SQL below mirrors src-main/repositories/search.ts; keep them in step.
//   tsx scripts/bench/search-run-range.ts <database seeded by explain.ts --seed> [run id ...]
import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { ftsQuery } from '../../src-main/repositories/search';
import { median, percentile } from './stats';

const TYPED = ['windows server', 'oracle', 'production', 'atlas', 'end-of-life', 'high'];
const typed = TYPED.flatMap((p) => Array.from({ length: p.length - 1 }, (_, i) => p.slice(0, i + 2)).filter((t) => !t.endsWith(' ')));

const [file, ...runArgs] = process.argv.slice(2);
if (!file) throw new Error('usage: search-run-range.ts <database> [run id ...]');
const db = new Database(file, { readonly: true });
const current = db.prepare(
  `SELECT facts.id, bm25(facts_fts) AS score FROM facts_fts JOIN facts ON facts.id = facts_fts.rowid
    WHERE facts_fts MATCH ? AND facts.run_id = ? AND facts.deleted_at IS NULL ORDER BY score, facts.id LIMIT 20`,
);
const ranged = db.prepare(
  `SELECT facts.id, bm25(facts_fts) AS score FROM facts_fts JOIN facts ON facts.id = facts_fts.rowid
    WHERE facts_fts MATCH ? AND facts_fts.rowid BETWEEN ? AND ? AND facts.run_id = ? AND facts.deleted_at IS NULL ORDER BY score, facts.id LIMIT 20`,
);
const range = db.prepare('SELECT min(id) AS lo, max(id) AS hi FROM facts WHERE run_id = ?');
const latest = db.prepare("SELECT id FROM analysis_runs WHERE deal_id = ? AND status = 'completed' ORDER BY finished_at DESC LIMIT 1").pluck();
const runs = runArgs.length > 0 ? runArgs.map(Number) : [latest.get(1) as number, latest.get(3) as number];

for (const runId of runs) {
  const queries = typed.map((t) => ftsQuery(t)).filter((q): q is string => q !== null);
  const variants: Array<[string, (q: string) => unknown[]]> = [
    ['current', (q) => current.all(q, runId)],
    [
      'rowid range',
      (q) => {
        const { lo, hi } = range.get(runId) as { lo: number; hi: number };
        return ranged.all(q, lo, hi, runId);
      },
    ],
  ];
  const results: string[] = [];
  for (const [name, fn] of variants) {
    for (const q of queries) fn(q); // warm-up
    const times: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      for (const q of queries) {
        const started = performance.now();
        fn(q);
        times.push(performance.now() - started);
      }
    }
    results.push(`${name}: p50 ${median(times).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms`);
  }
  const same = queries.filter((q) => JSON.stringify(variants[0]![1](q)) === JSON.stringify(variants[1]![1](q))).length;
  const facts = db.prepare('SELECT count(*) FROM facts WHERE run_id = ?').pluck().get(runId) as number;
  console.log(`run ${runId} (${facts} facts), ${queries.length} keystrokes: ${results.join('; ')}; same rows and scores for ${same} of ${queries.length}`);
}
db.close();
