// npm run bench:writes — what durability costs. On the same documents (the shared sample rooms, or a
// folder given as argument), measures documents/s and facts/s for:
//   none          read, parse and extract with no persistence at all;
//   per-document  the runner's way: one IMMEDIATE transaction per document (synchronous=FULL);
//   per-row       the replaced system's way: every row its own commit (synchronous=FULL).
// Prints medians of several rounds and the ratios, measured in one process on the same data.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { walkDataRoom, sha256File } from '../../src-main/analysis/ingest/walk';
import { analyseDocument, commitDocument, writeFact } from '../../src-main/analysis/runner/document-step';
import { openDatabase, type AppDatabase } from '../../src-main/db/open';
import { createRepositories, type Repositories } from '../../src-main/repositories';
import type { DocumentRow } from '../../src-main/repositories/documents';

type Mode = 'none' | 'per-document' | 'per-row';
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

async function round(mode: Mode, docs: Array<{ root: string; row: DocumentRow }>, database: AppDatabase, repos: Repositories): Promise<{ ms: number; facts: number }> {
  const run = repos.runs.create(docs[0]!.row.dealId, 'bench', {}, { pid: process.pid, host: os.hostname() });
  for (const { row } of docs) repos.runs.addDocument(run.id, row.id);
  let facts = 0;
  const started = performance.now();
  for (const { root, row } of docs) {
    const analysed = await analyseDocument(root, row);
    facts += analysed.facts.length;
    if (mode === 'per-document') {
      commitDocument(database, repos, { dealId: row.dealId, runId: run.id }, row, analysed);
    } else if (mode === 'per-row') {
      // Same rows, no enclosing transaction: SQLite commits after every statement.
      for (const fact of analysed.facts) writeFact(repos, { dealId: row.dealId, runId: run.id }, row, fact);
      repos.runs.markDocument(run.id, row.id, 'done', analysed.facts.length);
    }
  }
  const ms = performance.now() - started;
  repos.runs.finish(run.id, 'completed');
  return { ms, facts };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const samples = path.resolve(process.cwd(), '..', 'shared', 'samples');
  const rooms = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['great-insurance', 'atlas-v1', 'atlas-v2', 'scenarios', 'inventories', 'office-formats'].map((r) => path.join(samples, r));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-bench-writes-'));
  try {
    const database = openDatabase(path.join(dir, 'bench.sqlite'));
    const repos = createRepositories(database.db);
    const docs = await prepare(rooms, database, repos);
    await round('none', docs, database, repos); // warm-up: module loading, JIT, page cache
    const results: Record<Mode, { ms: number[]; facts: number }> = { none: { ms: [], facts: 0 }, 'per-document': { ms: [], facts: 0 }, 'per-row': { ms: [], facts: 0 } };
    for (let r = 0; r < ROUNDS; r++) {
      // Interleave modes so machine noise hits them alike.
      for (const mode of ['none', 'per-document', 'per-row'] as const) {
        const { ms, facts } = await round(mode, docs, database, repos);
        results[mode].ms.push(ms);
        results[mode].facts = facts;
      }
    }
    console.log(`Write benchmark: ${docs.length} documents from ${rooms.length} rooms, ${results.none.facts} facts per pass, median of ${ROUNDS} rounds`);
    console.log(`SQLite WAL, synchronous=FULL, ${os.cpus().length} cores, Node ${process.version}\n`);
    console.log('mode            ms/pass    docs/s     facts/s');
    for (const mode of ['none', 'per-document', 'per-row'] as const) {
      const ms = median(results[mode].ms);
      console.log(`${mode.padEnd(14)} ${ms.toFixed(1).padStart(8)} ${((docs.length / ms) * 1000).toFixed(1).padStart(9)} ${((results[mode].facts / ms) * 1000).toFixed(0).padStart(11)}`);
    }
    const none = median(results.none.ms);
    const perDoc = median(results['per-document'].ms);
    const perRow = median(results['per-row'].ms);
    console.log(`\nper-document / none: ${(perDoc / none).toFixed(3)}  (overhead ${((perDoc / none - 1) * 100).toFixed(1)}%; target ≤ 10%)`);
    console.log(`per-row / per-document: ${(perRow / perDoc).toFixed(2)}×`);
    database.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
