import type { DocumentText, DocumentTextInput, SearchInput, SearchResult } from '../../src-shared/contract';
import type { Db } from '../db/open';
import type { SourceLocation } from '../analysis/parsers/types';
import { formatLocation } from '../services/run-summary';
import { searchDeal } from '../services/search';
import type { ReadContext } from './context';
import { notFound } from './errors';
import { attributeLabel } from './labels';
import { resolveScope } from './scope';

/** How many chunks before the one asked for are shown too, so a hit reads in its context. */
const CONTEXT_BEFORE = 5;

function locationText(location: SourceLocation): string {
  const text = formatLocation(location);
  return location.section ? `${text} · ${location.section}` : text;
}

function contractLocation(l: SourceLocation): SourceLocation {
  const out: SourceLocation = {};
  if (l.page !== undefined) out.page = l.page;
  if (l.sheet !== undefined) out.sheet = l.sheet;
  if (l.row !== undefined) out.row = l.row;
  if (l.line !== undefined) out.line = l.line;
  if (l.section !== undefined) out.section = l.section;
  return out;
}

/** The user's words, as the search service reads them (letters and digits). */
export function searchWords(text: string): string[] {
  return text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Document text and facts of the run every view shows (or the one named), best matches first. */
export function search(ctx: ReadContext, db: Db, input: SearchInput): SearchResult {
  const { scope, run } = resolveScope(ctx.repos, input.dealId, input.runNumber);
  const words = searchWords(input.text);
  if (!run || words.length === 0) return { scope, words, documents: [], facts: [] };
  const found = searchDeal(db, { dealId: input.dealId, runNumber: run.runNumber, text: input.text, limit: input.limit });
  return {
    scope,
    words,
    documents: found.documents.map((hit) => ({
      documentId: hit.documentId,
      path: hit.relativePath,
      documentKind: hit.documentKind,
      location: contractLocation(hit.location),
      locationText: locationText(hit.location),
      snippet: hit.snippet,
      highlights: hit.highlights,
    })),
    facts: found.facts.map((hit) => ({
      factId: hit.factId,
      entity: hit.entity,
      domain: hit.domain,
      subjectName: hit.subjectName,
      attribute: hit.attribute,
      attributeLabel: attributeLabel(hit.attribute),
      value: hit.valueText,
      source: hit.source
        ? { documentId: hit.source.documentId, path: hit.source.relativePath, location: contractLocation(hit.source.location), locationText: locationText(hit.source.location), quote: hit.source.quote }
        : null,
    })),
  };
}

/** A window of a document's text, starting a little before the place asked for. */
export function documentText(ctx: ReadContext, input: DocumentTextInput): DocumentText {
  const document = ctx.documentText.document(input.dealId, input.documentId);
  if (!document) throw notFound(`Document ${input.documentId}`);
  const focusSeq = input.near ? ctx.documentText.seqAt(document.id, input.near) : null;
  const offset = (focusSeq === null ? 0 : Math.max(0, focusSeq - CONTEXT_BEFORE)) + input.page.offset;
  const chunks = ctx.documentText.window(document.id, offset, input.page.limit).map((c) => {
    const location = contractLocation({
      page: c.page ?? undefined,
      sheet: c.sheet ?? undefined,
      row: c.row ?? undefined,
      line: c.line ?? undefined,
      section: c.section ?? undefined,
    });
    return { seq: c.seq, location, locationText: locationText(location), text: c.text };
  });
  return { document, chunks, offset, focusSeq, total: ctx.documentText.count(document.id) };
}
