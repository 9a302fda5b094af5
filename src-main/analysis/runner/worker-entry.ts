// Runs one analysis inside a worker thread, with its own connection: the only writer of that run.
// The main thread stays free to answer the window's queries (DESIGN: "the runner runs off the main thread").
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open';
import { resumeAnalysis, startAnalysis } from './runner';
import type { HostMessage, WorkerMessage, WorkerRequest } from './worker-protocol';

const request = workerData as WorkerRequest;
const port = parentPort!;
const controller = new AbortController();
port.on('message', (message: HostMessage) => {
  if (message.type === 'cancel') controller.abort();
});
const post = (message: WorkerMessage) => port.postMessage(message);

async function run(): Promise<void> {
  const database = openDatabase(request.dbFile, { migrationsDir: request.migrationsDir });
  try {
    const options = { database, signal: controller.signal, onEvent: (event: Extract<WorkerMessage, { type: 'event' }>['event']) => post({ type: 'event', event }) };
    const result =
      request.job.kind === 'start'
        ? await startAnalysis({ ...options, dealId: request.job.dealId, dataRoomPath: request.job.dataRoomPath })
        : await resumeAnalysis({ ...options, runId: request.job.runId });
    post({ type: 'result', result });
  } finally {
    database.close();
  }
}

run().catch((error: unknown) => {
  const e = error as Error & { code?: string };
  post({ type: 'error', error: { name: e.name, message: e.message, ...(typeof e.code === 'string' ? { code: e.code } : {}) } });
});
