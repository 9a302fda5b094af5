// Concurrency (issue 3): readers keep answering while a run writes; one active run per deal;
// runs of different deals proceed side by side on one database file.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { createRepositories } from '../../src-main/repositories';
import { startCli } from '../support/cli-process';
import { writeGeneratedRoom } from '../support/generated-room';
import { tempDir } from '../support/temp';

function room(count: number, seed: number): string {
  const dir = path.join(tempDir('dd-conc-room-'), 'room');
  writeGeneratedRoom(dir, count, seed);
  return dir;
}

describe('concurrency', () => {
  it('a reader keeps answering while a run writes, and sees progress grow', async () => {
    const dbFile = path.join(tempDir(), 'shared.sqlite');
    openDatabase(dbFile).close();
    const cli = startCli(['analyze', room(45, 3), '--deal', 'Reader deal', '--as-of', '2026-02-01', '--db', dbFile]);
    await cli.waitForLine(/^RUN_STARTED /);
    const reader = openDatabase(dbFile, { mode: 'read' });
    const repos = createRepositories(reader.db);
    const seen: number[] = [];
    let running = true;
    void cli.exited.then(() => (running = false));
    while (running) {
      const deal = repos.deals.findByName('Reader deal')!;
      const run = repos.runs.latest(deal.id)!;
      seen.push(repos.facts.count({ runId: run.id }));
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    expect((await cli.exited).code).toBe(0);
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(new Set(seen).size).toBeGreaterThan(2);
    reader.close();
  }, 120_000);

  it('a second runner on the same deal is refused; runners on two deals both complete', async () => {
    const dbFile = path.join(tempDir(), 'shared.sqlite');
    openDatabase(dbFile).close();
    const roomA = room(240, 5); // big enough that run 1 is still going when the second process starts
    const first = startCli(['analyze', roomA, '--deal', 'Deal A', '--as-of', '2026-02-01', '--db', dbFile]);
    await first.waitForLine(/^RUN_STARTED /);
    const second = startCli(['analyze', roomA, '--deal', 'Deal A', '--as-of', '2026-02-01', '--db', dbFile]);
    const other = startCli(['analyze', room(20, 9), '--deal', 'Deal B', '--as-of', '2026-02-01', '--db', dbFile]);
    const [a, b, c] = await Promise.all([first.exited, second.exited, other.exited]);
    expect(b.code).toBe(2);
    expect(second.stderr()).toMatch(/Deal "Deal A" already has run 1 in progress/);
    expect(a.code, first.stderr()).toBe(0);
    expect(c.code, other.stderr()).toBe(0);
    const database = openDatabase(dbFile, { mode: 'read' });
    const repos = createRepositories(database.db);
    for (const name of ['Deal A', 'Deal B']) {
      const runs = repos.runs.list(repos.deals.findByName(name)!.id);
      expect(runs.map((r) => [r.runNumber, r.status])).toEqual([[1, 'completed']]);
    }
    database.close();
  }, 120_000);
});
