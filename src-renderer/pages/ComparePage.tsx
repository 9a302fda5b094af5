import { useEffect, useState } from 'react';
import type { RunInfo } from '../../src-shared/contract';
import { useQuery } from '../api/use-query';
import { PageHeader } from '../components/PageHeader';
import { EmptyState, ErrorBox, SkeletonRows } from '../components/States';
import { FactDetail } from '../details/FactDetail';
import { FindingDetail } from '../details/FindingDetail';
import { formatDateTime, RUN_STATUS_LABELS } from '../lib/format';
import { useUi } from '../state/ui';
import { CompareSummary, DocumentSection, FactSection, FindingSection, GapSection } from './compare/CompareSections';

/** Previous completed vs latest completed: what a reviewer wants after re-running a changed room. */
export function defaultPair(runs: RunInfo[]): [number, number] | null {
  const completed = runs.filter((r) => r.status === 'completed').sort((a, b) => b.runNumber - a.runNumber);
  if (completed.length >= 2) return [completed[1]!.runNumber, completed[0]!.runNumber];
  const all = [...runs].sort((a, b) => b.runNumber - a.runNumber);
  return all.length >= 2 ? [all[1]!.runNumber, all[0]!.runNumber] : null;
}

function RunSelect({ label, runs, value, onChange }: { label: string; runs: RunInfo[]; value: number; onChange: (n: number) => void }) {
  return (
    <label className="select">
      <span>{label}</span>
      <select aria-label={`${label} run`} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {runs.map((r) => (
          <option key={r.id} value={r.runNumber}>
            {`Run ${r.runNumber} · ${RUN_STATUS_LABELS[r.status].toLowerCase()} · ${formatDateTime(r.finishedAt ?? r.startedAt)}`}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ComparePage({ dealId }: { dealId: number }) {
  const deal = useQuery('deals.get', { dealId }, { dealId });
  const runs = useQuery('runs.list', { dealId }, { dealId, refreshOn: ['run.finished', 'deals.changed'] });
  const selection = useUi((s) => s.selection);
  const select = useUi((s) => s.select);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const list = runs.data?.runs ?? [];
  useEffect(() => {
    if (pair === null && runs.data) setPair(defaultPair(runs.data.runs));
  }, [pair, runs.data]);
  const [runA, runB] = pair ?? [0, 0];
  const ready = pair !== null && runA !== runB;
  const diff = useQuery('runs.compare', ready ? { dealId, runA, runB, limit: 200 } : null, { dealId });
  const d = diff.data;
  return (
    <div className="page page-split">
      <div className="page-main">
        <PageHeader
          eyebrow={deal.data?.deal.name}
          title="Compare runs"
          actions={
            pair && (
              <div className="compare-pickers">
                <RunSelect label="Before" runs={list} value={runA} onChange={(n) => setPair([n, runB])} />
                <RunSelect label="After" runs={list} value={runB} onChange={(n) => setPair([runA, n])} />
              </div>
            )
          }
        />
        {runs.error && <ErrorBox error={runs.error} onRetry={runs.refetch} />}
        {runs.data && pair === null && (
          <EmptyState icon="compare" title="Nothing to compare yet">
            A comparison needs two runs of this deal. Run the analysis again after the data room changes (for example when the target answers your requests).
          </EmptyState>
        )}
        {pair && runA === runB && <EmptyState icon="compare" title="Pick two different runs" />}
        {diff.error && <ErrorBox error={diff.error} onRetry={diff.refetch} />}
        {ready && !d && !diff.error && <SkeletonRows rows={6} />}
        {d && (
          <div className="compare" data-testid="comparison">
            <CompareSummary diff={d} />
            <DocumentSection diff={d} />
            <FindingSection diff={d} onOpen={(id) => select({ kind: 'finding', id })} />
            <GapSection diff={d} />
            <FactSection diff={d} onOpen={(id) => select({ kind: 'fact', id })} />
          </div>
        )}
      </div>
      {selection?.kind === 'finding' && <FindingDetail dealId={dealId} findingId={selection.id} onClose={() => select(null)} />}
      {selection?.kind === 'fact' && <FactDetail dealId={dealId} factId={selection.id} onClose={() => select(null)} />}
    </div>
  );
}
