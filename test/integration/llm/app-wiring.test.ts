// The extractor through the app's contract: settings channels, and a run started from the window
// that reaches the model in its worker thread (with the key) only once the settings turn it on.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelName, Output } from '../../../src-shared/contract';
import { spawnSourceWorker } from '../../../src-main/dev-bridge/spawn-worker';
import { createBackend, type Backend } from '../../../src-main/ipc/backend';
import type { SecretBox } from '../../../src-main/services/secret-box';
import { writeRoom } from '../../support/rooms';
import { onCleanup, tempDir } from '../../support/temp';
import { factsIn, startFakeOpenAi, type FakeServer } from './fake-openai';
import { evidenceOf, FAITHFUL, MEMO, SOURCE } from './support';
import { openDatabase } from '../../../src-main/db/open';

const TRUSTED = { senderUrl: 'app://renderer/index.html' };
/** Reversible and obviously not plain text; enough to check the wiring (the crypto is the OS's). */
const reversingBox: SecretBox = {
  available: () => true,
  encrypt: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
  decrypt: (data) => Buffer.from([...data].map((b) => b ^ 0x5a)).toString('utf8'),
};

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

function app(secretBox?: SecretBox) {
  const dbFile = path.join(tempDir('dd-llm-app-'), 'app.sqlite');
  const backend = createBackend({
    dbFile,
    demoDir: null,
    spawnWorker: spawnSourceWorker,
    platform: { shell: 'bridge', canPickFolder: false, pickFolder: async () => null },
    isTrustedSender: (url) => url === TRUSTED.senderUrl,
    app: { name: 'Diligence Desk', version: 'test' },
    ...(secretBox ? { secretBox } : {}),
  });
  onCleanup(() => void backend.close());
  const finished = (runId: number) =>
    new Promise<void>((resolve) => {
      const off = backend.subscribe((name, payload) => {
        if (name === 'run.finished' && (payload as { runId: number }).runId === runId) {
          off();
          resolve();
        }
      });
    });
  return { backend, dbFile, finished };
}

async function call<C extends ChannelName>(backend: Backend, channel: C, input: unknown): Promise<Output<C>> {
  const reply = await backend.router.dispatch({ channel, input }, TRUSTED);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.data as Output<C>;
}

const draft = (endpoint: string, extra: Record<string, unknown> = {}) => ({
  enabled: true,
  endpoint,
  model: 'test-model',
  apiKey: { action: 'keep' },
  allowRemote: false,
  timeoutMs: 5000,
  maxAttempts: 2,
  ...extra,
});

describe('the extractor in the app', () => {
  it('is off by default; settings refuse a key without a secret store and a remote host without consent', async () => {
    const { backend } = app();
    expect(await call(backend, 'settings.llm.get', {})).toMatchObject({ enabled: false, hasApiKey: false, keyStorageAvailable: false, destination: { leavesMachine: false } });
    await expect(call(backend, 'settings.llm.save', draft('http://127.0.0.1:8080/v1', { apiKey: { action: 'set', value: 'sk-1' } }))).rejects.toMatchObject({ code: 'unavailable' });
    await expect(call(backend, 'settings.llm.save', draft('https://llm.example.com/v1'))).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/another machine/) });
    const saved = await call(backend, 'settings.llm.save', draft('https://llm.example.com/v1', { allowRemote: true }));
    expect(saved.destination).toMatchObject({ host: 'llm.example.com', leavesMachine: true });
  });

  it('runs a deal with the model once turned on, the key reaching the worker and never the page', async () => {
    server = await startFakeOpenAi((req) => ({ facts: factsIn(req.user, FAITHFUL) }));
    const { backend, dbFile, finished } = app(reversingBox);
    const room = writeRoom({ 'memo.md': MEMO });
    const { deal } = await call(backend, 'deals.create', { name: 'Wired', dealType: 'acquisition', asOfDate: '2026-02-01', dataRoomPath: room, startRun: false });

    // Off: a run sends nothing.
    const first = await call(backend, 'runs.start', { dealId: deal.id });
    await finished(first.runId);
    expect(server.requests).toHaveLength(0);

    const view = await call(backend, 'settings.llm.save', draft(server.url, { apiKey: { action: 'set', value: 'sk-wired' } }));
    expect(view).toMatchObject({ enabled: true, hasApiKey: true });
    expect(JSON.stringify(view)).not.toContain('sk-wired');
    expect(await call(backend, 'settings.llm.test', {})).toMatchObject({ ok: true, modelFound: true });

    const second = await call(backend, 'runs.start', { dealId: deal.id });
    await finished(second.runId);
    expect(server.requests.map((r) => r.authorization)).toEqual(['Bearer sk-wired']);
    const database = openDatabase(dbFile, { mode: 'read' });
    let modelFactId: number;
    try {
      expect(evidenceOf(database.sqlite, second.runId).filter((e) => e.source === SOURCE)).toHaveLength(4);
      modelFactId = database.sqlite.prepare('SELECT fact_id FROM fact_evidence WHERE run_id = ? AND source IS NOT NULL LIMIT 1').pluck().get(second.runId) as number;
    } finally {
      database.close();
    }
    // The window sees which runs used a model, where it ran, and which quotes it found.
    const runs = (await call(backend, 'runs.list', { dealId: deal.id })).runs;
    expect(runs.find((r) => r.id === first.runId)?.languageModel).toBeNull();
    expect(runs.find((r) => r.id === second.runId)?.languageModel).toEqual({ model: 'test-model', host: '127.0.0.1', leavesMachine: false });
    const detail = await call(backend, 'facts.get', { dealId: deal.id, factId: modelFactId });
    expect(detail.evidence.map((e) => e.source)).toEqual([SOURCE]);
  });
});
