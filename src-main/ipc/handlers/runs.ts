import { DealDataError } from '../../deal-data/errors';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';
import { llmSettingsCall } from './settings';

type RunChannels = 'runs.list' | 'runs.progress' | 'runs.start' | 'runs.cancel' | 'runs.resume';

export function runHandlers({ data, commands, runs, emit, llmSettings }: HandlerDeps): Handlers<RunChannels> {
  return {
    'runs.list': ({ dealId }) => ({ runs: data.runs(dealId) }),
    'runs.progress': (input) => {
      const progress = data.runProgress(input);
      return { ...progress, live: progress.run ? runs.isLive(progress.run.id) : false };
    },
    'runs.start': async ({ dealId }) => {
      const root = commands.dataRoomOf(dealId);
      // Undefined while the extractor is off: the worker then never creates a provider.
      const started = await runs.start(dealId, root, llmSettingsCall(() => llmSettings.runOptions()));
      emit('deals.changed', { dealId });
      return started;
    },
    'runs.cancel': ({ runId }) => {
      data.run(runId);
      return { cancelled: runs.cancel(runId) };
    },
    'runs.resume': async ({ runId }) => {
      const run = data.run(runId);
      // A cancelled run stopped at a document boundary, like an interrupted one: its ledger says what is left.
      if (run.status !== 'interrupted' && run.status !== 'cancelled') {
        throw new DealDataError('conflict', `Run ${run.runNumber} is ${run.status}; only an interrupted or cancelled run can be resumed.`);
      }
      const resumed = await runs.resume(run.dealId, runId, llmSettingsCall(() => llmSettings.resumeOptionsForRun(runId)));
      emit('deals.changed', { dealId: run.dealId });
      return resumed;
    },
  };
}
