// A model that fails: malformed JSON, no answer in time, HTTP 500. Each is retried with backoff, then
// recorded as the document's error; the rules' facts stand and the run goes on.
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src-main/analysis/runner/events';
import { analyse, writeRoom } from '../../support/rooms';
import { tempDatabase } from '../../support/temp';
import { factsIn, malformedCompletion, startFakeOpenAi, type FakeServer, type Reply } from './fake-openai';
import { evidenceOf, FAITHFUL, ledgerOf, MEMO, testConfig } from './support';

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const ruleLine = '- Total IT Staff: 12 FTEs';
const room = () =>
  writeRoom({
    'a-malformed.txt': `MALFORMED\n\n${ruleLine}\n`,
    'b-timeout.txt': `TIMEOUT\n\n${ruleLine}\n`,
    'c-500.txt': `SERVER ERROR\n\n${ruleLine}\n`,
    'd-memo.md': MEMO,
  });

function failing(user: string): Reply | null {
  if (user.includes('MALFORMED')) return { raw: malformedCompletion() };
  if (user.includes('TIMEOUT')) return { hang: true };
  if (user.includes('SERVER ERROR')) return { raw: JSON.stringify({ error: { message: 'model crashed' } }), status: 500 };
  return null;
}

describe('language-model failures', () => {
  it('retries malformed JSON, a timeout and a 500, then records a per-document error and finishes the run', async () => {
    server = await startFakeOpenAi((req) => failing(req.user) ?? { facts: factsIn(req.user, FAITHFUL) });
    const { database, repos } = tempDatabase();
    const events: RunEvent[] = [];
    const result = await analyse(database, room(), {}, { llm: { config: testConfig(server.url, { timeoutMs: 300, maxAttempts: 3 }) }, onEvent: (e) => events.push(e) });
    expect(result.status).toBe('completed');

    const asked = (marker: string) => server!.requests.filter((r) => r.user.includes(marker)).length;
    expect([asked('MALFORMED'), asked('TIMEOUT'), asked('SERVER ERROR')]).toEqual([3, 3, 3]);

    const ledger = ledgerOf(database.sqlite, result.runId);
    expect(ledger.get('a-malformed.txt')).toMatchObject({ status: 'failed', calls: 3, kept: 0, error: expect.stringMatching(/not JSON.*after 3 attempts/) });
    expect(ledger.get('b-timeout.txt')).toMatchObject({ status: 'failed', calls: 3, error: expect.stringMatching(/No complete answer within 300 ms.*after 3 attempts/) });
    expect(ledger.get('c-500.txt')).toMatchObject({ status: 'failed', calls: 3, error: expect.stringMatching(/HTTP 500: model crashed.*after 3 attempts/) });
    expect(ledger.get('d-memo.md')).toMatchObject({ status: 'ok', kept: 4 });

    // The error is the document's, shown where document errors are; its rules' facts are kept.
    const docs = repos.documents.listForRun(result.runId).rows;
    for (const row of docs.filter((d) => d.document.relativePath !== 'd-memo.md')) {
      expect(row.runStatus).toBe('done');
      expect(row.runError).toMatch(/^Language-model extraction failed: /);
    }
    const evidence = evidenceOf(database.sqlite, result.runId);
    expect(evidence.filter((e) => e.attribute === 'it_headcount').map((e) => e.path)).toEqual(['a-malformed.txt', 'b-timeout.txt', 'c-500.txt']);
    expect(evidence.filter((e) => e.path === 'd-memo.md' && e.source !== null)).toHaveLength(4);
    const failedEvents = events.filter((e) => e.type === 'document' && e.error !== null);
    expect(failedEvents).toHaveLength(3);
    expect(repos.runs.get(result.runId)).toMatchObject({ docsDone: 4, docsFailed: 0 });
  });

  it('asks again next run for documents whose extraction failed, and copies the rest', async () => {
    server = await startFakeOpenAi((req) => failing(req.user) ?? { facts: factsIn(req.user, FAITHFUL) });
    const { database } = tempDatabase();
    const files = room();
    const config = testConfig(server.url, { timeoutMs: 200, maxAttempts: 1 });
    await analyse(database, files, {}, { llm: { config } });
    const before = server.requests.length;
    server.setHandler((req) => ({ facts: factsIn(req.user, FAITHFUL) }));
    const second = await analyse(database, files, {}, { llm: { config } });
    const retried = server.requests.slice(before).map((r) => r.user.split('\n')[2]);
    expect(retried.sort()).toEqual(['MALFORMED', 'SERVER ERROR', 'TIMEOUT']);
    expect([...ledgerOf(database.sqlite, second.runId).values()].every((l) => l.status === 'ok')).toBe(true);
  });

  it('succeeds on a retry after a passing failure, and does not retry a request the server rejects', async () => {
    let first = true;
    server = await startFakeOpenAi((req) => {
      if (req.user.includes('Northwind') && first) {
        first = false;
        return { raw: '{"error":"busy"}', status: 503 };
      }
      if (req.user.includes('REJECTED')) return { raw: '{"error":{"message":"unknown model"}}', status: 404 };
      return { facts: factsIn(req.user, FAITHFUL) };
    });
    const { database } = tempDatabase();
    const result = await analyse(database, writeRoom({ 'memo.md': MEMO, 'other.txt': 'REJECTED\n' }), {}, { llm: { config: testConfig(server.url) } });
    const ledger = ledgerOf(database.sqlite, result.runId);
    expect(ledger.get('memo.md')).toMatchObject({ status: 'ok', calls: 2, kept: 4 });
    expect(ledger.get('other.txt')).toMatchObject({ status: 'failed', calls: 1, error: expect.stringMatching(/HTTP 404: unknown model\.?$/) });
  });

  it('cancels a run mid-call at once, committing nothing of that document', async () => {
    server = await startFakeOpenAi((req) => (req.user.includes('TIMEOUT') ? { hang: true } : { facts: factsIn(req.user, FAITHFUL) }));
    const { database, repos } = tempDatabase();
    const controller = new AbortController();
    const started = Date.now();
    const run = analyse(database, writeRoom({ 'a.md': MEMO, 'b.txt': `TIMEOUT\n\n${ruleLine}\n` }), {}, { llm: { config: testConfig(server.url, { timeoutMs: 30_000 }) }, signal: controller.signal });
    while (!server.requests.some((r) => r.user.includes('TIMEOUT'))) await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    const result = await run;
    expect(result.status).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
    const rows = repos.documents.listForRun(result.runId).rows.map((r) => [r.document.relativePath, r.runStatus]);
    expect(rows).toEqual([
      ['a.md', 'done'],
      ['b.txt', 'pending'],
    ]);
    expect(ledgerOf(database.sqlite, result.runId).has('b.txt')).toBe(false);
  });
});
