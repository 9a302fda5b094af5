import { cpSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { EventName, Output } from '../../../src-shared/contract';
import type { RunWorkerData } from '../../../src-main/deal-data/runs/protocol';
import { spawnSourceWorker } from '../../../src-main/dev-bridge/spawn-worker';
import { createBackend, type Backend } from '../../../src-main/ipc/backend';
import { sample } from '../../support/paths';
import { onCleanup, tempDir } from '../../support/temp';

// Runs through the contract: each in a worker thread with its own connection, progress pushed as
// events, the run row readable while it works, and everything still there after a restart.

const TRUSTED = { senderUrl: 'app://renderer/index.html' };
type Event = { name: EventName; payload: Record<string, unknown> };

function start(dbFile: string, options: { pauseGate?: SharedArrayBuffer; spawn?: (data: RunWorkerData) => Worker } = {}) {
  const events: Event[] = [];
  const backend = createBackend({
    dbFile,
    demoDir: null,
    spawnWorker: options.spawn ?? spawnSourceWorker,
    platform: { shell: 'bridge', canPickFolder: false, pickFolder: async () => null },
    isTrustedSender: (url) => url === TRUSTED.senderUrl,
    app: { name: 'Diligence Desk', version: 'test' },
    pauseGate: options.pauseGate,
  });
  backend.subscribe((name, payload) => events.push({ name, payload: payload as Record<string, unknown> }));
  let closed = false;
  const close = async () => {
    if (!closed) await backend.close();
    closed = true;
  };
  onCleanup(() => void close());
  const call = async <C extends Parameters<typeof invoke>[1]>(channel: C, input: unknown) => invoke(backend, channel, input);
  const waitFor = (predicate: (e: Event) => boolean, timeoutMs = 90_000) =>
    new Promise<Event>((resolve, reject) => {
      const found = events.find(predicate);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error('timed out waiting for an event')), timeoutMs);
      const off = backend.subscribe((name, payload) => {
        const event = { name, payload: payload as Record<string, unknown> };
        if (predicate(event)) {
          clearTimeout(timer);
          off();
          resolve(event);
        }
      });
    });
  return { backend, events, call, waitFor, close };
}

async function invoke<C extends 'deals.create' | 'runs.start' | 'runs.cancel' | 'runs.resume' | 'inventory.list' | 'dashboard.get' | 'runs.progress' | 'runs.list'>(backend: Backend, channel: C, input: unknown): Promise<Output<C>> {
  const reply = await backend.router.dispatch({ channel, input }, TRUSTED);
  if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
  return reply.data as Output<C>;
}

function dataRoom(): string {
  const room = path.join(tempDir('dd-room-'), 'great-insurance');
  cpSync(sample('great-insurance'), room, { recursive: true });
  return room;
}

const newDeal = (room: string) => ({ name: 'Great Insurance', dealType: 'acquisition', asOfDate: '2026-03-31', dataRoomPath: room, startRun: true });
const page = { limit: 100, offset: 0 };

describe('analysis runs through the contract', () => {
  it('runs in a worker, reports progress and every document, and survives a restart', async () => {
    const dbFile = path.join(tempDir('dd-run-'), 'runs.sqlite');
    const first = start(dbFile);
    const created = await first.call('deals.create', newDeal(dataRoom()));
    expect(created.run).toMatchObject({ runNumber: 1 });
    const finished = await first.waitFor((e) => e.name === 'run.finished');
    expect(finished.payload).toMatchObject({ status: 'completed', runNumber: 1, dealId: created.deal.id });
    const documents = first.events.filter((e) => e.name === 'run.document');
    expect(documents).toHaveLength(8);
    const progress = first.events.filter((e) => e.name === 'run.progress').map((e) => (e.payload.run as { docsDone: number }).docsDone);
    expect(progress.length).toBeGreaterThan(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    const apps = await first.call('inventory.list', { dealId: created.deal.id, domain: 'applications', kind: 'application', page });
    expect(apps.total).toBe(33);
    const dashboard = await first.call('dashboard.get', { dealId: created.deal.id });
    await first.close();

    const second = start(dbFile);
    expect(await second.call('dashboard.get', { dealId: created.deal.id })).toEqual(dashboard);
    expect((await second.call('inventory.list', { dealId: created.deal.id, domain: 'applications', kind: 'application', page })).rows).toEqual(apps.rows);
  });

  it('refuses a second run while one is in progress, and shows the previous run meanwhile', async () => {
    const gate = new SharedArrayBuffer(4);
    const flag = new Int32Array(gate);
    const dbFile = path.join(tempDir('dd-run-'), 'runs.sqlite');
    const app = start(dbFile, { pauseGate: gate });
    const { deal } = await app.call('deals.create', newDeal(dataRoom()));
    await app.waitFor((e) => e.name === 'run.finished');

    Atomics.store(flag, 0, 1);
    const run2 = await app.call('runs.start', { dealId: deal.id });
    expect(run2.runNumber).toBe(2);
    await app.waitFor((e) => e.name === 'run.progress' && (e.payload.run as { runNumber: number; docsDone: number }).runNumber === 2 && (e.payload.run as { docsDone: number }).docsDone > 0);
    await expect(app.call('runs.start', { dealId: deal.id })).rejects.toMatchObject({ code: 'conflict' });
    const during = await app.call('dashboard.get', { dealId: deal.id });
    expect(during.scope.run?.runNumber).toBe(1);
    expect(during.scope.activeRun?.runNumber).toBe(2);
    const live = await app.call('runs.progress', { dealId: deal.id });
    expect(live).toMatchObject({ live: true, run: { runNumber: 2, status: 'running' } });

    Atomics.store(flag, 0, 0);
    Atomics.notify(flag, 0);
    await app.waitFor((e) => e.name === 'run.finished' && e.payload.runNumber === 2);
    const after = await app.call('dashboard.get', { dealId: deal.id });
    expect(after.scope.run?.runNumber).toBe(2);
    expect(after.scope.activeRun).toBeNull();
  });

  it('cancels a run at a document boundary, keeping what was committed', async () => {
    const gate = new SharedArrayBuffer(4);
    const flag = new Int32Array(gate);
    Atomics.store(flag, 0, 1);
    const app = start(path.join(tempDir('dd-run-'), 'runs.sqlite'), { pauseGate: gate });
    const { deal, run } = await app.call('deals.create', newDeal(dataRoom()));
    await app.waitFor((e) => e.name === 'run.document');
    expect(await app.call('runs.cancel', { runId: run!.runId })).toEqual({ cancelled: true });
    Atomics.store(flag, 0, 0);
    Atomics.notify(flag, 0);
    const finished = await app.waitFor((e) => e.name === 'run.finished');
    expect(finished.payload.status).toBe('cancelled');
    const runs = await app.call('runs.list', { dealId: deal.id });
    expect(runs.runs[0]).toMatchObject({ status: 'cancelled' });
    expect(runs.runs[0]!.docsDone).toBeGreaterThan(0);
    expect(runs.runs[0]!.docsDone).toBeLessThan(8);
    expect(await app.call('runs.cancel', { runId: run!.runId })).toEqual({ cancelled: false });

    // Resume picks up where the cancel stopped it, and finishes the same run.
    await app.call('runs.resume', { runId: run!.runId });
    const resumed = await app.waitFor((e) => e.name === 'run.finished' && e.payload.status !== 'cancelled');
    expect(resumed.payload).toMatchObject({ runId: run!.runId, status: 'completed' });
    const after = await app.call('runs.list', { dealId: deal.id });
    expect(after.runs).toHaveLength(1);
    expect(after.runs[0]).toMatchObject({ status: 'completed', docsDone: 8 });
    // A completed run is not resumable.
    await expect(app.call('runs.resume', { runId: run!.runId })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('marks a run interrupted when its worker dies', async () => {
    let worker: Worker | null = null;
    const gate = new SharedArrayBuffer(4);
    Atomics.store(new Int32Array(gate), 0, 1);
    const app = start(path.join(tempDir('dd-run-'), 'runs.sqlite'), {
      pauseGate: gate,
      spawn: (data) => (worker = spawnSourceWorker(data)),
    });
    const { deal } = await app.call('deals.create', newDeal(dataRoom()));
    await app.waitFor((e) => e.name === 'run.document');
    await worker!.terminate();
    const finished = await app.waitFor((e) => e.name === 'run.finished');
    expect(finished.payload.status).toBe('interrupted');
    const runs = await app.call('runs.list', { dealId: deal.id });
    expect(runs.runs[0]).toMatchObject({ status: 'interrupted' });
  });

  it('reports a bad data room as invalid_data_room before any run exists', async () => {
    const app = start(path.join(tempDir('dd-run-'), 'runs.sqlite'));
    await expect(app.call('deals.create', { ...newDeal('/no/such/folder'), startRun: true })).rejects.toMatchObject({ code: 'invalid_data_room' });
  });
});
