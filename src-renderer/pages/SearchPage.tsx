import { useEffect, useRef, useState } from 'react';
import type { DocumentHit, FactHit } from '../../src-shared/contract';
import { useQuery } from '../api/use-query';
import { useSearch } from '../api/use-search';
import { Tag } from '../components/Badges';
import { Icon } from '../components/Icons';
import { Marked, wordRanges } from '../components/Marked';
import { PageHeader, ScopeBanner } from '../components/PageHeader';
import { EmptyState, ErrorBox } from '../components/States';
import { DocumentViewer, type DocumentTarget } from '../details/DocumentViewer';
import { FactDetail } from '../details/FactDetail';
import { domainLabel, humanize } from '../lib/format';
import { useUi } from '../state/ui';

function nearOf(location: DocumentHit['location']): DocumentTarget['near'] {
  const { page, sheet, row, line } = location;
  const near = { ...(page !== undefined ? { page } : {}), ...(sheet !== undefined ? { sheet } : {}), ...(row !== undefined ? { row } : {}), ...(line !== undefined ? { line } : {}) };
  return Object.keys(near).length > 0 ? near : undefined;
}

function DocumentHits({ hits, onOpen }: { hits: DocumentHit[]; onOpen: (target: DocumentTarget) => void }) {
  return (
    <ul className="search-hits" aria-label="Document matches">
      {hits.map((h, i) => (
        <li key={`${h.documentId}:${i}`}>
          <button type="button" className="search-hit" onClick={() => onOpen({ documentId: h.documentId, path: h.path, near: nearOf(h.location), locationText: h.locationText })}>
            <span className="search-hit-head">
              <Icon name="documents" size={14} />
              <span className="search-hit-path">{h.path}</span>
              <span className="muted small">{h.locationText}</span>
            </span>
            <span className="search-snippet">
              <Marked text={h.snippet} ranges={h.highlights} />
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function FactHits({ hits, words, onOpenFact, onOpenSource }: { hits: FactHit[]; words: string[]; onOpenFact: (id: number) => void; onOpenSource: (target: DocumentTarget) => void }) {
  return (
    <ul className="search-hits" aria-label="Fact matches">
      {hits.map((f) => {
        const subject = f.subjectName ?? 'Company';
        return (
          <li key={f.factId} className="search-fact">
            <button type="button" className="search-hit" onClick={() => onOpenFact(f.factId)}>
              <span className="search-hit-head">
                <Tag tone="muted">{domainLabel(f.domain)}</Tag>
                {f.entity === 'buyer' && <Tag tone="warn">{humanize(f.entity)}</Tag>}
                <span className="search-fact-subject">
                  <Marked text={subject} ranges={wordRanges(subject, words)} />
                </span>
                <span className="muted">{f.attributeLabel}</span>
              </span>
              <span className="search-snippet">
                <Marked text={f.value} ranges={wordRanges(f.value, words)} />
              </span>
            </button>
            {f.source && (
              <button type="button" className="btn btn-link btn-small search-source" onClick={() => f.source && onOpenSource({ documentId: f.source.documentId, path: f.source.path, near: nearOf(f.source.location), locationText: f.source.locationText })}>
                {f.source.path} · {f.source.locationText}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Searches the shown run's document text and facts as the user types. */
export function SearchPage({ dealId, runNumber }: { dealId: number; runNumber?: number }) {
  const deal = useQuery('deals.get', { dealId }, { dealId });
  const text = useUi((s) => s.searchText);
  const setText = useUi((s) => s.setSearchText);
  const selection = useUi((s) => s.selection);
  const select = useUi((s) => s.select);
  const [doc, setDoc] = useState<DocumentTarget | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const search = useSearch(dealId, runNumber, text);
  const words = search.data?.words ?? [];
  useEffect(() => {
    input.current?.focus();
    const onFocus = () => input.current?.focus();
    window.addEventListener('dd:focus-search', onFocus);
    return () => window.removeEventListener('dd:focus-search', onFocus);
  }, []);
  const openDoc = (target: DocumentTarget) => {
    select(null);
    setDoc(target);
  };
  const openFact = (id: number) => {
    setDoc(null);
    select({ kind: 'fact', id });
  };
  const data = search.data;
  const empty = data && data.documents.length === 0 && data.facts.length === 0;
  return (
    <div className="page page-split">
      <div className="page-main">
        <PageHeader eyebrow={deal.data?.deal.name} title="Search" dealId={dealId} />
        <label className="search search-large">
          <Icon name="search" size={18} />
          <input ref={input} type="search" value={text} maxLength={200} placeholder="Search documents and facts" aria-label="Search documents and facts" onChange={(e) => setText(e.target.value)} />
          {search.loading && <span className="spinner" aria-hidden="true" />}
        </label>
        {data && <ScopeBanner scope={data.scope} />}
        {search.error && <ErrorBox error={search.error} />}
        {!text.trim() && (
          <EmptyState icon="search" title="Search this deal">
            Type a word: results follow as you type, across every document’s text and every fact of the run shown.
          </EmptyState>
        )}
        {empty && text.trim() && <EmptyState icon="search" title="No matches">Nothing in this run’s documents or facts matches “{text.trim()}”.</EmptyState>}
        {data && !empty && (
          <div className="search-results" data-testid="search-results">
            <section className="card">
              <h2>
                In documents <span className="count">{data.documents.length}</span>
              </h2>
              {data.documents.length === 0 ? <p className="muted">No passage matches.</p> : <DocumentHits hits={data.documents} onOpen={openDoc} />}
            </section>
            <section className="card">
              <h2>
                Facts <span className="count">{data.facts.length}</span>
              </h2>
              {data.facts.length === 0 ? <p className="muted">No fact matches.</p> : <FactHits hits={data.facts} words={words} onOpenFact={openFact} onOpenSource={openDoc} />}
            </section>
          </div>
        )}
      </div>
      {doc && <DocumentViewer dealId={dealId} target={doc} words={words} onClose={() => setDoc(null)} />}
      {!doc && selection?.kind === 'fact' && <FactDetail dealId={dealId} factId={selection.id} onClose={() => select(null)} />}
    </div>
  );
}
