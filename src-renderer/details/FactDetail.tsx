import { useQuery } from '../api/use-query';
import { ReviewBadge, Tag } from '../components/Badges';
import { Drawer } from '../components/Overlay';
import { ErrorBox, SkeletonRows } from '../components/States';
import { domainLabel, humanize } from '../lib/format';
import { AuditHistory } from './AuditHistory';
import { EvidenceList } from './Evidence';
import { FactReviewPanel } from './ReviewPanel';

export function FactDetail({ dealId, factId, onClose }: { dealId: number; factId: number; onClose: () => void }) {
  const detail = useQuery('facts.get', { dealId, factId }, { dealId });
  const d = detail.data;
  return (
    <Drawer title={d ? `${d.fact.subjectName ? `${d.fact.subjectName} — ` : ''}${d.fact.attributeLabel}` : 'Fact'} subtitle={d ? `${domainLabel(d.fact.domain)} · fact · run ${d.runNumber}` : 'Fact'} onClose={onClose}>
      {detail.error && <ErrorBox error={detail.error} />}
      {!d && !detail.error && <SkeletonRows rows={4} />}
      {d && (
        <>
          <div className="fact-value">
            <span className="fact-value-text">{d.fact.value}</span>
            {d.fact.unit && <span className="fact-unit">{d.fact.unit.replace(/_/g, ' ')}</span>}
            <ReviewBadge status={d.fact.reviewStatus} />
          </div>
          <dl className="props">
            <dt>Entity</dt>
            <dd>{humanize(d.fact.entity)}</dd>
            <dt>Category</dt>
            <dd>{humanize(d.fact.category)}</dd>
            {d.subject && (
              <>
                <dt>Subject</dt>
                <dd>
                  {d.subject.name} <Tag tone="muted">{humanize(d.subject.kind)}</Tag>
                  {d.subject.aliases.length > 0 && <div className="muted small">Also called: {d.subject.aliases.join(', ')}</div>}
                </dd>
              </>
            )}
            <dt>Confidence</dt>
            <dd>{Math.round(d.fact.confidence * 100)}%</dd>
            <dt>Derivation</dt>
            <dd>{d.fact.derivation === 'computed' ? 'Computed from the documents (for example a column total)' : 'Stated in the documents'}</dd>
          </dl>
          <h3 className="section-title">
            Evidence <span className="count">{d.evidence.length}</span>
          </h3>
          <EvidenceList evidence={d.evidence} />
          <FactReviewPanel dealId={dealId} factId={d.fact.id} review={d.review} onSaved={detail.refetch} />
          <AuditHistory dealId={dealId} kind="fact" id={d.fact.id} />
        </>
      )}
    </Drawer>
  );
}
