import { useState } from 'react';
import type { DealListItem } from '../../src-shared/contract';
import { ApiError, invoke } from '../api/client';
import { useQuery } from '../api/use-query';
import { StatusPill } from '../components/Badges';
import { ImportDealButton } from '../components/ExportActions';
import { Icon } from '../components/Icons';
import { EmptyState, ErrorBox, SkeletonRows } from '../components/States';
import { DEAL_TYPE_LABELS, formatCount, formatDate, formatDateTime, runPercent } from '../lib/format';
import { useUi } from '../state/ui';

export function DealsPage() {
  const deals = useQuery('deals.list', {}, { refreshOn: ['deals.changed', 'run.started', 'run.finished', 'run.progress'], throttleMs: 1000 });
  const info = useQuery('app.info', {});
  const openNewDeal = useUi((s) => s.openNewDeal);
  const navigate = useUi((s) => s.navigate);
  const [demoError, setDemoError] = useState<ApiError | null>(null);
  const [startingDemo, setStartingDemo] = useState(false);

  const startDemo = async () => {
    setStartingDemo(true);
    setDemoError(null);
    try {
      const result = await invoke('deals.createDemo', {});
      navigate({ page: 'progress', dealId: result.deal.id });
    } catch (error) {
      setDemoError(error instanceof ApiError ? error : new ApiError('internal', String(error)));
    } finally {
      setStartingDemo(false);
    }
  };

  const list = deals.data?.deals ?? [];
  return (
    <div className="page">
      <header className="page-head">
        <div className="page-head-row">
          <div>
            <div className="eyebrow">Diligence Desk</div>
            <h1>Deals</h1>
          </div>
          <div className="page-actions">
            {info.data?.demoAvailable && list.length > 0 && (
              <button className="btn btn-secondary" onClick={startDemo} disabled={startingDemo}>
                <Icon name="sparkle" size={16} /> Demo deal
              </button>
            )}
            <ImportDealButton onImported={(id) => navigate({ page: 'dashboard', dealId: id })} />
            <button className="btn btn-primary" onClick={() => openNewDeal()}>
              <Icon name="plus" size={16} /> New deal
            </button>
          </div>
        </div>
      </header>
      {demoError && <ErrorBox error={demoError} />}
      {deals.error && <ErrorBox error={deals.error} onRetry={deals.refetch} />}
      {!deals.data && !deals.error && <SkeletonRows rows={4} />}
      {deals.data && list.length === 0 && (
        <EmptyState
          icon="deals"
          title="No deals yet"
          actions={
            <>
              <button className="btn btn-primary" onClick={() => openNewDeal()}>
                <Icon name="plus" size={16} /> Create a deal
              </button>
              {info.data?.demoAvailable && (
                <button className="btn btn-secondary" onClick={startDemo} disabled={startingDemo}>
                  <Icon name="sparkle" size={16} /> {startingDemo ? 'Starting…' : 'Try the demo deal'}
                </button>
              )}
            </>
          }
        >
          Point Diligence Desk at a data room folder — or drop one on this window — and it extracts facts, gaps and findings across six IT domains, each traced to a
          quote. The demo deal analyses a small fictional data room in a few seconds.
        </EmptyState>
      )}
      {list.length > 0 && (
        <div className="deal-grid">
          {list.map((item) => (
            <DealCard key={item.deal.id} item={item} />
          ))}
        </div>
      )}
    </div>
  );
}

function DealCard({ item }: { item: DealListItem }) {
  const navigate = useUi((s) => s.navigate);
  const { deal, lastRun, latestCompleted } = item;
  const shown = latestCompleted ?? lastRun;
  const archive = async () => {
    if (!window.confirm(`Archive the deal "${deal.name}"? It disappears from this list; its data stays in the database.`)) return;
    try {
      await invoke('deals.archive', { dealId: deal.id });
    } catch (error) {
      window.alert((error as Error).message);
    }
  };
  return (
    <article className="deal-tile" aria-label={deal.name}>
      <button className="deal-open" onClick={() => navigate({ page: lastRun?.status === 'running' && !latestCompleted ? 'progress' : 'dashboard', dealId: deal.id })}>
        <div className="deal-tile-head">
          <h2>{deal.name}</h2>
          <StatusPill status={lastRun?.status ?? 'never'} />
        </div>
        <div className="deal-tile-meta">
          <span>{DEAL_TYPE_LABELS[deal.dealType]}</span>
          {deal.targetName && <span>Target: {deal.targetName}</span>}
          {deal.buyerName && <span>Buyer: {deal.buyerName}</span>}
          <span>As of {formatDate(deal.asOfDate)}</span>
        </div>
        {lastRun?.status === 'running' && (
          <div className="deal-tile-progress">
            Run {lastRun.runNumber}: {runPercent(lastRun)}% · {lastRun.docsDone}/{lastRun.docsTotal} documents
          </div>
        )}
        <dl className="deal-stats">
          <div>
            <dt>Facts</dt>
            <dd>{shown ? formatCount(shown.factCount) : '—'}</dd>
          </div>
          <div>
            <dt>Gaps</dt>
            <dd>{shown ? formatCount(shown.gapCount) : '—'}</dd>
          </div>
          <div>
            <dt>Findings</dt>
            <dd>{shown ? formatCount(shown.findingCount) : '—'}</dd>
          </div>
        </dl>
        <div className="deal-tile-foot">{lastRun ? `Last run ${lastRun.runNumber} · ${formatDateTime(lastRun.finishedAt ?? lastRun.startedAt)}` : 'Not analysed yet'}</div>
      </button>
      <button className="icon-btn deal-archive" onClick={archive} aria-label={`Archive ${deal.name}`} title="Archive">
        <Icon name="archive" size={16} />
      </button>
    </article>
  );
}
