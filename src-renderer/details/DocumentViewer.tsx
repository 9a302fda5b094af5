import { useEffect, useRef, useState } from 'react';
import type { DocumentTextInput } from '../../src-shared/contract';
import { useQuery } from '../api/use-query';
import { Drawer } from '../components/Overlay';
import { Marked, wordRanges } from '../components/Marked';
import { EmptyState, ErrorBox, SkeletonRows } from '../components/States';
import { humanize } from '../lib/format';

export interface DocumentTarget {
  documentId: number;
  path: string;
  near?: DocumentTextInput['near'];
  locationText?: string;
}

const WINDOW = 120;

/**
 * A document's text as the analysis read it, opened at a place (a search hit, a quote), with that
 * place outlined and the searched words marked. Text is rendered as text, never as HTML.
 */
export function DocumentViewer({ dealId, target, words, onClose }: { dealId: number; target: DocumentTarget; words: string[]; onClose: () => void }) {
  const [limit, setLimit] = useState(WINDOW);
  const input = { dealId, documentId: target.documentId, ...(target.near ? { near: target.near } : {}), page: { limit, offset: 0 } };
  const text = useQuery('documents.text', input, { dealId });
  const focus = useRef<HTMLLIElement>(null);
  const d = text.data;
  useEffect(() => setLimit(WINDOW), [target.documentId, target.near]);
  useEffect(() => {
    focus.current?.scrollIntoView({ block: 'center' });
  }, [d?.focusSeq, d?.document.id]);
  return (
    <Drawer title={target.path} subtitle={`Document${d ? ` · ${humanize(d.document.kind)}` : ''}${target.locationText ? ` · ${target.locationText}` : ''}`} onClose={onClose}>
      {text.error && <ErrorBox error={text.error} onRetry={text.refetch} />}
      {!d && !text.error && <SkeletonRows rows={8} />}
      {d && d.total === 0 && (
        <EmptyState icon="documents" title="No text stored for this document">
          {d.document.status === 'failed' ? 'The document could not be read.' : 'Run the analysis again to store its text for search.'}
        </EmptyState>
      )}
      {d && d.chunks.length > 0 && (
        <div className="doc-text" data-testid="document-text">
          {d.offset > 0 && <p className="muted small">{d.offset} earlier passages not shown.</p>}
          <ol className="doc-chunks">
            {d.chunks.map((c) => (
              <li key={c.seq} ref={c.seq === d.focusSeq ? focus : undefined} className={`doc-chunk${c.seq === d.focusSeq ? ' focus' : ''}`} aria-current={c.seq === d.focusSeq ? 'location' : undefined}>
                <span className="doc-loc">{c.locationText}</span>
                <span className="doc-line">
                  <Marked text={c.text} ranges={wordRanges(c.text, words)} />
                </span>
              </li>
            ))}
          </ol>
          {d.offset + d.chunks.length < d.total && limit < 500 && (
            <button className="btn btn-secondary btn-small" onClick={() => setLimit(Math.min(500, limit + WINDOW))}>
              Show more
            </button>
          )}
        </div>
      )}
    </Drawer>
  );
}
