import { useState } from 'react';
import type { Evidence, FactRow } from '../../src-shared/contract';
import { useQuery } from '../api/use-query';
import { Icon } from '../components/Icons';
import { EvidenceList } from './Evidence';

/** Facts cited by a gap or finding; each expands in place to its evidence. */
export function FactChips({ dealId, facts, evidence }: { dealId: number; facts: FactRow[]; evidence?: Map<number, Evidence[]> }) {
  return (
    <ul className="fact-chips">
      {facts.map((fact, index) => (
        <FactChip key={fact.id} dealId={dealId} fact={fact} evidence={evidence?.get(fact.id)} initiallyOpen={index < 3 && Boolean(evidence)} />
      ))}
    </ul>
  );
}

function FactChip({ dealId, fact, evidence, initiallyOpen }: { dealId: number; fact: FactRow; evidence?: Evidence[]; initiallyOpen: boolean }) {
  const [open, setOpen] = useState(initiallyOpen);
  const detail = useQuery('facts.get', open && !evidence ? { dealId, factId: fact.id } : null);
  const quotes = evidence ?? detail.data?.evidence;
  return (
    <li className="fact-chip">
      <button className="fact-chip-head" aria-expanded={open} onClick={() => setOpen(!open)}>
        <Icon name="chevron" size={14} className={open ? 'rot' : ''} />
        <span className="fact-chip-subject">{fact.subjectName ?? 'Company'}</span>
        <span className="fact-chip-attr">{fact.attributeLabel}</span>
        <span className="fact-chip-value">{fact.value}</span>
      </button>
      {open && quotes && <EvidenceList evidence={quotes} />}
    </li>
  );
}
