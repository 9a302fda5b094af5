// npm run bench — the performance figures of issue 7, on data it generates itself:
//   1. analysis throughput on a room of 1,000 mixed documents, through the app's own run worker;
//   2. the runner's peak memory on a room with a 100 MB CSV and a 500-page PDF;
//   3. first-page latency of the list queries and the count queries at 1,000,000 facts;
//   4. cold start (open, migration check, recovery) on that database;
//   5. search latency (issue 6's benchmark, and search as typed at 1,000,000 facts).
// Medians over BENCH_ROUNDS rounds (default 3). BENCH_JSON=<file> also writes the raw samples.
// BENCH_QUICK=1 shrinks everything for a smoke run (the figures then mean nothing).
// It first copies the working tree to a temporary folder and runs from there (phases.ts,
// snapshotWorkingTree), so the code measured is the code as it was when the benchmark started.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MAX_CSV_RECORDS } from '../../src-main/analysis/parsers/limits';
import { analyseRoom, buildApp, coldStart, queries, REPO_ROOT, resetOrphan, searchBench, seed, snapshotWorkingTree } from './phases';
import { summarise, type BenchResults } from './report';
import { MIXED_ROOM, writeBigCsv, writeLongPdf, writeMixedRoom } from './room';

const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 3));
const COLD_STARTS = QUICK ? 2 : 7;
const TOTAL_FACTS = QUICK ? 50_000 : 1_000_000;
const CSV_MB = QUICK ? 40 : 100;
const PDF_PAGES = QUICK ? 50 : 500;
const SEARCH_DOCS = QUICK ? 100 : 1000;

// Counted from the parent's start when running from the snapshot, so times include the copy.
const started = performance.now() - (process.env.BENCH_STARTED_AT ? Date.now() - Number(process.env.BENCH_STARTED_AT) : 0);
const log = (message: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);

const loadAtStart = os.loadavg();
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');

function machine(): string[] {
  const cpus = os.cpus();
  return [
    `${os.type()} ${os.release()} ${os.arch()}; ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}); ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`,
    `Node ${process.version}; SQLite WAL, synchronous=FULL; temp folder ${os.tmpdir()}`,
    `load average (1, 5, 15 min) ${load(loadAtStart)} at the start, ${load(os.loadavg())} at the end; ${new Date().toISOString()}`,
  ];
}

/** Runs this script again from a copy of the working tree; returns its exit code. */
function runFromSnapshot(): number {
  const snapshot = mkdtempSync(path.join(os.tmpdir(), 'dd-bench-tree-'));
  try {
    const files = snapshotWorkingTree(snapshot);
    log(`copied the working tree (${files} files) to ${snapshot}; running from there`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(snapshot, 'scripts', 'bench', 'index.ts')], {
      cwd: snapshot,
      stdio: 'inherit',
      env: { ...process.env, BENCH_FROM_SNAPSHOT: '1', BENCH_STARTED_AT: String(Date.now()) },
    });
    return child.status ?? 1;
  } finally {
    rmSync(snapshot, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.env.BENCH_FROM_SNAPSHOT !== '1') {
    process.exitCode = runFromSnapshot();
    return;
  }
  log(`running from ${REPO_ROOT}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-bench-'));
  try {
    log('building the app (electron-vite) for its run worker');
    const worker = buildApp();

    log('writing the rooms: 1,000 mixed documents; a 100 MB CSV and a 500-page PDF');
    const mixedRoom = path.join(dir, 'mixed');
    await writeMixedRoom(mixedRoom, QUICK ? { markdown: 25, csv: 25, text: 20, xlsx: 10, docx: 10, pdf: 10 } : MIXED_ROOM);
    const bigRoom = path.join(dir, 'big');
    await writeMixedRoom(bigRoom, { markdown: 5, csv: 5, text: 5, xlsx: 2, docx: 2, pdf: 1 }, 23);
    await writeBigCsv(path.join(bigRoom, 'exports', 'cmdb_full_export.csv'), CSV_MB);
    writeLongPdf(path.join(bigRoom, 'reports', 'annual_it_report.pdf'), PDF_PAGES);
    const csvRoom = path.join(dir, 'largest-csv');
    mkdirSync(csvRoom, { recursive: true });
    const records = MAX_CSV_RECORDS - 1;
    await writeBigCsv(path.join(csvRoom, 'servers.csv'), Number.POSITIVE_INFINITY, 7, QUICK ? 5_000 : records);

    const mixed = [];
    const big = [];
    for (let round = 1; round <= ROUNDS; round++) {
      log(`analysis round ${round}/${ROUNDS}: mixed room`);
      mixed.push(analyseRoom(worker, path.join(dir, `mixed-${round}.sqlite`), mixedRoom));
      log(`analysis round ${round}/${ROUNDS}: big-file room`);
      big.push(analyseRoom(worker, path.join(dir, `big-${round}.sqlite`), bigRoom));
    }
    log('analysis: the largest CSV the limits accept');
    const largestCsv = analyseRoom(worker, path.join(dir, 'largest-csv.sqlite'), csvRoom);

    log(`seeding ${TOTAL_FACTS.toLocaleString('en-US')} facts (and their search index)`);
    const dbFile = path.join(dir, 'facts.sqlite');
    const seeded = seed(dbFile, TOTAL_FACTS);
    const rounds = [];
    for (let round = 1; round <= ROUNDS; round++) {
      log(`queries round ${round}/${ROUNDS}`);
      rounds.push(queries(dbFile, { big: seeded.bigDealId, typical: seeded.typicalDealId }));
    }
    const coldStarts = [];
    for (let i = 1; i <= COLD_STARTS; i++) {
      resetOrphan(dbFile, seeded.orphanRunId);
      coldStarts.push(coldStart(dbFile));
    }
    log(`cold starts: ${COLD_STARTS}`);

    log(`search benchmark (npm run bench:search, ${SEARCH_DOCS} documents)`);
    const search = searchBench(SEARCH_DOCS);

    const full: BenchResults = {
      machine: machine(),
      mixed,
      big,
      largestCsv,
      largestCsvRecords: QUICK ? 5_000 : records,
      seed: seeded,
      queries: rounds,
      coldStarts,
      search,
      totalSeconds: (performance.now() - started) / 1000,
    };
    const { text, missed } = summarise(full);
    console.log(text);
    if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(full, null, 2));
    if (missed.length > 0) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
