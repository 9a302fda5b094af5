import { useEffect } from 'react';
import { DOMAINS, FINDING_TYPES, SEVERITIES } from '../../src-shared/domain';
import type { Scope, FindingRow } from '../../src-shared/contract';
import { usePagedRows } from '../api/use-paged';
import { EffectiveSeverity, ReviewBadge, TypeTag } from '../components/Badges';
import { SearchBox, SelectFilter } from '../components/Filters';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { domainLabel, FINDING_TYPE_LABELS, humanize, SEVERITY_LABELS } from '../lib/format';
import type { FindingFilters } from '../state/ui';

const COLUMNS: Column<FindingRow>[] = [
  {
    key: 'severity',
    label: 'Severity',
    width: '112px',
    sort: 'severity',
    render: (f) => (
      <span className="cell-stack review-cell">
        <EffectiveSeverity severity={f.severity} effective={f.effectiveSeverity} />
        <ReviewBadge status={f.reviewStatus} />
      </span>
    ),
  },
  {
    key: 'title',
    label: 'Finding',
    width: 'minmax(260px, 3fr)',
    sort: 'title',
    render: (f) => (
      <span className="cell-stack">
        <span className="cell-title">{f.title}</span>
        <span className="cell-sub">{f.description}</span>
      </span>
    ),
  },
  { key: 'type', label: 'Type', width: '150px', sort: 'type', render: (f) => <TypeTag type={f.type} /> },
  { key: 'domain', label: 'Domain', width: '140px', sort: 'domain', render: (f) => domainLabel(f.domain) },
  { key: 'lens', label: 'M&A lens', width: '170px', render: (f) => <span className="muted">{humanize(f.lens)}</span> },
];

export function FindingsTable({
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
  filters: FindingFilters;
  onFilters: (patch: Partial<FindingFilters>) => void;
  fixedDomain?: boolean;
  selectedId: number | null;
  onScope?: (scope: Scope | null) => void;
  onOpen: (row: FindingRow) => void;
}) {
  const rows = usePagedRows(
    'findings.list',
    {
      dealId,
      runNumber,
      filter: { domain: filters.domain, type: filters.type, severity: filters.severity, search: filters.search || undefined, ...(filters.showDismissed ? { includeDismissed: true } : {}) },
      sort: filters.sort,
    },
    { dealId },
  );
  useEffect(() => onScope?.(rows.scope), [rows.scope, onScope]);
  const filtered = Boolean(filters.type || filters.severity || filters.search || (!fixedDomain && filters.domain));
  return (
    <div className="table-panel">
      <div className="toolbar">
        <SearchBox value={filters.search} onChange={(search) => onFilters({ search })} placeholder="Search findings" />
        <SelectFilter label="Severity" value={filters.severity} options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))} onChange={(severity) => onFilters({ severity })} />
        <SelectFilter label="Type" value={filters.type} options={FINDING_TYPES.map((t) => ({ value: t, label: FINDING_TYPE_LABELS[t] ?? t }))} onChange={(type) => onFilters({ type })} />
        {!fixedDomain && <SelectFilter label="Domain" value={filters.domain} options={DOMAINS.map((d) => ({ value: d, label: domainLabel(d) }))} onChange={(domain) => onFilters({ domain })} />}
        <label className="check toggle">
          <input type="checkbox" checked={filters.showDismissed} onChange={(e) => onFilters({ showDismissed: e.target.checked })} />
          <span>Show dismissed</span>
        </label>
      </div>
      <VirtualTable
        label="Findings"
        columns={COLUMNS}
        source={rows}
        rowKey={(f) => f.id}
        rowHeight={56}
        selectedKey={selectedId}
        onOpen={onOpen}
        sort={filters.sort}
        onSort={(by) => onFilters({ sort: { by: by as FindingFilters['sort']['by'], dir: filters.sort.by === by && filters.sort.dir === 'asc' ? 'desc' : 'asc' } })}
        emptyTitle={filtered ? 'No findings match these filters' : 'No findings in this run'}
        emptyText={filtered ? 'Clear a filter or change the search.' : 'The rules raised nothing here. Check the gaps: missing information often hides risks.'}
      />
    </div>
  );
}
