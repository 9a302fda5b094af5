import { useQuery } from '../api/use-query';
import { formatDateTime, RUN_STATUS_LABELS } from '../lib/format';
import { useUi } from '../state/ui';

/** Which run the pages show: "latest completed" (the default) or one the user picks. */
export function RunPicker({ dealId }: { dealId: number }) {
  const runNumber = useUi((s) => (s.route.page === 'deals' ? undefined : s.route.runNumber));
  const setRun = useUi((s) => s.setRun);
  const runs = useQuery('runs.list', { dealId }, { dealId, refreshOn: ['run.started', 'run.finished', 'deals.changed'] });
  const list = runs.data?.runs ?? [];
  const latest = list.find((r) => r.status === 'completed');
  return (
    <label className="run-picker">
      <span>Run</span>
      <select aria-label="Run shown" value={runNumber ?? ''} onChange={(e) => setRun(e.target.value ? Number(e.target.value) : undefined)}>
        <option value="">{latest ? `Latest completed (run ${latest.runNumber})` : 'Latest run'}</option>
        {list.map((r) => (
          <option key={r.id} value={r.runNumber}>
            {`Run ${r.runNumber} · ${RUN_STATUS_LABELS[r.status].toLowerCase()} · ${formatDateTime(r.finishedAt ?? r.startedAt)}`}
          </option>
        ))}
      </select>
    </label>
  );
}
