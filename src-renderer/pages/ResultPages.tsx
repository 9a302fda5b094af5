import { useState } from 'react';
import type { Scope } from '../../src-shared/contract';
import { useQuery } from '../api/use-query';
import { PageHeader } from '../components/PageHeader';
import { FactDetail } from '../details/FactDetail';
import { FindingDetail } from '../details/FindingDetail';
import { GapDetail } from '../details/GapDetail';
import { useUi } from '../state/ui';
import { FactsTable } from './FactsTable';
import { FindingsTable } from './FindingsTable';
import { GapsTable } from './GapsTable';

interface PageProps {
  dealId: number;
  runNumber?: number;
}

function useDealName(dealId: number): string | undefined {
  return useQuery('deals.get', { dealId }, { dealId }).data?.deal.name;
}

export function FindingsPage({ dealId, runNumber }: PageProps) {
  const filters = useUi((s) => s.findings);
  const setFilters = useUi((s) => s.setFindings);
  const selection = useUi((s) => s.selection);
  const select = useUi((s) => s.select);
  const [scope, setScope] = useState<Scope | null>(null);
  const selectedId = selection?.kind === 'finding' ? selection.id : null;
  return (
    <div className="page page-split">
      <div className="page-main">
        <PageHeader eyebrow={useDealName(dealId)} title="Findings" dealId={dealId} scope={scope} />
        <FindingsTable dealId={dealId} runNumber={runNumber} filters={filters} onFilters={setFilters} selectedId={selectedId} onOpen={(f) => select({ kind: 'finding', id: f.id })} onScope={setScope} />
      </div>
      {selectedId !== null && <FindingDetail dealId={dealId} findingId={selectedId} onClose={() => select(null)} />}
    </div>
  );
}

export function GapsPage({ dealId, runNumber }: PageProps) {
  const filters = useUi((s) => s.gaps);
  const setFilters = useUi((s) => s.setGaps);
  const selection = useUi((s) => s.selection);
  const select = useUi((s) => s.select);
  const [scope, setScope] = useState<Scope | null>(null);
  const selectedId = selection?.kind === 'gap' ? selection.id : null;
  return (
    <div className="page page-split">
      <div className="page-main">
        <PageHeader eyebrow={useDealName(dealId)} title="Gaps & requests" dealId={dealId} scope={scope} />
        <GapsTable dealId={dealId} runNumber={runNumber} filters={filters} onFilters={setFilters} selectedId={selectedId} onOpen={(g) => select({ kind: 'gap', id: g.id })} onScope={setScope} />
      </div>
      {selectedId !== null && <GapDetail dealId={dealId} gapId={selectedId} onClose={() => select(null)} />}
    </div>
  );
}

export function FactsPage({ dealId, runNumber }: PageProps) {
  const filters = useUi((s) => s.facts);
  const setFilters = useUi((s) => s.setFacts);
  const selection = useUi((s) => s.selection);
  const select = useUi((s) => s.select);
  const [scope, setScope] = useState<Scope | null>(null);
  const selectedId = selection?.kind === 'fact' ? selection.id : null;
  return (
    <div className="page page-split">
      <div className="page-main">
        <PageHeader eyebrow={useDealName(dealId)} title="Facts" dealId={dealId} scope={scope} />
        <FactsTable dealId={dealId} runNumber={runNumber} filters={filters} onFilters={setFilters} selectedId={selectedId} onOpen={(f) => select({ kind: 'fact', id: f.id })} onScope={setScope} />
      </div>
      {selectedId !== null && <FactDetail dealId={dealId} factId={selectedId} onClose={() => select(null)} />}
    </div>
  );
}
