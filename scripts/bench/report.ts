// Turns the benchmark's samples into the printed report: medians over the repeated rounds, each
// figure beside its target.
import type { ColdStartSample } from './cold-start';
import type { AnalysisSample, SearchBench } from './phases';
import type { QueryResult } from './queries';
import type { SeedSummary } from './seed-db';
import { mb, median, ms, table } from './stats';

export const TARGETS = { listP95Ms: 5, countMs: 50, coldStartMs: 200, runnerPeakBytes: 400 * 1024 * 1024, textDocsPerSecond: 100 };
const TEXT_KINDS = ['markdown', 'csv', 'text'];

export interface BenchResults {
  machine: string[];
  mixed: AnalysisSample[];
  big: AnalysisSample[];
  largestCsv: AnalysisSample | null;
  largestCsvRecords: number;
  seed: SeedSummary;
  queries: QueryResult[][];
  coldStarts: ColdStartSample[];
  search: SearchBench | null;
  totalSeconds: number;
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

function throughput(samples: AnalysisSample[]) {
  const rate = (s: AnalysisSample, kinds: string[] | null) => {
    const entries = Object.entries(s.perKind).filter(([k]) => kinds === null || kinds.includes(k));
    const docs = entries.reduce((n, [, e]) => n + e.docs, 0);
    const time = entries.reduce((n, [, e]) => n + e.ms, 0);
    return (docs / time) * 1000;
  };
  return {
    docsPerSecond: median(samples.map((s) => (s.docs / s.documentsMs) * 1000)),
    textDocsPerSecond: median(samples.map((s) => rate(s, TEXT_KINDS))),
    officeDocsPerSecond: median(samples.map((s) => rate(s, ['pdf', 'docx', 'xlsx']))),
    factsPerSecond: median(samples.map((s) => (s.facts / s.totalMs) * 1000)),
    totalSeconds: median(samples.map((s) => s.totalMs / 1000)),
    cpuSeconds: median(samples.map((s) => s.cpuMs / 1000)),
    peakRss: median(samples.map((s) => s.peakRssBytes)),
  };
}

export function summarise(r: BenchResults): { text: string; missed: string[] } {
  const out: string[] = [];
  const missed: string[] = [];
  const check = (what: string, ok: boolean) => {
    if (!ok) missed.push(what);
    return verdict(ok);
  };
  out.push('Diligence Desk benchmark (npm run bench)', ...r.machine.map((l) => `  ${l}`), '');

  const mixed = throughput(r.mixed);
  const first = r.mixed[0]!;
  out.push(`1. Analysis throughput: ${first.docs} mixed documents (${Object.entries(first.perKind).map(([k, e]) => `${e.docs} ${k}`).join(', ')}), ${first.facts} facts; median of ${r.mixed.length} runs through the app's run worker`);
  out.push(
    table(
      ['figure', 'median', 'target', ''],
      [
        ['text-class documents/s (Markdown, CSV, text)', mixed.textDocsPerSecond.toFixed(0), `>= ${TARGETS.textDocsPerSecond}`, check('text-class throughput', mixed.textDocsPerSecond >= TARGETS.textDocsPerSecond)],
        ['office documents/s (PDF, DOCX, XLSX)', mixed.officeDocsPerSecond.toFixed(0), '', ''],
        ['all documents/s (documents phase)', mixed.docsPerSecond.toFixed(0), '', ''],
        ['facts/s (whole run, gaps and findings included)', mixed.factsPerSecond.toFixed(0), '', ''],
        ['run time, s', mixed.totalSeconds.toFixed(1), '', ''],
        ['run CPU time, s (runner process, all threads)', mixed.cpuSeconds.toFixed(1), '', ''],
        ['runner peak RSS', mb(mixed.peakRss), '', ''],
      ],
    ),
    '',
  );

  const big = throughput(r.big);
  const bigFirst = r.big[0]!;
  out.push(`2. Runner peak memory on a room with a 100 MB CSV and a 500-page PDF (${bigFirst.docs} documents; median of ${r.big.length} runs)`);
  out.push(
    table(
      ['figure', 'median', 'target', ''],
      [
        ['runner peak RSS (whole process)', mb(big.peakRss), `< ${mb(TARGETS.runnerPeakBytes)}`, check('runner peak memory', big.peakRss < TARGETS.runnerPeakBytes)],
        ['run time, s', big.totalSeconds.toFixed(1), '', ''],
        ['pdf time, s (500 pages)', ((bigFirst.perKind.pdf?.ms ?? 0) / 1000).toFixed(1), '', ''],
      ],
    ),
  );
  for (const f of bigFirst.failed) out.push(`   failed as designed: ${f.path}: ${f.error}`);
  if (r.largestCsv) {
    const c = r.largestCsv;
    out.push(`   largest CSV still analysed (${r.largestCsvRecords.toLocaleString('en-US')} records, at the record limit): ${c.status}, ${c.facts} facts in ${(c.totalMs / 1000).toFixed(1)} s, peak RSS ${mb(c.peakRssBytes)}${c.error ? ` (${c.error})` : ''}`);
  }
  out.push('');

  const s = r.seed;
  out.push(`3. Queries at ${s.facts.toLocaleString('en-US')} facts (${s.runs} runs, 50 deals; big deal ${s.factsPerRun.big.toLocaleString('en-US')} facts per run, typical ${s.factsPerRun.typical}); first page of 100; median over ${r.queries.length} rounds`);
  const names = r.queries[0]!.map((q) => `${q.deal}|${q.name}`);
  const rows = names.map((key) => {
    const all = r.queries.map((round) => round.find((q) => `${q.deal}|${q.name}` === key)!);
    const q = all[0]!;
    const p50 = median(all.map((x) => x.latency.p50));
    const p95 = median(all.map((x) => x.latency.p95));
    const cpu95 = median(all.map((x) => x.latency.cpuP95));
    const target = q.kind === 'list' ? TARGETS.listP95Ms : q.kind === 'count' ? TARGETS.countMs : null;
    const ok = target === null ? '' : check(`${q.kind} ${q.deal}: ${q.name}`, p95 < target);
    return [`${q.deal} ${q.kind} ${q.name}`, String(q.rows), ms(p50), ms(p95), target === null ? '' : `< ${target}`, ok, ms(cpu95)];
  });
  out.push(table(['query', 'rows', 'p50 ms', 'p95 ms', 'target', '', 'p95 CPU ms'], rows));
  const sampleCounts = r.queries.flat().filter((q) => q.kind !== 'search').map((q) => q.latency.samples);
  out.push(`   p50/p95: wall-clock latency of ${Math.min(...sampleCounts)}-${Math.max(...sampleCounts)} calls per query and round (fewer for slow ones: 1.5 s of measuring each), median of the rounds' figures; the targets apply to it.`);
  out.push('   p95 CPU ms: the process\'s CPU time (all threads, garbage collection included) during the same calls; wall time far above it is time spent waiting for a core on a loaded machine.', '');

  const open = median(r.coldStarts.map((c) => c.openMigrateRecoverMs));
  const screen = median(r.coldStarts.map((c) => c.firstScreenMs));
  out.push(`4. Cold start on that database (fresh process each; median of ${r.coldStarts.length})`);
  out.push(
    table(
      ['figure', 'median ms', 'target', ''],
      [
        ['open + migration check + recover orphaned runs', ms(open), `< ${TARGETS.coldStartMs}`, check('cold start', open < TARGETS.coldStartMs)],
        ['… + read connection + deals list (first screen)', ms(screen), '', ''],
      ],
    ),
    '',
  );

  out.push('5. Search');
  const search = r.queries.map((round) => round.filter((q) => q.kind === 'search'));
  for (const q of search[0] ?? []) {
    const all = search.map((round) => round.find((x) => x.deal === q.deal)!);
    out.push(`   at ${s.facts.toLocaleString('en-US')} facts, ${q.deal} deal, ${q.name}: p50 ${ms(median(all.map((x) => x.latency.p50)))} ms, p95 ${ms(median(all.map((x) => x.latency.p95)))} ms`);
  }
  if (r.search) out.push(...r.search.output.split('\n').map((l) => `   ${l}`));
  else out.push('   (npm run bench:search is not available)');
  out.push('', `Targets missed: ${missed.length === 0 ? 'none' : missed.join('; ')}`, `Benchmark time: ${r.totalSeconds.toFixed(0)} s`);
  return { text: out.join('\n'), missed };
}
