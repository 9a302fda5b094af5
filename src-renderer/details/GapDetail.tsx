import { useQuery } from '../api/use-query';
import { SeverityPill, Tag } from '../components/Badges';
import { Drawer } from '../components/Overlay';
import { ErrorBox, SkeletonRows } from '../components/States';
import { domainLabel, GAP_KIND_LABELS } from '../lib/format';
import { FactChips } from './FactChips';

export function GapDetail({ dealId, gapId, onClose }: { dealId: number; gapId: number; onClose: () => void }) {
  const detail = useQuery('gaps.get', { dealId, gapId }, { dealId });
  const d = detail.data;
  return (
    <Drawer title={d?.gap.title ?? 'Gap'} subtitle={d ? `${domainLabel(d.gap.domain)} · gap ${d.gap.checklistItem} · run ${d.runNumber}` : 'Gap'} onClose={onClose}>
      {detail.error && <ErrorBox error={detail.error} />}
      {!d && !detail.error && <SkeletonRows rows={4} />}
      {d && (
        <>
          <div className="detail-tags">
            <SeverityPill severity={d.gap.importance} />
            <Tag tone="muted">{GAP_KIND_LABELS[d.gap.kind] ?? d.gap.kind}</Tag>
          </div>
          <h3 className="section-title">Request to the target</h3>
          <p className="request">{d.gap.request}</p>
          <h3 className="section-title">Why this was raised</h3>
          <p>{d.reasoning}</p>
          {d.relatedFacts.length > 0 && (
            <>
              <h3 className="section-title">
                Related facts <span className="count">{d.relatedFacts.length}</span>
              </h3>
              <FactChips dealId={dealId} facts={d.relatedFacts} />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
