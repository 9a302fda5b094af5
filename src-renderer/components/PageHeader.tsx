import type { ReactNode } from 'react';
import type { Scope } from '../../src-shared/contract';
import { formatDateTime, runPercent } from '../lib/format';
import { useUi } from '../state/ui';
import { StatusPill } from './Badges';
import { Icon } from './Icons';
import { RunPicker } from './RunPicker';

export function PageHeader({ title, eyebrow, dealId, scope, actions }: { title: ReactNode; eyebrow?: ReactNode; dealId?: number; scope?: Scope | null; actions?: ReactNode }) {
  return (
    <header className="page-head">
      <div className="page-head-row">
        <div>
          {eyebrow && <div className="eyebrow">{eyebrow}</div>}
          <h1>{title}</h1>
        </div>
        <div className="page-actions">
          {actions}
          {dealId !== undefined && <RunPicker dealId={dealId} />}
        </div>
      </div>
      {scope && <ScopeBanner scope={scope} />}
    </header>
  );
}

/** Says which run the page shows when it is not simply the latest completed one, and what is running. */
export function ScopeBanner({ scope }: { scope: Scope }) {
  const goTo = useUi((s) => s.goTo);
  const setRun = useUi((s) => s.setRun);
  const { run, activeRun } = scope;
  const notes: ReactNode[] = [];
  if (scope.mode === 'explicit' && run) {
    notes.push(
      <div key="explicit" className="banner info">
        <Icon name="runs" />
        <span>
          Showing <strong>run {run.runNumber}</strong> ({run.status}, {formatDateTime(run.finishedAt ?? run.startedAt)}), chosen explicitly.
          {scope.latestCompletedRunNumber !== null && scope.latestCompletedRunNumber !== run.runNumber && ` The latest completed run is ${scope.latestCompletedRunNumber}.`}
        </span>
        <button className="btn btn-link" onClick={() => setRun(undefined)}>
          Show latest completed
        </button>
      </div>,
    );
  }
  if (scope.mode === 'latest_unfinished' && run) {
    notes.push(
      <div key="unfinished" className={`banner ${run.status === 'running' ? 'progress' : 'warn'}`}>
        <StatusPill status={run.status} />
        <span>
          No completed run yet — showing results so far from <strong>run {run.runNumber}</strong>
          {run.status === 'running' ? ` (${runPercent(run)}%, ${run.docsDone}/${run.docsTotal} documents).` : '.'}
        </span>
        <button className="btn btn-link" onClick={() => goTo('progress')}>
          View progress
        </button>
      </div>,
    );
  }
  if (activeRun) {
    notes.push(
      <div key="active" className="banner progress" data-testid="active-run-banner">
        <StatusPill status="running" />
        <span>
          Run {activeRun.runNumber} is in progress ({runPercent(activeRun)}%). These pages keep showing run {run?.runNumber} until it completes.
        </span>
        <button className="btn btn-link" onClick={() => goTo('progress')}>
          View progress
        </button>
      </div>,
    );
  }
  return notes.length > 0 ? <div className="banners">{notes}</div> : null;
}
