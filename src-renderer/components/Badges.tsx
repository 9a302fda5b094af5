import type { RunStatus, Severity } from '../../src-shared/domain';
import { FINDING_TYPE_LABELS, RUN_STATUS_LABELS, SEVERITY_LABELS } from '../lib/format';

export function SeverityPill({ severity }: { severity: Severity }) {
  return <span className={`pill sev-${severity}`}>{SEVERITY_LABELS[severity]}</span>;
}

export function StatusPill({ status }: { status: RunStatus | 'never' }) {
  if (status === 'never') return <span className="pill status-never">Not run</span>;
  return (
    <span className={`pill status-${status}`}>
      {status === 'running' && <span className="pulse" aria-hidden="true" />}
      {RUN_STATUS_LABELS[status]}
    </span>
  );
}

export function TypeTag({ type }: { type: string }) {
  return <span className={`tag type-${type}`}>{FINDING_TYPE_LABELS[type] ?? type}</span>;
}

export function Tag({ children, tone }: { children: React.ReactNode; tone?: 'muted' | 'warn' | 'ok' | 'bad' }) {
  return <span className={`tag${tone ? ` tone-${tone}` : ''}`}>{children}</span>;
}
