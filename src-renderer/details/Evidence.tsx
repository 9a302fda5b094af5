import type { Evidence } from '../../src-shared/contract';
import { Icon } from '../components/Icons';

/** The quotes behind a fact: what the document says, which document, and where in it. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return <p className="muted">No quote was recorded for this fact.</p>;
  return (
    <ul className="evidence-list">
      {evidence.map((ev, i) => (
        <li key={`${ev.documentId}-${i}`} className="evidence">
          <blockquote>
            <Icon name="quote" size={16} className="quote-mark" />
            {ev.quote}
          </blockquote>
          <div className="evidence-source">
            <Icon name="documents" size={14} />
            <span className="evidence-doc" title={ev.documentPath}>
              {ev.documentPath}
            </span>
            <span className="evidence-loc">{ev.locationText}</span>
            {ev.source && (
              <span className="pill evidence-model" title={`Found by the language model ${ev.source}; its quote was checked against the document.`}>
                <Icon name="sparkle" size={12} /> {ev.source.slice(ev.source.indexOf('/') + 1)}
              </span>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
