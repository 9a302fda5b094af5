import { useState } from 'react';
import type { RunDocument, RunInfo } from '../../src-shared/contract';
import { ApiError, invoke } from '../api/client';
import { useQuery } from '../api/use-query';
import { StatusPill, Tag } from '../components/Badges';
import { Icon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { ProgressBar } from '../components/ProgressBar';
import { EmptyState, ErrorBox, SkeletonRows } from '../components/States';
import { formatCount, formatDateTime, formatDuration, PHASE_LABELS, runPercent } from '../lib/format';
import { useUi } from '../state/ui';
import { NoRunYet } from './NoRunYet';

const STEPS = ['ingest', 'documents', 'gaps', 'findings', 'done'] as const;

export function RunProgressPage({ dealId, runNumber }: { dealId: number; runNumber?: number }) {
  const progress = useQuery('runs.progress', { dealId, runNumber }, { dealId, refreshOn: ['run.started', 'run.progress', 'run.document', 'run.finished'], throttleMs: 300 });
  const deal = useQuery('deals.get', { dealId }, { dealId });
  const data = progress.data;
  return (
    <div className="page">
      <PageHeader eyebrow={deal.data?.deal.name} title="Run progress" />
      {progress.error && <ErrorBox error={progress.error} onRetry={progress.refetch} />}
      {!data && !progress.error && <SkeletonRows rows={5} />}
      {data && !data.run && <NoRunYet dealId={dealId} />}
      {data?.run && <RunCard run={data.run} live={data.live} dealId={dealId} />}
      {data?.run && <DocumentLedger documents={data.documents} total={data.documentsTotal} />}
    </div>
  );
}

function RunCard({ run, live, dealId }: { run: RunInfo; live: boolean; dealId: number }) {
  const navigate = useUi((s) => s.navigate);
  const [error, setError] = useState<ApiError | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const percent = runPercent(run);
  const stepIndex = STEPS.indexOf(run.phase as (typeof STEPS)[number]);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError('internal', String(err)));
    }
  };
  const tone = run.status === 'failed' ? 'bad' : run.status === 'completed' ? 'ok' : run.status === 'running' ? 'accent' : 'warn';
  return (
    <section className="card run-card" aria-label={`Run ${run.runNumber}`}>
      {error && <ErrorBox error={error} />}
      <div className="run-card-head">
        <div>
          <h2>
            Run {run.runNumber} <StatusPill status={run.status} />
          </h2>
          <div className="muted">
            Started {formatDateTime(run.startedAt)} · {run.status === 'running' ? `running for ${formatDuration(run.startedAt, null)}` : `took ${formatDuration(run.startedAt, run.finishedAt)}`}
          </div>
          {run.languageModel && (
            <div className={`llm-destination ${run.languageModel.leavesMachine ? 'leaves' : 'local'} run-llm`}>
              <Icon name={run.languageModel.leavesMachine ? 'alert' : 'sparkle'} size={14} />
              <span>
                Language model {run.languageModel.model} on {run.languageModel.host}
                {run.languageModel.leavesMachine ? ': document text was sent off this machine.' : ' (this computer).'}
              </span>
            </div>
          )}
        </div>
        <div className="page-actions">
          {run.status === 'running' && live && (
            <button
              className="btn btn-danger"
              disabled={cancelling}
              onClick={() =>
                act(async () => {
                  setCancelling(true);
                  await invoke('runs.cancel', { runId: run.id });
                })
              }
            >
              <Icon name="stop" size={15} /> {cancelling ? 'Cancelling…' : 'Cancel run'}
            </button>
          )}
          {(run.status === 'interrupted' || run.status === 'cancelled') && (
            <button className="btn btn-primary" onClick={() => act(() => invoke('runs.resume', { runId: run.id }))}>
              <Icon name="play" size={15} /> Resume
            </button>
          )}
          {run.status !== 'running' && (
            <button className="btn btn-secondary" onClick={() => act(() => invoke('runs.start', { dealId }))}>
              <Icon name="runs" size={15} /> Run again
            </button>
          )}
          {run.status === 'completed' && (
            <button className="btn btn-primary" onClick={() => navigate({ page: 'dashboard', dealId })}>
              Open dashboard <Icon name="chevron" size={15} />
            </button>
          )}
        </div>
      </div>
      <div className="run-percent">
        <span className="run-percent-value" data-testid="run-percent">
          {percent}%
        </span>
        <span className="run-phase">
          {run.status === 'running'
            ? (PHASE_LABELS[run.phase] ?? run.phase)
            : run.status === 'completed'
              ? 'Analysis complete'
              : `Stopped while ${(PHASE_LABELS[run.phase] ?? run.phase).toLowerCase()}${run.status === 'interrupted' || run.status === 'cancelled' ? ' — resume to finish it' : ''}`}
        </span>
      </div>
      <ProgressBar percent={percent} label={`Run ${run.runNumber} progress`} tone={tone} />
      <ol className="steps" aria-label="Phases">
        {STEPS.map((step, i) => (
          <li key={step} className={run.status === 'completed' || i < stepIndex ? 'done' : i === stepIndex ? 'current' : ''}>
            <span className="step-dot">{run.status === 'completed' || i < stepIndex ? <Icon name="check" size={12} /> : i + 1}</span>
            {PHASE_LABELS[step]}
          </li>
        ))}
      </ol>
      <dl className="run-stats">
        <div>
          <dt>Documents</dt>
          <dd>
            {run.docsDone}/{run.docsTotal}
          </dd>
        </div>
        <div>
          <dt>Failed</dt>
          <dd className={run.docsFailed ? 'bad-text' : undefined}>{run.docsFailed}</dd>
        </div>
        <div>
          <dt>Facts</dt>
          <dd>{formatCount(run.factCount)}</dd>
        </div>
        <div>
          <dt>Gaps</dt>
          <dd>{formatCount(run.gapCount)}</dd>
        </div>
        <div>
          <dt>Findings</dt>
          <dd>{formatCount(run.findingCount)}</dd>
        </div>
      </dl>
      {run.status !== 'running' && run.status !== 'completed' && run.error && <p className="run-error">{run.error}</p>}
    </section>
  );
}

function DocumentLedger({ documents, total }: { documents: RunDocument[]; total: number }) {
  if (total === 0) return <EmptyState icon="documents" title="Reading the data room…">Documents appear here as they are found.</EmptyState>;
  return (
    <section className="card" aria-labelledby="ledger">
      <h2 id="ledger">
        Documents <span className="count">{total}</span>
      </h2>
      <ul className="ledger">
        {documents.map((d) => (
          <li key={d.documentId} className={`ledger-row ${d.runStatus}`}>
            <span className="ledger-icon" aria-label={d.runStatus}>
              {d.runStatus === 'done' ? <Icon name="check" size={15} /> : d.runStatus === 'failed' ? <Icon name="alert" size={15} /> : <span className="dot-pending" />}
            </span>
            <span className="ledger-path mono">{d.path}</span>
            <Tag tone="muted">{d.kind.toUpperCase()}</Tag>
            <span className="ledger-count muted small">{d.runStatus === 'done' ? `${d.evidenceCount} quotes` : d.runStatus === 'pending' ? 'waiting' : ''}</span>
            {d.error && <span className="ledger-error">{d.error}</span>}
          </li>
        ))}
      </ul>
      {total > documents.length && <p className="muted small">Showing the first {documents.length} of {total} documents; see Documents for all.</p>}
    </section>
  );
}
