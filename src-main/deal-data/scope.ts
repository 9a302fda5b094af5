import type { Scope } from '../../src-shared/contract';
import type { Repositories } from '../repositories';
import type { RunRow } from '../repositories/runs';
import { notFound } from './errors';
import { toRunInfo } from './mappers';

export interface ResolvedScope {
  scope: Scope;
  /** The run to read, or null when the deal has no run at all (an empty state). */
  run: RunRow | null;
}

/**
 * The one scoping rule (DESIGN invariant 7), applied to every read: the run the user picked;
 * otherwise the latest completed run; otherwise the deal's newest run (in progress, or unfinished);
 * otherwise nothing. The shown run is never a mix: every query below filters on its id.
 */
export function resolveScope(repos: Repositories, dealId: number, runNumber?: number): ResolvedScope {
  const deal = repos.deals.get(dealId);
  if (!deal) throw notFound(`Deal ${dealId}`);
  const latestCompleted = repos.runs.latestCompleted(dealId) ?? null;
  const run = repos.runs.resolveForReading(dealId, runNumber) ?? null;
  if (runNumber !== undefined && !run) throw notFound(`Run ${runNumber} of deal "${deal.name}"`);
  const active = repos.runs.activeRuns(dealId).sort((a, b) => b.runNumber - a.runNumber)[0] ?? null;
  const mode: Scope['mode'] =
    runNumber !== undefined ? 'explicit' : run === null ? 'none' : run.status === 'completed' ? 'latest_completed' : 'latest_unfinished';
  return {
    run,
    scope: {
      dealId,
      mode,
      run: run ? toRunInfo(run) : null,
      latestCompletedRunNumber: latestCompleted?.runNumber ?? null,
      activeRun: active && active.id !== run?.id ? toRunInfo(active) : null,
    },
  };
}
