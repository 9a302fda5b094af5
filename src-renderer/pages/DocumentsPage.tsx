import { useEffect, useState } from 'react';
import type { DocumentRow, Scope } from '../../src-shared/contract';
import { usePagedRows } from '../api/use-paged';
import { useQuery } from '../api/use-query';
import { Tag } from '../components/Badges';
import { Segmented } from '../components/Filters';
import { Icon } from '../components/Icons';
import { PageHeader } from '../components/PageHeader';
import { VirtualTable, type Column } from '../components/VirtualTable';
import { formatBytes, humanize } from '../lib/format';
import { SkippedFiles } from './SkippedFiles';

type StatusFilter = 'all' | 'parsed' | 'failed' | 'pending';

const COLUMNS: Column<DocumentRow>[] = [
  {
    key: 'status',
    label: 'Status',
    width: '112px',
    render: (d) =>
      d.runStatus === 'failed' ? (
        <span className="doc-status bad">
          <Icon name="alert" size={15} /> Failed
        </span>
      ) : d.runStatus === 'done' ? (
        <span className="doc-status ok">
          <Icon name="check" size={15} /> Analysed
        </span>
      ) : (
        <span className="doc-status muted">Pending</span>
      ),
  },
  {
    key: 'path',
    label: 'Document',
    width: 'minmax(260px, 3fr)',
    render: (d) => (
      <span className="cell-stack">
        <span className="cell-title mono">{d.path}</span>
        {d.error && <span className="cell-sub bad-text">{d.error}</span>}
      </span>
    ),
  },
  { key: 'kind', label: 'Type', width: '80px', render: (d) => <Tag tone="muted">{d.kind.toUpperCase()}</Tag> },
  { key: 'entity', label: 'Entity', width: '84px', render: (d) => humanize(d.entity) },
  { key: 'pages', label: 'Pages', width: '64px', align: 'right', render: (d) => d.pageCount ?? '—' },
  { key: 'size', label: 'Size', width: '84px', align: 'right', render: (d) => formatBytes(d.sizeBytes) },
  { key: 'evidence', label: 'Quotes', width: '72px', align: 'right', render: (d) => d.evidenceCount },
  { key: 'version', label: 'Ver.', width: '52px', align: 'right', render: (d) => d.version },
];

export function DocumentsPage({ dealId, runNumber }: { dealId: number; runNumber?: number }) {
  const [status, setStatus] = useState<StatusFilter>('all');
  const [scope, setScope] = useState<Scope | null>(null);
  const deal = useQuery('deals.get', { dealId }, { dealId });
  const rows = usePagedRows('documents.list', { dealId, runNumber, status: status === 'all' ? undefined : status }, { dealId, refreshOn: ['run.finished', 'run.document'] });
  useEffect(() => setScope(rows.scope), [rows.scope]);
  return (
    <div className="page">
      <PageHeader eyebrow={deal.data?.deal.name} title="Documents" dealId={dealId} scope={scope} />
      <SkippedFiles dealId={dealId} runNumber={runNumber} />
      <div className="table-panel">
        <div className="toolbar">
          <Segmented<StatusFilter>
            label="Document status"
            value={status}
            onChange={setStatus}
            options={[
              { value: 'all', label: 'All' },
              { value: 'parsed', label: 'Analysed' },
              { value: 'failed', label: 'Failed' },
              { value: 'pending', label: 'Pending' },
            ]}
          />
          {deal.data?.deal.dataRoomPath && (
            <span className="muted small mono" title="Data room folder">
              <Icon name="folder" size={14} /> {deal.data.deal.dataRoomPath}
            </span>
          )}
        </div>
        <VirtualTable
          label="Documents"
          columns={COLUMNS}
          source={rows}
          rowKey={(d) => d.id}
          rowHeight={52}
          emptyTitle={status === 'all' ? 'No documents in this run' : `No ${status === 'parsed' ? 'analysed' : status} documents`}
        />
      </div>
    </div>
  );
}
