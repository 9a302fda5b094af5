import { useEffect, useState } from 'react';
import { DOMAIN_LABELS, type Domain } from '../../src-shared/domain';
import { useQuery } from '../api/use-query';
import { PageHeader } from '../components/PageHeader';
import { ErrorBox, SkeletonRows } from '../components/States';
import { FactDetail } from '../details/FactDetail';
import { FindingDetail } from '../details/FindingDetail';
import { GapDetail } from '../details/GapDetail';
import { formatCount, SEVERITY_LABELS } from '../lib/format';
import { DEFAULT_FILTERS, type FactFilters, type FindingFilters, type GapFilters, type Selection } from '../state/ui';
import { CompanyFacts } from './CompanyFacts';
import { FactsTable } from './FactsTable';
import { FindingsTable } from './FindingsTable';
import { GapsTable } from './GapsTable';
import { InventoryTable } from './InventoryTable';
import { NoRunYet } from './NoRunYet';

type Tab = { id: string; label: string; count?: number };

export function DomainPage({ dealId, domain, runNumber }: { dealId: number; domain: Domain; runNumber?: number }) {
  const overview = useQuery('domain.get', { dealId, domain, runNumber }, { dealId });
  const deal = useQuery('deals.get', { dealId }, { dealId });
  const data = overview.data;
  const [tab, setTab] = useState<string | null>(null);
  const [selection, setSelection] = useState<Selection>(null);
  const [findingFilters, setFindingFilters] = useState<FindingFilters>({ ...DEFAULT_FILTERS.findings, domain });
  const [gapFilters, setGapFilters] = useState<GapFilters>({ ...DEFAULT_FILTERS.gaps, domain });
  const [factFilters, setFactFilters] = useState<FactFilters>({ ...DEFAULT_FILTERS.facts, domain });
  useEffect(() => {
    setTab(null);
    setSelection(null);
    setFindingFilters({ ...DEFAULT_FILTERS.findings, domain });
    setGapFilters({ ...DEFAULT_FILTERS.gaps, domain });
    setFactFilters({ ...DEFAULT_FILTERS.facts, domain });
  }, [domain]);

  const tabs: Tab[] = [
    ...(data?.inventories ?? []).map((inv) => ({ id: `inv:${inv.kind}`, label: inv.label, count: inv.count })),
    { id: 'company', label: 'Key facts', count: data?.companyFactsTotal },
    { id: 'findings', label: 'Findings', count: data?.counts.findings },
    { id: 'gaps', label: 'Gaps', count: data?.counts.gaps },
    { id: 'facts', label: 'All facts', count: data?.counts.facts },
  ];
  const current = tab ?? tabs[0]!.id;
  const severityLine = data?.findingsBySeverity.filter((s) => s.count > 0).map((s) => `${s.count} ${SEVERITY_LABELS[s.severity].toLowerCase()}`);

  return (
    <div className="page page-split">
      <div className="page-main">
        <PageHeader eyebrow={deal.data?.deal.name} title={DOMAIN_LABELS[domain]} dealId={dealId} scope={data?.scope} />
        {overview.error && <ErrorBox error={overview.error} onRetry={overview.refetch} />}
        {!data && !overview.error && <SkeletonRows rows={5} />}
        {data?.scope.mode === 'none' && <NoRunYet dealId={dealId} />}
        {data?.scope.run && (
          <>
            <div className="domain-summary">
              <span>
                <strong>{formatCount(data.counts.facts)}</strong> facts
              </span>
              <span>
                <strong>{formatCount(data.counts.findings)}</strong> findings{severityLine && severityLine.length > 0 ? ` (${severityLine.join(', ')})` : ''}
              </span>
              <span>
                <strong>{formatCount(data.counts.gaps)}</strong> gaps
              </span>
            </div>
            <div className="tabs" role="tablist" aria-label={`${DOMAIN_LABELS[domain]} views`}>
              {tabs.map((t) => (
                <button key={t.id} role="tab" aria-selected={t.id === current} className={t.id === current ? 'on' : ''} onClick={() => setTab(t.id)}>
                  {t.label}
                  {t.count !== undefined && <span className="count">{formatCount(t.count)}</span>}
                </button>
              ))}
            </div>
            <div className="tab-panel" role="tabpanel">
              {current.startsWith('inv:') && <InventoryTable key={current} dealId={dealId} runNumber={runNumber} domain={domain} kind={current.slice(4)} />}
              {current === 'company' && <CompanyFacts facts={data.companyFacts} total={data.companyFactsTotal} onOpen={(id) => setSelection({ kind: 'fact', id })} />}
              {current === 'findings' && (
                <FindingsTable dealId={dealId} runNumber={runNumber} fixedDomain filters={findingFilters} onFilters={(p) => setFindingFilters((f) => ({ ...f, ...p }))} selectedId={selection?.kind === 'finding' ? selection.id : null} onOpen={(f) => setSelection({ kind: 'finding', id: f.id })} />
              )}
              {current === 'gaps' && (
                <GapsTable dealId={dealId} runNumber={runNumber} fixedDomain filters={gapFilters} onFilters={(p) => setGapFilters((f) => ({ ...f, ...p }))} selectedId={selection?.kind === 'gap' ? selection.id : null} onOpen={(g) => setSelection({ kind: 'gap', id: g.id })} />
              )}
              {current === 'facts' && (
                <FactsTable dealId={dealId} runNumber={runNumber} fixedDomain filters={factFilters} onFilters={(p) => setFactFilters((f) => ({ ...f, ...p }))} selectedId={selection?.kind === 'fact' ? selection.id : null} onOpen={(f) => setSelection({ kind: 'fact', id: f.id })} />
              )}
            </div>
          </>
        )}
      </div>
      {selection?.kind === 'fact' && <FactDetail dealId={dealId} factId={selection.id} onClose={() => setSelection(null)} />}
      {selection?.kind === 'finding' && <FindingDetail dealId={dealId} findingId={selection.id} onClose={() => setSelection(null)} />}
      {selection?.kind === 'gap' && <GapDetail dealId={dealId} gapId={selection.id} onClose={() => setSelection(null)} />}
    </div>
  );
}
