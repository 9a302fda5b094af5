import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { sample, REPO_ROOT } from '../support/paths';

export interface BridgeRef {
  origin: string;
  token: string;
}

/** The shared bridge Playwright's webServer started (see playwright.config.ts). */
export const SHARED: BridgeRef = { origin: `http://127.0.0.1:${process.env.DD_E2E_PORT}`, token: process.env.DD_E2E_TOKEN ?? '' };

export function pageUrl(bridge: BridgeRef, hash = '#/'): string {
  return `${bridge.origin}/?token=${bridge.token}${hash}`;
}

/** Calls the contract over the bridge, as test setup (the UI itself is what the tests check). */
export async function api<T = unknown>(bridge: BridgeRef, channel: string, input: unknown): Promise<T> {
  const res = await fetch(`${bridge.origin}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
    body: JSON.stringify({ channel, input }),
  });
  const envelope = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error?.code} ${envelope.error?.message}`);
  return envelope.data as T;
}

/** Holds (or releases) the bridge's run workers after their next committed document. */
export async function pauseRuns(bridge: BridgeRef, paused: boolean): Promise<void> {
  const res = await fetch(`${bridge.origin}/__test/pause`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bridge.token}` },
    body: JSON.stringify({ paused }),
  });
  if (!res.ok) throw new Error(`pause: ${res.status}`);
}

export async function waitForRun(bridge: BridgeRef, dealId: number, runNumber: number, status = 'completed', timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { runs } = await api<{ runs: Array<{ runNumber: number; status: string }> }>(bridge, 'runs.list', { dealId });
    const run = runs.find((r) => r.runNumber === runNumber);
    if (run?.status === status) return;
    if (Date.now() > deadline) throw new Error(`run ${runNumber} did not reach ${status} (is ${run?.status})`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** A private backend on a database file: started and stopped by the test (to check restarts). */
export interface OwnBridge extends BridgeRef {
  stop(): Promise<void>;
  /** Kills the process outright, as a crash or a power cut would. */
  crash(): Promise<void>;
}

export function startBridge(dbFile: string, extraArgs: string[] = []): Promise<OwnBridge> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/dev-bridge/main.ts', '--db', dbFile, '--port', '0', ...extraArgs], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill(signal);
    });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('DD_BRIDGE_READY '));
      if (!line) return;
      const ready = JSON.parse(line.slice('DD_BRIDGE_READY '.length)) as { origin: string; token: string };
      resolve({
        origin: ready.origin,
        token: ready.token,
        stop: () => end('SIGTERM'),
        crash: () => end('SIGKILL'),
      });
    });
    child.once('exit', (code) => reject(new Error(`bridge exited (${code}) before it was ready: ${stderr}`)));
  });
}

/** A temporary copy of a sample data room, so a test may add or remove documents. */
export function copyRoom(name = 'great-insurance'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-room-'));
  const room = path.join(dir, name);
  cpSync(sample(name), room, { recursive: true });
  return room;
}

export function tempDbFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-db-')), 'desk.sqlite');
}

const SHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** Saves a screenshot as a test artifact (test-results/ is not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}
