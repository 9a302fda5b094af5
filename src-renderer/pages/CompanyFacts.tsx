import type { FactRow } from '../../src-shared/contract';
import { Tag } from '../components/Badges';
import { EmptyState } from '../components/States';
import { humanize } from '../lib/format';

/** Facts about the company as a whole (headcount, platforms, coverage figures), as a definition grid. */
export function CompanyFacts({ facts, total, onOpen }: { facts: FactRow[]; total: number; onOpen: (factId: number) => void }) {
  if (facts.length === 0) {
    return (
      <EmptyState icon="facts" title="No company-level facts">
        Nothing in the data room states this domain’s key figures yet. See the gaps for what to request.
      </EmptyState>
    );
  }
  return (
    <div className="company-facts">
      <ul className="fact-grid">
        {facts.map((f) => (
          <li key={f.id}>
            <button className="fact-card" onClick={() => onOpen(f.id)}>
              <span className="fact-card-label">{f.attributeLabel}</span>
              <span className="fact-card-value">
                {f.value}
                {f.unit && <span className="muted"> {f.unit.replace(/_/g, ' ')}</span>}
              </span>
              <span className="fact-card-meta">
                {f.entity === 'buyer' && <Tag tone="warn">Buyer</Tag>}
                {f.derivation === 'computed' && <Tag tone="muted">Computed</Tag>}
                <span className="muted small">
                  {f.evidenceCount} quote{f.evidenceCount === 1 ? '' : 's'} · {humanize(f.category)}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {total > facts.length && <p className="muted small">Showing {facts.length} of {total}; see All facts for the rest.</p>}
    </div>
  );
}
