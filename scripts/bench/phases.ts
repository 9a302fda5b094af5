// The benchmark's phases, each run in a child process of its own (fresh heap, its own peak RSS):
// the app's build, analyses through the app's run worker, the query and cold-start measurements
// on the seeded database, and issue 6's search benchmark.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src-main/db/open';
import { createRepositories } from '../../src-main/repositories';
import type { ColdStartSample } from './cold-start';
import type { QueryResult } from './queries';
import type { SeedSummary } from './seed-db';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '..', '..');
const MAX_BUFFER = 64 * 1024 * 1024;

/** Runs a TypeScript script of this folder in a fresh Node process (tsx) and parses its JSON line. */
function tsChild<T>(script: string, args: string[]): T {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(HERE, script), ...args], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: MAX_BUFFER });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}

/**
 * Copies the working tree as it is now (tracked and untracked files git does not ignore) to
 * `snapshotDir`, beside a link to the repository's node_modules. The benchmark then builds and runs
 * from the copy: others editing and rebuilding this tree during the ten minutes it takes (a new
 * migration, a changed source file, an emptied out/) cannot change the code under measurement
 * half-way, and its build never touches the shared out/.
 */
export function snapshotWorkingTree(snapshotDir: string): number {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: MAX_BUFFER })
    .split('\0')
    .filter(Boolean);
  let copied = 0;
  for (const file of files) {
    const from = path.join(REPO_ROOT, file);
    if (!existsSync(from)) continue; // tracked but deleted in the working tree
    mkdirSync(path.dirname(path.join(snapshotDir, file)), { recursive: true });
    copyFileSync(from, path.join(snapshotDir, file));
    copied++;
  }
  symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(snapshotDir, 'node_modules'), 'dir');
  return copied;
}

/** Builds the app (electron-vite, as `npm run build` does) in this tree and returns the run worker chunk the main bundle spawns. */
export function buildApp(): string {
  try {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: 'pipe', maxBuffer: MAX_BUFFER });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`The app build (electron-vite build) failed:\n${`${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n')}`, { cause: error });
  }
  const main = readFileSync(path.join(REPO_ROOT, 'out/main/index.js'), 'utf8');
  const chunk = /"\.\/(chunks\/worker-[\w-]+\.js)"/.exec(main)?.[1];
  if (!chunk || !readdirSync(path.join(REPO_ROOT, 'out/main/chunks')).includes(path.basename(chunk))) {
    throw new Error('The build has no run worker chunk (out/main/chunks/worker-*.js).');
  }
  return path.join(REPO_ROOT, 'out/main', chunk);
}

export interface AnalysisSample {
  status: string;
  error: string | null;
  docs: number;
  failed: Array<{ path: string; error: string | null }>;
  facts: number;
  totalMs: number;
  documentsMs: number;
  perKind: Record<string, { docs: number; ms: number }>;
  peakRssBytes: number;
  /** CPU time (user + system, every thread) of the runner's process: totalMs far above it means the run waited for a core. */
  cpuMs: number;
}

interface WorkerLine {
  result: { status: string; runId?: number; error: string | null };
  totalMs: number;
  documentsMs: number;
  perKind: AnalysisSample['perKind'];
  failed: AnalysisSample['failed'];
  peakRssBytes: number;
  cpuMs: number;
}

/** Analyses a room into a fresh database through the app's run worker in a bare Node process. */
export function analyseRoom(workerChunk: string, dbFile: string, room: string): AnalysisSample {
  const setup = openDatabase(dbFile);
  const dealId = createRepositories(setup.db).deals.create({ name: `Bench ${path.basename(room)}`, dealType: 'acquisition', asOfDate: '2026-02-01', dataRoomPath: room }).id;
  setup.close();
  const out = execFileSync(process.execPath, [path.join(HERE, 'run-worker.mjs'), workerChunk, dbFile, String(dealId), room], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: MAX_BUFFER });
  const line = JSON.parse(out.trim().split('\n').at(-1)!) as WorkerLine;
  const database = openDatabase(dbFile, { mode: 'read' });
  try {
    const repos = createRepositories(database.db);
    const runId = line.result.runId ?? repos.runs.latest(dealId)?.id ?? 0;
    return {
      status: line.result.status,
      error: line.result.error,
      docs: repos.runs.documentCounts(runId).total,
      failed: line.failed,
      facts: repos.facts.count({ runId }),
      totalMs: line.totalMs,
      documentsMs: line.documentsMs,
      perKind: line.perKind,
      peakRssBytes: line.peakRssBytes,
      cpuMs: line.cpuMs,
    };
  } finally {
    database.close();
  }
}

export function seed(dbFile: string, totalFacts: number): SeedSummary {
  return tsChild<SeedSummary>('seed-db.ts', [dbFile, String(totalFacts)]);
}

export function queries(dbFile: string, deals: { big: number; typical: number }): QueryResult[] {
  return tsChild<QueryResult[]>('queries.ts', [dbFile, String(deals.big), String(deals.typical)]);
}

/** Puts the seeded orphan run back to `running` (a dead owner), so each cold start recovers it. */
export function resetOrphan(dbFile: string, runId: number): void {
  const database = openDatabase(dbFile);
  database.sqlite.prepare("UPDATE analysis_runs SET status = 'running', finished_at = NULL, error = NULL, owner_pid = 999999999 WHERE id = ?").run(runId);
  database.close();
}

export function coldStart(dbFile: string): ColdStartSample {
  return tsChild<ColdStartSample>('cold-start.ts', [dbFile]);
}

export interface SearchBench {
  output: string;
  medianMs: number | null;
  p95Ms: number | null;
}

/** Issue 6's benchmark (npm run bench:search), run as it is and its figures read from its output. */
export function searchBench(documents: number): SearchBench | null {
  if (!existsSync(path.join(HERE, 'search.ts'))) return null;
  let output: string;
  try {
    output = execFileSync(process.execPath, ['--import', 'tsx', path.join(HERE, 'search.ts')], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, BENCH_DOCUMENTS: String(documents) }, maxBuffer: MAX_BUFFER });
  } catch (error) {
    output = String((error as { stdout?: unknown }).stdout ?? error);
  }
  const m = /median ([\d.]+) ms\s+p95 ([\d.]+) ms/.exec(output);
  return { output: output.trim(), medianMs: m ? Number(m[1]) : null, p95Ms: m ? Number(m[2]) : null };
}
