import { useState, type ReactNode } from 'react';
import type { FactRow, FieldChange, FindingRow, GapRow, RunComparison } from '../../../src-shared/contract';
import { EffectiveSeverity, ReviewBadge, SeverityPill, TypeTag } from '../../components/Badges';
import { domainLabel, formatCount } from '../../lib/format';

type Change = 'new' | 'resolved' | 'changed' | 'removed';
const CHANGE_LABELS: Record<Change, string> = { new: 'New', resolved: 'Resolved', changed: 'Changed', removed: 'Removed' };

export function ChangeBadge({ change }: { change: Change }) {
  return <span className={`tag change-badge change-${change}`}>{CHANGE_LABELS[change]}</span>;
}

function Fields({ fields }: { fields: FieldChange[] }) {
  return (
    <dl className="field-changes">
      {fields.map((f) => (
        <div key={f.field} className="field-change" data-field={f.field}>
          <dt>{f.label}</dt>
          <dd>
            <span className="old">{show(f.before)}</span>
            <span className="arrow" aria-label="changed to">
              →
            </span>
            <span className="new">{show(f.after)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function show(value: string | number | null): string {
  if (value === null || value === '') return '—';
  return String(value).replace(/\n/g, ', ');
}

/** Items shown before "Show all": a long section (a first run's facts) stays one click away. */
const PREVIEW = 8;

function Section({ id, title, counts, items }: { id: string; title: string; counts: Array<[Change, number]>; items: ReactNode[] }) {
  const [all, setAll] = useState(false);
  const total = counts.reduce((n, [, c]) => n + c, 0);
  const shown = all ? items : items.slice(0, PREVIEW);
  return (
    <section className="card compare-section" aria-labelledby={`cmp-${id}`} data-testid={`compare-${id}`}>
      <div className="card-head">
        <h2 id={`cmp-${id}`}>{title}</h2>
        <div className="compare-counts">
          {counts.map(([change, n]) => (
            <span key={change} className={`compare-count change-${change}`}>
              {formatCount(n)} {CHANGE_LABELS[change].toLowerCase()}
            </span>
          ))}
        </div>
      </div>
      {total === 0 ? <p className="muted">No differences.</p> : <ul className="compare-list">{shown}</ul>}
      {items.length > shown.length && (
        <button type="button" className="btn btn-link compare-all" onClick={() => setAll(true)}>
          Show all {formatCount(items.length)}
        </button>
      )}
    </section>
  );
}

/** A note that the server sent only the first rows of a list (as an item, or nothing). */
function more(key: string, shown: number, total: number): ReactNode[] {
  return total > shown
    ? [
        <li key={key} className="muted small compare-more">
          …and {formatCount(total - shown)} more not shown.
        </li>,
      ]
    : [];
}

function Item({ change, title, meta, fields, onOpen }: { change: Change; title: ReactNode; meta?: ReactNode; fields?: FieldChange[]; onOpen?: () => void }) {
  const head = (
    <>
      <ChangeBadge change={change} />
      <span className="compare-title">{title}</span>
      {meta && <span className="compare-meta">{meta}</span>}
    </>
  );
  return (
    <li className={`compare-item change-${change}`}>
      {onOpen ? (
        <button type="button" className="compare-head" onClick={onOpen}>
          {head}
        </button>
      ) : (
        <div className="compare-head">{head}</div>
      )}
      {fields && fields.length > 0 && <Fields fields={fields} />}
    </li>
  );
}

export function CompareSummary({ diff }: { diff: RunComparison }) {
  const n = (s: { total: number }) => s.total;
  return (
    <p className="compare-summary">
      Run <strong>{diff.runA.runNumber}</strong> → run <strong>{diff.runB.runNumber}</strong>: {formatCount(n(diff.documents))} documents differ · facts {formatCount(n(diff.facts.new))} new, {formatCount(n(diff.facts.resolved))} resolved, {formatCount(n(diff.facts.changed))} changed ·
      gaps {formatCount(n(diff.gaps.new))} new, {formatCount(n(diff.gaps.resolved))} resolved · findings {formatCount(n(diff.findings.new))} new, {formatCount(n(diff.findings.resolved))} resolved, {formatCount(n(diff.findings.changed))} changed
    </p>
  );
}

export function DocumentSection({ diff }: { diff: RunComparison }) {
  const rows = diff.documents.rows;
  const count = (c: Change) => rows.filter((r) => r.change === c).length;
  return (
    <Section
      id="documents"
      title="Documents"
      counts={[['new', count('new')], ['changed', count('changed')], ['removed', count('removed')]]}
      items={[
        ...rows.map((d) => (
          <Item key={`${d.path}:${d.change}`} change={d.change} title={<span className="mono">{d.path}</span>} meta={d.version !== null && d.change === 'changed' ? `version ${d.version}` : undefined} />
        )),
        ...more('more', rows.length, diff.documents.total),
      ]}
    />
  );
}

function factTitle(f: FactRow): string {
  return `${f.subjectName ?? 'Company'} — ${f.attributeLabel}: ${f.value}`;
}

export function FactSection({ diff, onOpen }: { diff: RunComparison; onOpen: (id: number) => void }) {
  const { facts } = diff;
  return (
    <Section
      id="facts"
      title="Facts"
      counts={[['new', facts.new.total], ['resolved', facts.resolved.total], ['changed', facts.changed.total]]}
      items={[
        // Changed first: a restated or corrected fact is what a reviewer re-reads.
        ...facts.changed.rows.map((c) => (
          <Item key={`c${c.after.id}`} change="changed" title={`${c.after.subjectName ?? 'Company'} — ${c.after.attributeLabel}`} meta={<ReviewBadge status={c.after.reviewStatus} />} fields={c.fields} onOpen={() => onOpen(c.after.id)} />
        )),
        ...more('mc', facts.changed.rows.length, facts.changed.total),
        ...facts.new.rows.map(({ fact, otherValues }) => (
          <Item key={`n${fact.id}`} change="new" title={factTitle(fact)} meta={otherValues.length > 0 ? `was ${otherValues.join(' / ')}` : domainLabel(fact.domain)} onOpen={() => onOpen(fact.id)} />
        )),
        ...more('mn', facts.new.rows.length, facts.new.total),
        ...facts.resolved.rows.map(({ fact, otherValues }) => (
          <Item key={`r${fact.id}`} change="resolved" title={factTitle(fact)} meta={otherValues.length > 0 ? `now ${otherValues.join(' / ')}` : domainLabel(fact.domain)} />
        )),
        ...more('mr', facts.resolved.rows.length, facts.resolved.total),
      ]}
    />
  );
}

function gapMeta(g: GapRow) {
  return (
    <>
      <SeverityPill severity={g.importance} /> {domainLabel(g.domain)}
    </>
  );
}

export function GapSection({ diff }: { diff: RunComparison }) {
  const { gaps } = diff;
  return (
    <Section
      id="gaps"
      title="Gaps"
      counts={[['new', gaps.new.total], ['resolved', gaps.resolved.total], ['changed', gaps.changed.total]]}
      items={[
        ...gaps.new.rows.map((g) => <Item key={`n${g.id}`} change="new" title={g.title} meta={gapMeta(g)} />),
        ...gaps.resolved.rows.map((g) => <Item key={`r${g.id}`} change="resolved" title={g.title} meta={gapMeta(g)} />),
        ...gaps.changed.rows.map((c) => <Item key={`c${c.after.id}`} change="changed" title={c.after.title} meta={gapMeta(c.after)} fields={c.fields} />),
        ...more('more', gaps.new.rows.length + gaps.resolved.rows.length + gaps.changed.rows.length, gaps.new.total + gaps.resolved.total + gaps.changed.total),
      ]}
    />
  );
}

function findingMeta(f: FindingRow) {
  return (
    <>
      <EffectiveSeverity severity={f.severity} effective={f.effectiveSeverity} /> <TypeTag type={f.type} /> <ReviewBadge status={f.reviewStatus} />
    </>
  );
}

export function FindingSection({ diff, onOpen }: { diff: RunComparison; onOpen: (id: number) => void }) {
  const { findings } = diff;
  return (
    <Section
      id="findings"
      title="Findings"
      counts={[['new', findings.new.total], ['resolved', findings.resolved.total], ['changed', findings.changed.total]]}
      items={[
        ...findings.changed.rows.map((c) => <Item key={`c${c.after.id}`} change="changed" title={c.after.title} meta={findingMeta(c.after)} fields={c.fields} onOpen={() => onOpen(c.after.id)} />),
        ...findings.new.rows.map((f) => <Item key={`n${f.id}`} change="new" title={f.title} meta={findingMeta(f)} onOpen={() => onOpen(f.id)} />),
        ...findings.resolved.rows.map((f) => <Item key={`r${f.id}`} change="resolved" title={f.title} meta={findingMeta(f)} onOpen={() => onOpen(f.id)} />),
        ...more('more', findings.new.rows.length + findings.resolved.rows.length + findings.changed.rows.length, findings.new.total + findings.resolved.total + findings.changed.total),
      ]}
    />
  );
}
