// A run worker thread: opens its own connection and executes one analysis run, posting the
// runner's events to the parent. The window's main thread never parses a document.
import { parentPort, workerData } from 'node:worker_threads';
import { DataRoomError } from '../../analysis/ingest/walk';
import type { RunEvent } from '../../analysis/runner/events';
import { resumeAnalysis, RunConflictError, startAnalysis } from '../../analysis/runner/runner';
import { DatabaseError } from '../../db/errors';
import { openDatabase } from '../../db/open';
import type { ParentMessage, RunWorkerData, WorkerErrorCode, WorkerMessage } from './protocol';

const data = workerData as RunWorkerData;
const port = parentPort!;
const controller = new AbortController();
const post = (message: WorkerMessage) => port.postMessage(message);

port.on('message', (message: ParentMessage) => {
  if (message.type === 'cancel') controller.abort();
});

function holdWhilePaused(event: RunEvent): void {
  if (!data.pauseGate || event.type !== 'progress' || event.progress.docsDone === 0) return;
  const gate = new Int32Array(data.pauseGate);
  while (Atomics.load(gate, 0) === 1) Atomics.wait(gate, 0, 1, 200);
}

function errorCode(error: unknown): WorkerErrorCode {
  if (error instanceof RunConflictError) return 'conflict';
  if (error instanceof DataRoomError) return 'invalid_data_room';
  if (error instanceof DatabaseError) return 'database';
  return 'internal';
}

async function main(): Promise<void> {
  const database = openDatabase(data.dbFile, { mode: 'write', migrationsDir: data.migrationsDir });
  try {
    const options = {
      database,
      signal: controller.signal,
      llm: data.llm,
      onEvent: (event: RunEvent) => {
        post({ type: 'event', event });
        holdWhilePaused(event);
      },
    };
    const result =
      data.op === 'start'
        ? await startAnalysis({ ...options, dealId: data.dealId, dataRoomPath: data.dataRoomPath })
        : await resumeAnalysis({ ...options, runId: data.runId });
    post({ type: 'done', result });
  } finally {
    database.close();
  }
}

main().catch((error: unknown) => {
  post({ type: 'error', code: errorCode(error), message: error instanceof Error ? error.message : String(error) });
});
