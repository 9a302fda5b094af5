import { DOMAIN_LABELS, type Domain, type RunStatus, type Severity } from '../../src-shared/domain';

export const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' };

export const FINDING_TYPE_LABELS: Record<string, string> = {
  risk: 'Risk',
  work_item: 'Work item',
  recommendation: 'Recommendation',
  strategic_consideration: 'Strategic consideration',
};

export const GAP_KIND_LABELS: Record<string, string> = {
  missing: 'Missing',
  sparse: 'Sparse',
  stale: 'Stale',
  contradictory: 'Contradictory',
  provided_by_parent: 'Provided by parent',
};

export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export const PHASE_LABELS: Record<string, string> = {
  starting: 'Starting',
  ingest: 'Reading the data room',
  documents: 'Analysing documents',
  gaps: 'Checking for gaps',
  findings: 'Deriving findings',
  done: 'Done',
};

export const DEAL_TYPE_LABELS: Record<string, string> = { acquisition: 'Acquisition', carve_out: 'Carve-out', divestiture: 'Divestiture' };

export function domainLabel(domain: string): string {
  return DOMAIN_LABELS[domain as Domain] ?? humanize(domain);
}

export function humanize(text: string): string {
  const t = text.replace(/_/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const numberFormat = new Intl.NumberFormat('en-US');
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatDuration(startIso: string, endIso: string | null, now = Date.now()): string {
  const ms = (endIso ? Date.parse(endIso) : now) - Date.parse(startIso);
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export { runPercent } from '../../src-shared/contract/progress';
