import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunEventListener } from './events';
import type { RunResult } from './runner';
import type { HostMessage, WorkerMessage, WorkerRequest } from './worker-protocol';

export interface WorkerRun {
  result: Promise<RunResult>;
  cancel(): void;
}

/** An error raised inside the worker, carried across with its name (RunConflictError, DatabaseError…). */
export class WorkerRunError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = errorName;
  }
}

/**
 * The worker script: the compiled `worker-entry.js` beside this bundle in a build, or the
 * TypeScript source (loaded through tsx) in development and tests.
 */
export function workerScript(): { source: string; eval: boolean } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const compiled = path.join(here, 'worker-entry.js');
  if (existsSync(compiled)) return { source: compiled, eval: false };
  // Loader flags are not inherited by workers, so register tsx inside the worker before importing.
  const entry = pathToFileURL(path.join(here, 'worker-entry.ts')).href;
  return { source: `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, eval: true };
}

/** Runs an analysis in a worker thread and relays its events; the caller's thread only reads. */
export function runInWorker(request: WorkerRequest, onEvent?: RunEventListener, script = workerScript()): WorkerRun {
  const worker = new Worker(script.source, { workerData: request, eval: script.eval });
  const result = new Promise<RunResult>((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'event') onEvent?.(message.event);
      else if (message.type === 'result') {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(new WorkerRunError(message.error.name, message.error.message, message.error.code));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`The analysis worker stopped unexpectedly (exit code ${code}).`));
    });
  });
  return {
    result,
    cancel: () => worker.postMessage({ type: 'cancel' } satisfies HostMessage),
  };
}
