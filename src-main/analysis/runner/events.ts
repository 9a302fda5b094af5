import type { RunPhase, RunStatus } from '../../../src-shared/domain';
import type { RunProgress } from '../../repositories/runs';

export type RunEvent =
  | { type: 'started'; runId: number; runNumber: number; dealId: number; resumed: boolean }
  | { type: 'progress'; runId: number; progress: RunProgress }
  | { type: 'document'; runId: number; documentId: number; relativePath: string; status: 'done' | 'failed'; evidenceCount: number; error: string | null }
  | { type: 'phase'; runId: number; phase: RunPhase }
  | { type: 'finished'; runId: number; status: Exclude<RunStatus, 'running'>; error: string | null };

export type RunEventListener = (event: RunEvent) => void;

/** Calls `write` at most once per interval (plus whenever forced), so progress costs little I/O. */
export class Throttle {
  private last = 0;
  constructor(private readonly intervalMs: number) {}

  due(force = false): boolean {
    const now = Date.now();
    if (!force && now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}
