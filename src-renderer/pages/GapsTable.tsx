import { useEffect } from 'react';
import { DOMAINS, GAP_KINDS, SEVERITIES } from '../../src-shared/domain';
import type { Scope, GapRow } from '../../src-shared/contract';
import { usePagedRows } from '../api/use-paged';
import { SeverityPill, Tag } from '../components/Badges';
import { SearchBox, SelectFilter } from '../components/Filters';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { domainLabel, GAP_KIND_LABELS, SEVERITY_LABELS } from '../lib/format';
import type { GapFilters } from '../state/ui';

const COLUMNS: Column<GapRow>[] = [
  { key: 'importance', label: 'Importance', width: '112px', sort: 'importance', render: (g) => <SeverityPill severity={g.importance} /> },
  {
    key: 'title',
    label: 'Request to the target',
    width: 'minmax(280px, 3fr)',
    sort: 'title',
    render: (g) => (
      <span className="cell-stack">
        <span className="cell-title">{g.title}</span>
        <span className="cell-sub">{g.request}</span>
      </span>
    ),
  },
  { key: 'kind', label: 'Kind', width: '150px', render: (g) => <Tag tone="muted">{GAP_KIND_LABELS[g.kind] ?? g.kind}</Tag> },
  { key: 'domain', label: 'Domain', width: '140px', sort: 'domain', render: (g) => domainLabel(g.domain) },
  { key: 'item', label: 'Checklist', width: '96px', render: (g) => <code>{g.checklistItem}</code> },
];

export function GapsTable({
  dealId,
  runNumber,
  filters,
  onFilters,
  fixedDomain,
  selectedId,
  onOpen,
  onScope,
}: {
  dealId: number;
  runNumber?: number;
  filters: GapFilters;
  onFilters: (patch: Partial<GapFilters>) => void;
  fixedDomain?: boolean;
  selectedId: number | null;
  onScope?: (scope: Scope | null) => void;
  onOpen: (row: GapRow) => void;
}) {
  const rows = usePagedRows(
    'gaps.list',
    { dealId, runNumber, filter: { domain: filters.domain, importance: filters.importance, kind: filters.kind, search: filters.search || undefined }, sort: filters.sort },
    { dealId },
  );
  useEffect(() => onScope?.(rows.scope), [rows.scope, onScope]);
  const filtered = Boolean(filters.importance || filters.kind || filters.search || (!fixedDomain && filters.domain));
  return (
    <div className="table-panel">
      <div className="toolbar">
        <SearchBox value={filters.search} onChange={(search) => onFilters({ search })} placeholder="Search requests" />
        <SelectFilter label="Importance" value={filters.importance} options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} onChange={(importance) => onFilters({ importance })} />
        <SelectFilter label="Kind" value={filters.kind} options={GAP_KINDS.map((k) => ({ value: k, label: GAP_KIND_LABELS[k] ?? k }))} onChange={(kind) => onFilters({ kind })} />
        {!fixedDomain && <SelectFilter label="Domain" value={filters.domain} options={DOMAINS.map((d) => ({ value: d, label: domainLabel(d) }))} onChange={(domain) => onFilters({ domain })} />}
      </div>
      <VirtualTable
        label="Gaps"
        columns={COLUMNS}
        source={rows}
        rowKey={(g) => g.id}
        rowHeight={56}
        selectedKey={selectedId}
        onOpen={onOpen}
        sort={filters.sort}
        onSort={(by) => onFilters({ sort: { by: by as GapFilters['sort']['by'], dir: filters.sort.by === by && filters.sort.dir === 'asc' ? 'desc' : 'asc' } })}
        emptyTitle={filtered ? 'No gaps match these filters' : 'No gaps in this run'}
        emptyText={filtered ? 'Clear a filter or change the search.' : 'Every checklist item is covered by the data room.'}
      />
    </div>
  );
}
