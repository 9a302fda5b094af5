// The app runs analyses in worker threads (deal-data/runs), each with its own connection, so the
// thread that answers the window keeps its timers on time and only reads.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../src-shared/contract';
import { RunController } from '../../../src-main/deal-data/runs/controller';
import { spawnSourceWorker } from '../../../src-main/dev-bridge/spawn-worker';
import { openDatabase } from '../../../src-main/db/open';
import { createRepositories } from '../../../src-main/repositories';
import { writeGeneratedRoom } from '../../support/generated-room';
import { tempDir } from '../../support/temp';

describe('runner in a worker thread', () => {
  it('runs off the calling thread: timers stay on time and reads keep answering while it writes', async () => {
    const room = path.join(tempDir('dd-worker-room-'), 'room');
    writeGeneratedRoom(room, 45, 21);
    const dbFile = path.join(tempDir(), 'worker.sqlite');
    const writer = openDatabase(dbFile);
    const deal = createRepositories(writer.db).deals.create({ name: 'Worker deal', dealType: 'acquisition', asOfDate: '2026-02-01' });
    writer.close();
    const reader = openDatabase(dbFile, { mode: 'read' });
    const repos = createRepositories(reader.db);
    const events: EventName[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const controller = new RunController({
      dbFile,
      spawnWorker: spawnSourceWorker,
      readRun: (runId) => repos.runs.get(runId),
      emit: (name) => {
        events.push(name);
        if (name === 'run.finished') finished();
      },
    });
    const { runId } = await controller.start(deal.id, room);
    let maxLag = 0;
    const factCounts: number[] = [];
    let running = true;
    void done.then(() => (running = false));
    while (running) {
      const before = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 5));
      maxLag = Math.max(maxLag, Date.now() - before - 5);
      factCounts.push(repos.facts.count({ runId }));
    }
    expect(repos.runs.get(runId)!.status).toBe('completed');
    expect(events.filter((e) => e === 'run.document')).toHaveLength(45);
    expect(factCounts.length).toBeGreaterThan(10);
    expect(new Set(factCounts).size).toBeGreaterThan(3);
    // The analysis itself never blocks this thread; 250 ms leaves room for a loaded CI machine.
    expect(maxLag).toBeLessThan(250);
    await controller.close();
    reader.close();
  }, 60_000);
});
