import type { RunEvent } from '../../analysis/runner/events';
import type { LlmRunOptions } from '../../analysis/llm/config';
import type { RunResult } from '../../analysis/runner/runner';

/** What the parent gives a run worker (structured-cloned as workerData). */
export type RunWorkerData = {
  dbFile: string;
  migrationsDir?: string;
  /** Test hook: while the first Int32 is 1 the worker holds after each progress record. */
  pauseGate?: SharedArrayBuffer;
  /** The language-model extractor's options (its key in memory only); absent while it is off. */
  llm?: LlmRunOptions;
} & ({ op: 'start'; dealId: number; dataRoomPath: string } | { op: 'resume'; runId: number });

export type ParentMessage = { type: 'cancel' };

export type WorkerErrorCode = 'conflict' | 'invalid_data_room' | 'database' | 'internal';

export type WorkerMessage =
  | { type: 'event'; event: RunEvent }
  | { type: 'error'; code: WorkerErrorCode; message: string }
  | { type: 'done'; result: RunResult };
