// Kill test (issue 3): real analysis processes are killed with SIGKILL at seeded random moments.
// After every kill the database must be intact, every document the process reported done must be
// fully present, no document may be partially present, the run must become interrupted on the next
// start, and resuming it must give exactly the rows of an uninterrupted run.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { recoverOrphanedRuns } from '../../src-main/analysis/runner/ownership';
import { resumeAnalysis } from '../../src-main/analysis/runner/runner';
import { openDatabase } from '../../src-main/db/open';
import { createRepositories } from '../../src-main/repositories';
import { startCli } from '../support/cli-process';
import { seededRandom, writeGeneratedRoom } from '../support/generated-room';
import { analyse } from '../support/rooms';
import { runContent } from '../support/snapshot';
import { tempDir } from '../support/temp';

const KILLS = Number(process.env.DD_KILLS ?? 25);
const SEED = Number(process.env.DD_KILL_SEED ?? 20261203);
const DOCUMENTS = 60;
const AS_OF = '2026-02-01';
const DEAL = 'Kill test';

let room: string;
let reference: ReturnType<typeof runContent>;
let windowMs: number;

function cliArgs(dbFile: string): string[] {
  return ['analyze', room, '--deal', DEAL, '--as-of', AS_OF, '--db', dbFile];
}

beforeAll(async () => {
  room = path.join(tempDir('dd-kill-room-'), 'room');
  writeGeneratedRoom(room, DOCUMENTS);
  // Two uninterrupted runs, in-process: the reference, and a check that analysis is deterministic.
  const contents = [];
  for (let i = 0; i < 2; i++) {
    const database = openDatabase(path.join(tempDir(), 'reference.sqlite'));
    const result = await analyse(database, room, { name: DEAL, asOfDate: AS_OF });
    expect(result.status).toBe('completed');
    contents.push(runContent(database.sqlite, result.runId));
    database.close();
  }
  expect(contents[1]).toEqual(contents[0]);
  reference = contents[0]!;
  expect(reference.facts.length).toBeGreaterThan(500);
  // Calibrate the kill window on one real process: from the run's start to its end.
  const dbFile = path.join(tempDir(), 'calibrate.sqlite');
  const cli = startCli(cliArgs(dbFile));
  await cli.waitForLine(/^RUN_STARTED /);
  const started = Date.now();
  const exit = await cli.exited;
  expect(exit.code, cli.stderr()).toBe(0);
  windowMs = Date.now() - started;
}, 180_000);

describe('SIGKILL at random moments', () => {
  it(`survives ${KILLS} kills: intact, all-or-nothing per document, interrupted, and resumes to identical rows`, async () => {
    const random = seededRandom(SEED);
    let killedMidRun = 0;
    for (let k = 0; k < KILLS; k++) {
      const dbFile = path.join(tempDir(), `kill-${k}.sqlite`);
      const cli = startCli(cliArgs(dbFile));
      const runLine = await cli.waitForLine(/^RUN_STARTED /);
      const runId = Number(runLine.split(' ')[1]);
      const delay = Math.floor(random() * windowMs * 1.05);
      await new Promise((resolve) => setTimeout(resolve, delay));
      cli.child.kill('SIGKILL');
      const exit = await cli.exited;
      const reportedDone = cli.lines.filter((l) => l.startsWith('DOC_DONE ')).map((l) => l.split(' ').map(Number) as [number, number, number]);

      const database = openDatabase(dbFile);
      try {
        expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        const repos = createRepositories(database.db);
        const evidenceOf = database.sqlite.prepare('SELECT count(*) FROM fact_evidence WHERE run_id = ? AND document_id = ?').pluck();
        for (const [, documentId, evidenceCount] of reportedDone) {
          const ledger = database.sqlite.prepare('SELECT status, evidence_count FROM run_documents WHERE run_id = ? AND document_id = ?').get(runId, documentId) as { status: string; evidence_count: number };
          expect(ledger).toEqual({ status: 'done', evidence_count: evidenceCount });
          expect(evidenceOf.get(runId, documentId)).toBe(evidenceCount);
        }
        const pending = database.sqlite.prepare("SELECT document_id FROM run_documents WHERE run_id = ? AND status = 'pending'").pluck().all(runId) as number[];
        for (const documentId of pending) expect(evidenceOf.get(runId, documentId)).toBe(0);

        const statusBefore = repos.runs.get(runId)!.status;
        if (exit.signal === 'SIGKILL' && statusBefore === 'running') {
          killedMidRun += 1;
          recoverOrphanedRuns(repos);
          const interrupted = repos.runs.get(runId)!;
          expect(interrupted.status).toBe('interrupted');
          expect(interrupted.error).toMatch(/ended before it finished/);
          const resumed = await resumeAnalysis({ database, runId });
          expect(resumed.status).toBe('completed');
        } else {
          expect(statusBefore).toBe('completed');
        }
        expect(runContent(database.sqlite, runId)).toEqual(reference);
      } finally {
        database.close();
      }
    }
    // The seeded schedule must really kill runs in flight, or the test proves nothing.
    expect(killedMidRun).toBeGreaterThanOrEqual(Math.ceil(KILLS * 0.6));
  }, 600_000);
});
