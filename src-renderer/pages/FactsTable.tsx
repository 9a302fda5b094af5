import { useEffect } from 'react';
import { DOMAINS, ENTITIES } from '../../src-shared/domain';
import type { Scope, FactRow } from '../../src-shared/contract';
import { usePagedRows } from '../api/use-paged';
import { useQuery } from '../api/use-query';
import { ReviewBadge, Tag } from '../components/Badges';
import { SearchBox, SelectFilter } from '../components/Filters';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { domainLabel, humanize } from '../lib/format';
import type { FactFilters } from '../state/ui';

const COLUMNS: Column<FactRow>[] = [
  { key: 'subject', label: 'Subject', width: 'minmax(160px, 1.4fr)', sort: 'subject', render: (f) => f.subjectName ?? <span className="muted">Company</span> },
  { key: 'attribute', label: 'Attribute', width: 'minmax(160px, 1.4fr)', sort: 'attribute', render: (f) => f.attributeLabel },
  {
    key: 'value',
    label: 'Value',
    width: 'minmax(160px, 2fr)',
    sort: 'value',
    render: (f) => (
      <span className="cell-value">
        {f.value}
        {f.unit && <span className="muted"> {f.unit.replace(/_/g, ' ')}</span>}
      </span>
    ),
  },
  { key: 'domain', label: 'Domain', width: '140px', render: (f) => domainLabel(f.domain) },
  { key: 'entity', label: 'Entity', width: '84px', render: (f) => <Tag tone={f.entity === 'buyer' ? 'warn' : 'muted'}>{humanize(f.entity)}</Tag> },
  { key: 'review', label: 'Review', width: '104px', render: (f) => <ReviewBadge status={f.reviewStatus} /> },
  { key: 'evidence', label: 'Quotes', width: '72px', align: 'right', render: (f) => f.evidenceCount },
  { key: 'confidence', label: 'Conf.', width: '72px', align: 'right', sort: 'confidence', render: (f) => `${Math.round(f.confidence * 100)}%` },
];

export function FactsTable({
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
  filters: FactFilters;
  onFilters: (patch: Partial<FactFilters>) => void;
  fixedDomain?: boolean;
  selectedId: number | null;
  onScope?: (scope: Scope | null) => void;
  onOpen: (row: FactRow) => void;
}) {
  const rows = usePagedRows(
    'facts.list',
    { dealId, runNumber, filter: { domain: filters.domain, attribute: filters.attribute, entity: filters.entity, search: filters.search || undefined }, sort: filters.sort },
    { dealId },
  );
  const attributes = useQuery('facts.attributes', { dealId, runNumber, domain: filters.domain }, { dealId });
  useEffect(() => onScope?.(rows.scope), [rows.scope, onScope]);
  const filtered = Boolean(filters.attribute || filters.entity || filters.search || (!fixedDomain && filters.domain));
  return (
    <div className="table-panel">
      <div className="toolbar">
        <SearchBox value={filters.search} onChange={(search) => onFilters({ search })} placeholder="Search subjects and values" />
        {!fixedDomain && <SelectFilter label="Domain" value={filters.domain} options={DOMAINS.map((d) => ({ value: d, label: domainLabel(d) }))} onChange={(domain) => onFilters({ domain, attribute: undefined })} />}
        <SelectFilter
          label="Attribute"
          value={filters.attribute}
          options={(attributes.data?.attributes ?? []).map((a) => ({ value: a.attribute, label: `${a.label} (${a.count})` }))}
          onChange={(attribute) => onFilters({ attribute })}
        />
        <SelectFilter label="Entity" value={filters.entity} options={ENTITIES.map((e) => ({ value: e, label: humanize(e) }))} onChange={(entity) => onFilters({ entity })} />
      </div>
      <VirtualTable
        label="Facts"
        columns={COLUMNS}
        source={rows}
        rowKey={(f) => f.id}
        selectedKey={selectedId}
        onOpen={onOpen}
        sort={filters.sort}
        onSort={(by) => onFilters({ sort: { by: by as FactFilters['sort']['by'], dir: filters.sort.by === by && filters.sort.dir === 'asc' ? 'desc' : 'asc' } })}
        emptyTitle={filtered ? 'No facts match these filters' : 'No facts in this run yet'}
        emptyText={filtered ? 'Clear a filter or change the search.' : 'Facts appear here as documents are analysed.'}
      />
    </div>
  );
}
