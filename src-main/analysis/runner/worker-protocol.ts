import type { RunEvent } from './events';
import type { RunResult } from './runner';

/** What the host asks a runner worker to do. The worker opens its own database connection. */
export interface WorkerRequest {
  dbFile: string;
  migrationsDir?: string;
  job: { kind: 'start'; dealId: number; dataRoomPath: string } | { kind: 'resume'; runId: number };
}

export type WorkerMessage =
  | { type: 'event'; event: RunEvent }
  | { type: 'result'; result: RunResult }
  | { type: 'error'; error: { name: string; message: string; code?: string } };

export type HostMessage = { type: 'cancel' };
