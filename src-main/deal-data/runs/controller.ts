import type { Worker } from 'node:worker_threads';
import type { EventName, EventPayload } from '../../../src-shared/contract';
import type { LlmRunOptions } from '../../analysis/llm/config';
import type { RunEvent } from '../../analysis/runner/events';
import type { RunRow } from '../../repositories/runs';
import { DealDataError } from '../errors';
import { toRunInfo } from '../mappers';
import type { ParentMessage, RunWorkerData, WorkerMessage } from './protocol';

export type SpawnRunWorker = (data: RunWorkerData) => Worker;
export type EmitEvent = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface RunControllerOptions {
  dbFile: string;
  migrationsDir?: string;
  spawnWorker: SpawnRunWorker;
  emit: EmitEvent;
  /** Reads a run row (from the reader connection) to publish authoritative progress. */
  readRun: (runId: number) => RunRow | undefined;
  /** Called when a worker died without finishing its run (so the run can be marked interrupted). */
  onWorkerLost?: (runId: number, reason: string) => void;
  /** Test hook (dev bridge only): a gate that holds workers after a document while set. */
  pauseGate?: SharedArrayBuffer;
}

interface LiveRun {
  worker: Worker;
  runId: number | null;
  dealId: number;
  runNumber: number;
  finished: boolean;
  exited: Promise<void>;
}

/**
 * Starts, resumes and cancels analysis runs, each in its own worker thread with its own database
 * connection, and turns the runner's events into contract events. Holds no results: only which
 * workers are alive.
 */
export class RunController {
  private readonly live = new Set<LiveRun>();

  constructor(private readonly options: RunControllerOptions) {}

  /** `llm`: the language-model extractor's options when it is on (see LlmSettingsService.runOptions). */
  start(dealId: number, dataRoomPath: string, llm?: LlmRunOptions): Promise<{ runId: number; runNumber: number }> {
    return this.launch(dealId, { op: 'start', dealId, dataRoomPath }, llm);
  }

  resume(dealId: number, runId: number, llm?: LlmRunOptions): Promise<{ runId: number; runNumber: number }> {
    return this.launch(dealId, { op: 'resume', runId }, llm);
  }

  /** Asks a live run to stop after the current document; false if this process does not run it. */
  cancel(runId: number): boolean {
    const run = [...this.live].find((r) => r.runId === runId && !r.finished);
    if (!run) return false;
    run.worker.postMessage({ type: 'cancel' } satisfies ParentMessage);
    return true;
  }

  isLive(runId: number): boolean {
    return [...this.live].some((r) => r.runId === runId && !r.finished);
  }

  liveRunIds(): number[] {
    return [...this.live].filter((r) => r.runId !== null && !r.finished).map((r) => r.runId!);
  }

  /** Cancels every run and waits for the workers to end (the app is quitting). */
  async close(timeoutMs = 5000): Promise<void> {
    const runs = [...this.live];
    for (const run of runs) run.worker.postMessage({ type: 'cancel' } satisfies ParentMessage);
    const all = Promise.all(runs.map((r) => r.exited));
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), timeoutMs).unref());
    if ((await Promise.race([all, timer])) === 'timeout') await Promise.all(runs.map((r) => r.worker.terminate()));
  }

  private launch(
    dealId: number,
    op: { op: 'start'; dealId: number; dataRoomPath: string } | { op: 'resume'; runId: number },
    llm: LlmRunOptions | undefined,
  ): Promise<{ runId: number; runNumber: number }> {
    const data = { ...op, dbFile: this.options.dbFile, migrationsDir: this.options.migrationsDir, pauseGate: this.options.pauseGate, ...(llm ? { llm } : {}) } as RunWorkerData;
    const worker = this.options.spawnWorker(data);
    let resolveExit!: () => void;
    const run: LiveRun = { worker, runId: null, dealId, runNumber: 0, finished: false, exited: new Promise((r) => (resolveExit = r)) };
    this.live.add(run);
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void) => {
        if (!settled) {
          settled = true;
          fn();
        }
      };
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'event') {
          if (message.event.type === 'started') {
            run.runId = message.event.runId;
            run.runNumber = message.event.runNumber;
            settle(() => resolve({ runId: run.runId!, runNumber: run.runNumber }));
          }
          this.publish(run, message.event);
        } else if (message.type === 'error') {
          const code = message.code === 'internal' ? null : message.code;
          settle(() => reject(code ? new DealDataError(code, message.message) : new Error(message.message)));
          if (run.runId !== null && !run.finished) this.lost(run, message.message);
        }
      });
      worker.on('error', (error) => {
        settle(() => reject(error));
        if (run.runId !== null && !run.finished) this.lost(run, `The analysis worker crashed: ${error.message}`);
      });
      worker.on('exit', (code) => {
        this.live.delete(run);
        resolveExit();
        settle(() => reject(new Error(`The analysis worker ended (exit code ${code}) before the run started.`)));
        if (run.runId !== null && !run.finished) this.lost(run, `The analysis worker ended unexpectedly (exit code ${code}).`);
      });
    });
  }

  private lost(run: LiveRun, reason: string): void {
    run.finished = true;
    this.options.onWorkerLost?.(run.runId!, reason);
    this.options.emit('run.finished', { dealId: run.dealId, runId: run.runId!, runNumber: run.runNumber, status: 'interrupted', error: reason });
  }

  private publish(run: LiveRun, event: RunEvent): void {
    if (run.runId === null) return;
    const ref = { dealId: run.dealId, runId: run.runId, runNumber: run.runNumber };
    switch (event.type) {
      case 'started':
        this.options.emit('run.started', { ...ref, resumed: event.resumed });
        return;
      case 'progress':
      case 'phase': {
        const row = this.options.readRun(run.runId);
        if (row) this.options.emit('run.progress', { ...ref, run: toRunInfo(row) });
        return;
      }
      case 'document':
        this.options.emit('run.document', { ...ref, documentId: event.documentId, relativePath: event.relativePath, status: event.status, evidenceCount: event.evidenceCount, error: event.error });
        return;
      case 'finished':
        run.finished = true;
        this.options.emit('run.finished', { ...ref, status: event.status, error: event.error });
        return;
    }
  }
}
