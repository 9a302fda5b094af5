import { useEffect, useState, type FormEvent } from 'react';
import type { ReviewState } from '../../src-shared/contract';
import { SEVERITIES, type Severity } from '../../src-shared/domain';
import { ApiError, invoke } from '../api/client';
import { REVIEW_LABELS } from '../components/Badges';
import { SEVERITY_LABELS } from '../lib/format';

type FactStatus = 'confirmed' | 'incorrect' | 'needs_info';
type FindingStatus = 'accepted' | 'dismissed';

function StatusButtons<T extends string>({ label, options, value, onChange }: { label: string; options: T[]; value: T | null; onChange: (value: T | null) => void }) {
  return (
    <div className="review-status" role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <button key={o} type="button" role="radio" aria-checked={value === o} className={`review-choice review-${o}${value === o ? ' on' : ''}`} onClick={() => onChange(o)}>
          {REVIEW_LABELS[o] ?? o}
        </button>
      ))}
      <button type="button" role="radio" aria-checked={value === null} className={`review-choice${value === null ? ' on' : ''}`} onClick={() => onChange(null)}>
        No decision
      </button>
    </div>
  );
}

function useSaving(onSaved: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      onSaved();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function Saved({ review }: { review: ReviewState }) {
  if (!review.updatedAt) return <span className="muted small">Not reviewed yet</span>;
  return <span className="muted small">Last changed by {review.updatedBy}</span>;
}

/** Confirm, mark incorrect or ask for more on a fact; the decision holds in every run. */
/** The end of both review forms: the note, an error from the last save, who changed it last, and Save. */
function NoteAndSave(props: { note: string; onNote: (note: string) => void; placeholder: string; error: string | null; review: ReviewState; canSave: boolean }) {
  return (
    <>
      <label className="field">
        <span>Note</span>
        <textarea rows={2} maxLength={2000} value={props.note} onChange={(e) => props.onNote(e.target.value)} placeholder={props.placeholder} />
      </label>
      {props.error && (
        <div className="form-error" role="alert">
          {props.error}
        </div>
      )}
      <div className="review-actions">
        <Saved review={props.review} />
        <button type="submit" className="btn btn-primary btn-small" disabled={!props.canSave}>
          Save review
        </button>
      </div>
    </>
  );
}

export function FactReviewPanel({ dealId, factId, review, onSaved }: { dealId: number; factId: number; review: ReviewState; onSaved: () => void }) {
  const [status, setStatus] = useState<FactStatus | null>(review.status as FactStatus | null);
  const [note, setNote] = useState(review.note ?? '');
  useEffect(() => {
    setStatus(review.status as FactStatus | null);
    setNote(review.note ?? '');
  }, [review.status, review.note]);
  const saving = useSaving(onSaved);
  const dirty = status !== review.status || note.trim() !== (review.note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saving.run(() => invoke('reviews.fact.set', { dealId, factId, status: status ?? 'none', note: note.trim() }));
  };
  return (
    <form className="review-panel form" aria-label="Review" onSubmit={submit}>
      <h3 className="section-title">Review</h3>
      <StatusButtons label="Fact review status" options={['confirmed', 'incorrect', 'needs_info'] as FactStatus[]} value={status} onChange={setStatus} />
      <NoteAndSave note={note} onNote={setNote} placeholder="What you checked, or what to ask the target" error={saving.error} review={review} canSave={dirty && !saving.busy} />
    </form>
  );
}

/** Accept or dismiss a finding (a dismissal needs a reason), override its severity, add a note. */
export function FindingReviewPanel({ dealId, findingId, ruleSeverity, review, onSaved }: { dealId: number; findingId: number; ruleSeverity: Severity; review: ReviewState; onSaved: () => void }) {
  const [status, setStatus] = useState<FindingStatus | null>(review.status as FindingStatus | null);
  const [reason, setReason] = useState(review.reason ?? '');
  const [override, setOverride] = useState<Severity | ''>(review.severityOverride ?? '');
  const [note, setNote] = useState(review.note ?? '');
  useEffect(() => {
    setStatus(review.status as FindingStatus | null);
    setReason(review.reason ?? '');
    setOverride(review.severityOverride ?? '');
    setNote(review.note ?? '');
  }, [review.status, review.reason, review.severityOverride, review.note]);
  const saving = useSaving(onSaved);
  const needsReason = status === 'dismissed' && reason.trim() === '';
  const dirty =
    status !== review.status ||
    (status === 'dismissed' && reason.trim() !== (review.reason ?? '')) ||
    (override || null) !== review.severityOverride ||
    note.trim() !== (review.note ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (needsReason) return;
    void saving.run(() =>
      invoke('reviews.finding.set', {
        dealId,
        findingId,
        status: status ?? 'none',
        ...(status === 'dismissed' ? { reason: reason.trim() } : {}),
        severityOverride: override || 'none',
        note: note.trim(),
      }),
    );
  };
  return (
    <form className="review-panel form" aria-label="Review" onSubmit={submit}>
      <h3 className="section-title">Review</h3>
      <StatusButtons label="Finding review status" options={['accepted', 'dismissed'] as FindingStatus[]} value={status} onChange={setStatus} />
      {status === 'dismissed' && (
        <label className="field">
          <span>Reason for dismissing (required)</span>
          <textarea rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} required aria-invalid={needsReason} placeholder="Why this finding does not apply" />
          {needsReason && <small>A dismissal needs a reason: it is kept in the history and shown with the finding.</small>}
        </label>
      )}
      <label className="field">
        <span>Severity</span>
        <select value={override} onChange={(e) => setOverride(e.target.value as Severity | '')} aria-label="Severity override">
          <option value="">As the rules rated it ({SEVERITY_LABELS[ruleSeverity]})</option>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              Override: {SEVERITY_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <NoteAndSave note={note} onNote={setNote} placeholder="Context for the deal team" error={saving.error} review={review} canSave={dirty && !needsReason && !saving.busy} />
    </form>
  );
}
