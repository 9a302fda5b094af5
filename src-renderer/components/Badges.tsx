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

export const REVIEW_LABELS: Record<string, string> = {
  confirmed: 'Confirmed',
  incorrect: 'Incorrect',
  needs_info: 'Needs info',
  accepted: 'Accepted',
  dismissed: 'Dismissed',
};

const REVIEW_TONES: Record<string, 'muted' | 'warn' | 'ok' | 'bad'> = {
  confirmed: 'ok',
  incorrect: 'bad',
  needs_info: 'warn',
  accepted: 'ok',
  dismissed: 'muted',
};

/** A reviewer's decision on a fact or finding (nothing while unreviewed). */
export function ReviewBadge({ status }: { status: string | null }) {
  if (!status) return null;
  return (
    <span className={`tag review-badge review-${status} tone-${REVIEW_TONES[status] ?? 'muted'}`} data-review={status}>
      {REVIEW_LABELS[status] ?? status}
    </span>
  );
}

/** The severity shown: the reviewer's override when there is one, with the rule's own on hover. */
export function EffectiveSeverity({ severity, effective }: { severity: Severity; effective: Severity }) {
  if (severity === effective) return <SeverityPill severity={severity} />;
  return (
    <span className="sev-override" title={`The rules said ${SEVERITY_LABELS[severity]}; a reviewer set ${SEVERITY_LABELS[effective]}.`}>
      <SeverityPill severity={effective} />
      <span className="sev-was">was {SEVERITY_LABELS[severity]}</span>
    </span>
  );
}
