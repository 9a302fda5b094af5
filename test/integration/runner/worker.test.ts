import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src-main/analysis/runner/events';
import { runInWorker, WorkerRunError } from '../../../src-main/analysis/runner/run-in-worker';
import { openDatabase } from '../../../src-main/db/open';
import { createRepositories } from '../../../src-main/repositories';
import { writeGeneratedRoom } from '../../support/generated-room';
import { tempDir } from '../../support/temp';

function setup(count: number) {
  const room = path.join(tempDir('dd-worker-room-'), 'room');
  writeGeneratedRoom(room, count, 21);
  const dbFile = path.join(tempDir(), 'worker.sqlite');
  const database = openDatabase(dbFile);
  const repos = createRepositories(database.db);
  const deal = repos.deals.create({ name: 'Worker deal', dealType: 'acquisition', asOfDate: '2026-02-01' });
  return { room, dbFile, database, repos, deal };
}

describe('runner in a worker thread', () => {
  it('runs off the calling thread, relays events, and the caller keeps answering queries', async () => {
    const { room, dbFile, database, repos, deal } = setup(30);
    const events: RunEvent['type'][] = [];
    const run = runInWorker({ dbFile, job: { kind: 'start', dealId: deal.id, dataRoomPath: room } }, (e) => events.push(e.type));
    // Measure how late 5 ms timers fire on this thread while the worker analyses.
    let maxLag = 0;
    let ticks = 0;
    let done = false;
    void run.result.finally(() => (done = true));
    while (!done) {
      const before = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 5));
      maxLag = Math.max(maxLag, Date.now() - before - 5);
      repos.runs.list(deal.id);
      ticks += 1;
    }
    const result = await run.result;
    expect(result.status).toBe('completed');
    expect(events[0]).toBe('started');
    expect(events.at(-1)).toBe('finished');
    expect(events.filter((t) => t === 'document')).toHaveLength(30);
    expect(ticks).toBeGreaterThan(10);
    expect(maxLag).toBeLessThan(250);
    expect(repos.runs.get(result.runId)!.status).toBe('completed');
    database.close();
  }, 60_000);

  it('cancels through the host, and carries errors across with their name', async () => {
    const { room, dbFile, database, repos, deal } = setup(40);
    const run = runInWorker({ dbFile, job: { kind: 'start', dealId: deal.id, dataRoomPath: room } }, (e) => {
      if (e.type === 'document') run.cancel();
    });
    const result = await run.result;
    expect(result.status).toBe('cancelled');
    expect(repos.runs.get(result.runId)!.status).toBe('cancelled');
    const missing = runInWorker({ dbFile, job: { kind: 'resume', runId: result.runId } });
    await expect(missing.result).rejects.toBeInstanceOf(WorkerRunError);
    await expect(missing.result).rejects.toThrow(/only an interrupted run can be resumed/);
    database.close();
  }, 60_000);
});
