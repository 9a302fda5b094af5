import { DealDataError } from '../../deal-data/errors';
import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

type DealChannels = 'deals.list' | 'deals.get' | 'deals.create' | 'deals.archive' | 'deals.createDemo';

export function dealHandlers({ data, commands, runs, emit, app }: HandlerDeps): Handlers<DealChannels> {
  return {
    'deals.list': () => ({ deals: data.deals() }),
    'deals.get': ({ dealId }) => data.deal(dealId),
    'deals.create': async ({ startRun, ...input }) => {
      const deal = await commands.create(input);
      emit('deals.changed', { dealId: deal.id });
      const run = startRun ? await runs.start(deal.id, commands.dataRoomOf(deal.id)) : null;
      return { deal, run };
    },
    'deals.archive': ({ dealId }) => {
      const archived = commands.archive(dealId);
      emit('deals.changed', { dealId });
      return { archived };
    },
    'deals.createDemo': async () => {
      if (!app.demoDir) throw new DealDataError('unavailable', 'The demo data room is not included in this build.');
      const deal = await commands.ensureDemo(app.demoDir);
      emit('deals.changed', { dealId: deal.id });
      const active = data.runs(deal.id).find((r) => r.status === 'running');
      if (active) return { deal, run: { runId: active.id, runNumber: active.runNumber } };
      return { deal, run: await runs.start(deal.id, commands.dataRoomOf(deal.id)) };
    },
  };
}
