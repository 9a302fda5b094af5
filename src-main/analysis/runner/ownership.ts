import os from 'node:os';
import type { RunOwner, RunRow } from '../../repositories/runs';
import type { Repositories } from '../../repositories';

/** A run whose heartbeat is older than this has lost its owner, whatever its pid says. */
export const HEARTBEAT_STALE_MS = 30_000;
export const HEARTBEAT_INTERVAL_MS = 2_000;

export function currentOwner(): RunOwner {
  return { pid: process.pid, host: os.hostname() };
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a running run's owner is gone: on this machine, its process has exited; anywhere, its
 * heartbeat has gone stale (so a lock can never be held forever by a dead or recycled pid).
 */
export function ownerIsGone(run: RunRow, now = Date.now(), host = os.hostname()): boolean {
  const heartbeatAge = now - Date.parse(run.heartbeatAt);
  if (heartbeatAge > HEARTBEAT_STALE_MS) return true;
  if (run.ownerHost === host && run.ownerPid !== null) return !isProcessAlive(run.ownerPid);
  return false;
}

/**
 * Marks every running run whose owner is gone as interrupted (DESIGN invariant 2). Called at
 * startup of the app and the CLI, and before a new run takes a deal's lock.
 */
export function recoverOrphanedRuns(repos: Repositories, dealId?: number): RunRow[] {
  const orphans = repos.runs.activeRuns(dealId).filter((run) => ownerIsGone(run));
  for (const run of orphans) {
    const reason =
      Date.now() - Date.parse(run.heartbeatAt) > HEARTBEAT_STALE_MS
        ? `Interrupted: no heartbeat since ${run.heartbeatAt}.`
        : `Interrupted: the process that ran it (pid ${run.ownerPid} on ${run.ownerHost}) ended before it finished.`;
    repos.runs.markInterrupted([run.id], reason);
  }
  return orphans;
}
