import { useState } from 'react';
import type { InventoryPage, InventoryRow } from '../../src-shared/contract';
import { useQuery } from '../api/use-query';
import { Icon } from '../components/Icons';
import { Drawer } from '../components/Overlay';
import { humanize } from '../lib/format';
import { EvidenceList } from './Evidence';

/** One inventory row: every attribute with its value(s); each value opens to its quotes. */
export function SubjectDetail({ dealId, row, columns, onClose }: { dealId: number; row: InventoryRow; columns: InventoryPage['columns']; onClose: () => void }) {
  return (
    <Drawer title={row.name} subtitle={`${humanize(row.entity)} · ${row.aliases.length > 0 ? `also “${row.aliases.join('”, “')}”` : 'inventory item'}`} onClose={onClose}>
      <ul className="attr-list">
        {columns.map((c) => {
          const cell = row.cells[c.attribute];
          if (!cell) return null;
          return (
            <li key={c.attribute}>
              <div className="attr-label">
                {c.label}
                {cell.conflict && (
                  <span className="conflict small">
                    <Icon name="alert" size={13} /> documents disagree
                  </span>
                )}
              </div>
              {cell.factIds.map((id) => (
                <FactValue key={id} dealId={dealId} factId={id} />
              ))}
            </li>
          );
        })}
      </ul>
    </Drawer>
  );
}

function FactValue({ dealId, factId }: { dealId: number; factId: number }) {
  const [open, setOpen] = useState(false);
  const fact = useQuery('facts.get', { dealId, factId }, { dealId });
  return (
    <div className="attr-value">
      <button className="fact-chip-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="chevron" size={14} className={open ? 'rot' : ''} />
        <span className="fact-chip-value">{fact.data?.fact.value ?? '…'}</span>
        {fact.data && <span className="muted small">{fact.data.evidence.length} quote{fact.data.evidence.length === 1 ? '' : 's'}</span>}
      </button>
      {open && fact.data && <EvidenceList evidence={fact.data.evidence} />}
    </div>
  );
}
