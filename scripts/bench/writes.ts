// npm run bench:writes — what durability costs. On the same documents (the shared sample rooms, or a
// folder given as argument), measures documents/s and facts/s for:
//   none          read, parse and extract with no persistence at all;
//   per-document  the runner's way: one IMMEDIATE transaction per document (synchronous=FULL);
//   per-row       the replaced system's way: every row its own commit (synchronous=FULL).
// Prints medians of several rounds and the ratios, measured in one process on the same data.
// BENCH_WRITES_SQL='CREATE INDEX …; …' runs statements on the fresh database first: what a proposed
// schema change (an extra index) would cost the write path, measured the same way.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { walkDataRoom, sha256File } from '../../src-main/analysis/ingest/walk';
import { analyseDocument, commitDocument, writeFact } from '../../src-main/analysis/runner/document-step';
import { openDatabase, type AppDatabase } from '../../src-main/db/open';
import { createRepositories, type Repositories } from '../../src-main/repositories';
import type { DocumentRow } from '../../src-main/repositories/documents';

type Mode = 'none' | 'per-document' | 'per-row';

// Each pass starts from a collected heap, so one pass's garbage is not collected on the next one's
// clock (the three modes allocate very differently). tsx gives no --expose-gc, so turn it on here.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

async function prepare(rooms: string[], database: AppDatabase, repos: Repositories) {
  const docs: Array<{ root: string; row: DocumentRow }> = [];
  for (const [i, root] of rooms.entries()) {
    const deal = repos.deals.create({ name: `bench ${i}`, dealType: 'acquisition', asOfDate: '2026-02-01' });
    for (const file of (await walkDataRoom(root)).files) {
      const row = repos.documents.recordVersion({ dealId: deal.id, entity: file.entity, relativePath: file.relativePath, sha256: await sha256File(file.absolutePath), sizeBytes: file.sizeBytes, kind: file.kind });
      docs.push({ root, row });
    }
  }
  void database;
  return docs;
}

/** ms: the whole pass; writeMs: the part spent in the write calls (commitDocument, or the per-row writes). */
async function round(mode: Mode, docs: Array<{ root: string; row: DocumentRow }>, database: AppDatabase, repos: Repositories): Promise<{ ms: number; writeMs: number; facts: number }> {
  const run = repos.runs.create(docs[0]!.row.dealId, 'bench', {}, { pid: process.pid, host: os.hostname() });
  for (const { row } of docs) repos.runs.addDocument(run.id, row.id);
  let facts = 0;
  let writeMs = 0;
  collectGarbage();
  const started = performance.now();
  for (const { root, row } of docs) {
    const analysed = await analyseDocument(root, row);
    facts += analysed.facts.length;
    const writeStarted = performance.now();
    if (mode === 'per-document') {
      commitDocument(database, repos, { dealId: row.dealId, runId: run.id }, row, analysed);
    } else if (mode === 'per-row') {
      // The same rows as commitDocument writes, with no enclosing transaction: SQLite commits after
      // every statement.
      const ids = { dealId: row.dealId, runId: run.id };
      const { outcome } = analysed;
      if (outcome.status === 'failed') {
        repos.documents.markFailed(row.id, outcome.code, outcome.error);
        repos.documentText.clear(row.id);
        repos.runs.markDocument(run.id, row.id, 'failed', 0, outcome.error);
        writeMs += performance.now() - writeStarted;
        continue;
      }
      const subjectsWritten = new Set<string>();
      let evidenceCount = 0;
      for (const fact of analysed.facts) if (writeFact(repos, ids, row, fact, subjectsWritten)) evidenceCount += 1;
      repos.documentText.replace(row.id, analysed.chunks);
      repos.documents.markParsed(row.id, outcome.pageCount);
      repos.runs.markDocument(run.id, row.id, 'done', evidenceCount);
    }
    if (mode !== 'none') writeMs += performance.now() - writeStarted;
  }
  const ms = performance.now() - started;
  repos.runs.finish(run.id, 'completed');
  return { ms, writeMs, facts };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const samples = path.resolve(process.cwd(), '..', 'shared', 'samples');
  const rooms = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['great-insurance', 'atlas-v1', 'atlas-v2', 'scenarios', 'inventories', 'office-formats'].map((r) => path.join(samples, r));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-bench-writes-'));
  try {
    const database = openDatabase(path.join(dir, 'bench.sqlite'));
    const extraSql = process.env.BENCH_WRITES_SQL?.trim();
    if (extraSql) database.sqlite.exec(extraSql);
    const repos = createRepositories(database.db);
    const docs = await prepare(rooms, database, repos);
    // Warm-up, one unmeasured pass per mode: module loading, JIT of the parse and of the write
    // paths, prepared statements, page cache; so no mode's first measured round pays for them.
    for (const mode of ['none', 'per-document', 'per-row'] as const) await round(mode, docs, database, repos);
    const results: Record<Mode, { ms: number[]; writeMs: number[]; facts: number }> = {
      none: { ms: [], writeMs: [], facts: 0 },
      'per-document': { ms: [], writeMs: [], facts: 0 },
      'per-row': { ms: [], writeMs: [], facts: 0 },
    };
    for (let r = 0; r < ROUNDS; r++) {
      // Interleave modes so machine noise hits them alike, and rotate their order each round so no
      // mode always follows the per-row pass (and the disk work it leaves behind).
      const modes = ['none', 'per-document', 'per-row'] as const;
      for (const mode of modes.map((_, i) => modes[(i + r) % modes.length]!)) {
        const { ms, writeMs, facts } = await round(mode, docs, database, repos);
        results[mode].ms.push(ms);
        results[mode].writeMs.push(writeMs);
        results[mode].facts = facts;
      }
    }
    console.log(`Write benchmark: ${docs.length} documents from ${rooms.length} rooms, ${results.none.facts} facts per pass, median of ${ROUNDS} rounds`);
    const synchronous = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][database.sqlite.pragma('synchronous', { simple: true }) as number] ?? '?';
    console.log(`SQLite WAL, synchronous=${synchronous}, ${os.cpus().length} cores, Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (extraSql) console.log(`with BENCH_WRITES_SQL: ${extraSql}`);
    console.log('');
    console.log('mode            ms/pass    docs/s     facts/s   of which writing, ms');
    for (const mode of ['none', 'per-document', 'per-row'] as const) {
      const ms = median(results[mode].ms);
      const writing = mode === 'none' ? '' : median(results[mode].writeMs).toFixed(1);
      console.log(`${mode.padEnd(14)} ${ms.toFixed(1).padStart(8)} ${((docs.length / ms) * 1000).toFixed(1).padStart(9)} ${((results[mode].facts / ms) * 1000).toFixed(0).padStart(11)} ${writing.padStart(22)}`);
    }
    const none = median(results.none.ms);
    const perDoc = median(results['per-document'].ms);
    const perRow = median(results['per-row'].ms);
    // Rounds interleave the modes, so each round's ratio compares passes made moments apart: the
    // median of those paired ratios is the figure least moved by a machine whose load changes.
    const paired = median(results['per-document'].ms.map((ms, i) => ms / results.none.ms[i]!));
    console.log(`\nper-document / none: ${(perDoc / none).toFixed(3)}  (overhead ${((perDoc / none - 1) * 100).toFixed(1)}%; target ≤ 10%)`);
    console.log(`per-document / none, median of the per-round ratios: ${paired.toFixed(3)}  (overhead ${((paired - 1) * 100).toFixed(1)}%)`);
    // The same pass measured against itself: its write calls against its own read, parse and
    // extract time. Both halves run moments apart, so a change of load between passes moves it less.
    const withinPass = median(results['per-document'].ms.map((ms, i) => results['per-document'].writeMs[i]! / (ms - results['per-document'].writeMs[i]!)));
    const writing = median(results['per-document'].writeMs);
    console.log(`per-document writing / the same passes' analysis: ${(withinPass * 100).toFixed(1)}%  (${((writing / results['per-document'].facts) * 1000).toFixed(1)} µs of writing per fact, ${(writing / docs.length).toFixed(1)} ms per document)`);
    console.log(`per-row / per-document: ${(perRow / perDoc).toFixed(2)}×`);
    database.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
