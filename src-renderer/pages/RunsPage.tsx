import { useState } from 'react';
import type { RunInfo } from '../../src-shared/contract';
import { ApiError, invoke } from '../api/client';
import { useQuery } from '../api/use-query';
import { StatusPill } from '../components/Badges';
import { Icon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorBox, SkeletonRows } from '../components/States';
import { formatCount, formatDateTime, formatDuration } from '../lib/format';
import { useUi } from '../state/ui';

export function RunsPage({ dealId }: { dealId: number }) {
  const runs = useQuery('runs.list', { dealId }, { dealId, refreshOn: ['run.started', 'run.finished', 'run.progress'], throttleMs: 1000 });
  const deal = useQuery('deals.get', { dealId }, { dealId });
  const navigate = useUi((s) => s.navigate);
  const [error, setError] = useState<ApiError | null>(null);
  const list = runs.data?.runs ?? [];
  const latestCompleted = list.find((r) => r.status === 'completed')?.runNumber;
  const running = list.some((r) => r.status === 'running');

  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('internal', String(err)));
    }
  };
  const start = () => act(async () => {
    await invoke('runs.start', { dealId });
    navigate({ page: 'progress', dealId });
  });

  return (
    <div className="page">
      <PageHeader
        eyebrow={deal.data?.deal.name}
        title="Runs"
        actions={
          <button className="btn btn-primary" onClick={start} disabled={running}>
            <Icon name="play" size={16} /> New run
          </button>
        }
      />
      {error && <ErrorBox error={error} />}
      {runs.error && <ErrorBox error={runs.error} onRetry={runs.refetch} />}
      {!runs.data && !runs.error && <SkeletonRows rows={4} />}
      {runs.data && list.length === 0 && <EmptyState icon="runs" title="No runs yet">Start a run to analyse this deal’s data room.</EmptyState>}
      {list.length > 0 && (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th>Run</th>
                <th>Status</th>
                <th>Started</th>
                <th>Duration</th>
                <th className="right">Documents</th>
                <th className="right">Facts</th>
                <th className="right">Gaps</th>
                <th className="right">Findings</th>
                <th>Engine</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {list.map((run) => (
                <RunRow key={run.id} run={run} latest={run.runNumber === latestCompleted} dealId={dealId} onResume={() => act(async () => {
                  await invoke('runs.resume', { runId: run.id });
                  navigate({ page: 'progress', dealId, runNumber: run.runNumber });
                })} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function RunRow({ run, latest, dealId, onResume }: { run: RunInfo; latest: boolean; dealId: number; onResume: () => void }) {
  const navigate = useUi((s) => s.navigate);
  return (
    <tr>
      <td>
        <strong>#{run.runNumber}</strong>
        {latest && <span className="tag tone-ok small-tag">latest completed</span>}
      </td>
      <td>
        <StatusPill status={run.status} />
        {run.error && <div className="muted small clamp" title={run.error}>{run.error}</div>}
      </td>
      <td>{formatDateTime(run.startedAt)}</td>
      <td>{run.status === 'running' ? formatDuration(run.startedAt, null) : formatDuration(run.startedAt, run.finishedAt)}</td>
      <td className="right">
        {run.docsDone}/{run.docsTotal}
        {run.docsFailed > 0 && <span className="bad-text"> · {run.docsFailed} failed</span>}
      </td>
      <td className="right">{formatCount(run.factCount)}</td>
      <td className="right">{formatCount(run.gapCount)}</td>
      <td className="right">{formatCount(run.findingCount)}</td>
      <td className="muted small mono">{run.engineVersion}</td>
      <td className="row-actions">
        {run.status === 'interrupted' && (
          <button className="btn btn-secondary btn-small" onClick={onResume}>
            Resume
          </button>
        )}
        <button className="btn btn-secondary btn-small" onClick={() => navigate({ page: 'progress', dealId, runNumber: run.runNumber })}>
          Progress
        </button>
        <button className="btn btn-secondary btn-small" onClick={() => navigate({ page: 'dashboard', dealId, runNumber: run.runNumber })} aria-label={`View run ${run.runNumber}`}>
          View
        </button>
      </td>
    </tr>
  );
}
