import type { AuditEntry, ReviewItemKind } from '../../src-shared/contract';
import { useQuery } from '../api/use-query';
import { REVIEW_LABELS } from '../components/Badges';
import { ErrorBox } from '../components/States';
import { formatDateTime, SEVERITY_LABELS } from '../lib/format';

const FIELD_LABELS: Record<AuditEntry['field'], string> = { status: 'Status', reason: 'Reason', note: 'Note', severity_override: 'Severity override' };

function valueText(field: AuditEntry['field'], value: string | null): string {
  if (value === null) return field === 'status' ? 'no decision' : field === 'severity_override' ? 'none' : '—';
  if (field === 'status') return REVIEW_LABELS[value] ?? value;
  if (field === 'severity_override') return SEVERITY_LABELS[value as keyof typeof SEVERITY_LABELS] ?? value;
  return `“${value}”`;
}

/** Who changed this item's review, when, and from what to what (newest first; it spans every run). */
export function AuditHistory({ dealId, kind, id }: { dealId: number; kind: ReviewItemKind; id: number }) {
  const log = useQuery('reviews.audit', { dealId, item: { kind, id }, page: { limit: 50, offset: 0 } }, { dealId });
  const rows = log.data?.rows ?? [];
  return (
    <section className="audit" aria-label="Review history">
      <h3 className="section-title">
        History <span className="count">{log.data?.total ?? 0}</span>
      </h3>
      {log.error && <ErrorBox error={log.error} onRetry={log.refetch} />}
      {log.data && rows.length === 0 && <p className="muted small">No review decisions yet.</p>}
      {rows.length > 0 && (
        <ol className="audit-list">
          {rows.map((r) => (
            <li key={r.id} className="audit-entry">
              <div className="audit-what">
                <strong>{FIELD_LABELS[r.field]}</strong> {valueText(r.field, r.before)} → {valueText(r.field, r.after)}
              </div>
              <div className="audit-who muted small">
                {r.actor} · <time dateTime={r.at}>{formatDateTime(r.at)}</time>
              </div>
            </li>
          ))}
        </ol>
      )}
      {log.data && log.data.total > rows.length && <p className="muted small">Showing the latest {rows.length} of {log.data.total} changes.</p>}
    </section>
  );
}
