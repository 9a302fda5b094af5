import { useMemo, useState } from 'react';
import type { InventoryRow } from '../../src-shared/contract';
import type { Domain } from '../../src-shared/domain';
import { usePagedRows } from '../api/use-paged';
import { Tag } from '../components/Badges';
import { SearchBox } from '../components/Filters';
import { Icon } from '../components/Icons';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { SubjectDetail } from '../details/SubjectDetail';
import { humanize } from '../lib/format';

const MAX_COLUMNS = 7;

/** An inventory (applications, servers, devices…): one row per subject, its attributes as columns. */
export function InventoryTable({ dealId, runNumber, domain, kind }: { dealId: number; runNumber?: number; domain: Domain; kind: string }) {
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<{ by: string; dir: 'asc' | 'desc' }>({ by: 'name', dir: 'asc' });
  const [selected, setSelected] = useState<InventoryRow | null>(null);
  const rows = usePagedRows('inventory.list', { dealId, runNumber, domain, kind, search: search || undefined, sort }, { dealId });
  const head = rows.head;
  const hasBuyer = (head?.rows ?? []).some((r) => r.entity === 'buyer');
  const columns = useMemo<Column<InventoryRow>[]>(() => {
    const attributeColumns = (head?.columns ?? []).slice(0, MAX_COLUMNS).map<Column<InventoryRow>>((c) => ({
      key: c.attribute,
      label: c.label,
      width: c.numeric ? 'minmax(118px, 0.8fr)' : 'minmax(120px, 1fr)',
      align: c.numeric ? 'right' : undefined,
      sort: c.attribute,
      render: (row) => {
        const cell = row.cells[c.attribute];
        if (!cell) return <span className="muted">—</span>;
        return (
          <span className={cell.conflict ? 'conflict' : undefined} title={cell.conflict ? 'Documents disagree on this value' : cell.text}>
            {cell.conflict && <Icon name="alert" size={14} />}
            {cell.text}
          </span>
        );
      },
    }));
    return [
      {
        key: 'name',
        label: head?.label.replace(/s$/, '') ?? 'Name',
        width: 'minmax(180px, 1.6fr)',
        sort: 'name',
        render: (row) => (
          <span className="cell-stack">
            <span className="cell-title">{row.name}</span>
            {row.aliases.length > 0 && <span className="cell-sub">aka {row.aliases.join(', ')}</span>}
          </span>
        ),
      },
      ...(hasBuyer ? [{ key: 'entity', label: 'Entity', width: '84px', render: (row: InventoryRow) => <Tag tone="muted">{humanize(row.entity)}</Tag> }] : []),
      ...attributeColumns,
    ];
  }, [head, hasBuyer]);

  return (
    <div className="page-split inner">
      <div className="table-panel">
        <div className="toolbar">
          <SearchBox value={search} onChange={setSearch} placeholder={`Search ${head?.label.toLowerCase() ?? 'inventory'}`} />
          {head && head.columns.length > MAX_COLUMNS && <span className="muted small">{head.columns.length - MAX_COLUMNS} more attributes in each row’s details</span>}
        </div>
        <VirtualTable
          label={head?.label ?? 'Inventory'}
          columns={columns}
          source={rows}
          rowKey={(r) => r.subjectKey}
          rowHeight={48}
          selectedKey={selected?.subjectKey ?? null}
          onOpen={setSelected}
          sort={sort}
          onSort={(by) => setSort((s) => ({ by, dir: s.by === by && s.dir === 'asc' ? 'desc' : 'asc' }))}
          emptyTitle={search ? 'Nothing matches this search' : 'This inventory is empty'}
        />
      </div>
      {selected && head && <SubjectDetail dealId={dealId} row={selected} columns={head.columns} onClose={() => setSelected(null)} />}
    </div>
  );
}
