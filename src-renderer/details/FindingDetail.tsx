import { useQuery } from '../api/use-query';
import { EffectiveSeverity, ReviewBadge, SeverityPill, Tag, TypeTag } from '../components/Badges';
import { Drawer } from '../components/Overlay';
import { ErrorBox, SkeletonRows } from '../components/States';
import { domainLabel, GAP_KIND_LABELS, humanize } from '../lib/format';
import { AuditHistory } from './AuditHistory';
import { FactChips } from './FactChips';
import { FindingReviewPanel } from './ReviewPanel';

export function FindingDetail({ dealId, findingId, onClose }: { dealId: number; findingId: number; onClose: () => void }) {
  const detail = useQuery('findings.get', { dealId, findingId }, { dealId });
  const d = detail.data;
  return (
    <Drawer title={d?.finding.title ?? 'Finding'} subtitle={d ? `${domainLabel(d.finding.domain)} · finding · run ${d.runNumber}` : 'Finding'} onClose={onClose}>
      {detail.error && <ErrorBox error={detail.error} />}
      {!d && !detail.error && <SkeletonRows rows={4} />}
      {d && (
        <>
          <div className="detail-tags">
            <EffectiveSeverity severity={d.finding.severity} effective={d.finding.effectiveSeverity} />
            <ReviewBadge status={d.finding.reviewStatus} />
            <TypeTag type={d.finding.type} />
            <Tag tone="muted">{humanize(d.finding.lens)}</Tag>
            {d.finding.phase && <Tag tone="muted">{humanize(d.finding.phase).replace('Day 1', 'Day 1').replace('Post 100', 'Post day 100')}</Tag>}
            {d.finding.costBand && <Tag tone="muted">Cost {d.finding.costBand.replace(/_/g, ' ')}</Tag>}
          </div>
          {d.review.status === 'dismissed' && d.review.reason && (
            <p className="dismissed-reason">
              <strong>Dismissed:</strong> {d.review.reason}
            </p>
          )}
          <p className="lead">{d.finding.description}</p>
          <h3 className="section-title">Reasoning</h3>
          <p>{d.reasoning}</p>
          {d.facts.length > 0 && (
            <>
              <h3 className="section-title">
                Evidence <span className="count">{d.facts.length}</span>
              </h3>
              <FactChips dealId={dealId} facts={d.facts.map((f) => f.fact)} evidence={new Map(d.facts.map((f) => [f.fact.id, f.evidence]))} />
            </>
          )}
          {d.gaps.length > 0 && (
            <>
              <h3 className="section-title">
                Gaps it rests on <span className="count">{d.gaps.length}</span>
              </h3>
              <ul className="plain-list">
                {d.gaps.map((g) => (
                  <li key={g.id}>
                    <SeverityPill severity={g.importance} /> <strong>{g.title}</strong> <Tag tone="muted">{GAP_KIND_LABELS[g.kind] ?? g.kind}</Tag>
                    <p className="muted small">{g.request}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
          <FindingReviewPanel dealId={dealId} findingId={d.finding.id} ruleSeverity={d.finding.severity} review={d.review} onSaved={detail.refetch} />
          <AuditHistory dealId={dealId} kind="finding" id={d.finding.id} />
        </>
      )}
    </Drawer>
  );
}
