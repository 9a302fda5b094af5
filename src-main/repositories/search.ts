import { sql } from 'drizzle-orm';
import type { DocumentKind, Domain, Entity } from '../../src-shared/domain';
import type { SourceLocation } from '../analysis/parsers/types';
import { documents, facts } from '../db/schema';
import { BaseRepository } from './base';

/** Matched words in a snippet, as [start, end) offsets: the UI marks them, the CLI brackets them. */
export type Highlight = [number, number];

export interface DocumentHit {
  kind: 'document';
  documentId: number;
  relativePath: string;
  documentKind: DocumentKind;
  location: SourceLocation;
  snippet: string;
  highlights: Highlight[];
}

export interface FactHit {
  kind: 'fact';
  factId: number;
  stableKey: string;
  entity: Entity;
  domain: Domain;
  subjectName: string | null;
  attribute: string;
  valueText: string;
  /** Where the fact is stated first (by path, then location), so the hit opens the source. */
  source: { documentId: number; relativePath: string; location: SourceLocation; quote: string } | null;
}

// Snippet markers: control characters, which document text never contains (the parsers drop them).
const OPEN = '\u0002';
const CLOSE = '\u0003';

/**
 * The user's words as an FTS5 query: every word must occur (AND), the last one as a prefix so
 * results follow typing. Words are quoted, so FTS syntax in the input (OR, NEAR, "*", ":") is text.
 * Returns null when there is nothing to search for.
 */
export function ftsQuery(text: string): string | null {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .map((word, i) => {
      // A one-letter prefix matches a large share of the index for little meaning; wait for a second letter.
      const prefix = i === words.length - 1 && word.length >= 2 && !/^\p{N}+$/u.test(word);
      return `"${word}"${prefix ? '*' : ''}`;
    })
    .join(' ');
}

interface DocumentHitRow {
  documentId: number;
  relativePath: string;
  documentKind: DocumentKind;
  page: number | null;
  sheet: string | null;
  row: number | null;
  line: number | null;
  section: string | null;
  snippet: string;
}

interface FactHitRow {
  factId: number;
  stableKey: string;
  entity: Entity;
  domain: Domain;
  subjectName: string | null;
  attribute: string;
  valueText: string;
  evDocumentId: number | null;
  evPath: string | null;
  evPage: number | null;
  evSheet: string | null;
  evRow: number | null;
  evLine: number | null;
  evQuote: string | null;
}

/** Full-text search (FTS5, bm25 ranking) over one run's document text and facts. */
export class SearchRepository extends BaseRepository {
  documents(runId: number, query: string, limit: number): DocumentHit[] {
    const rows = this.db.all<DocumentHitRow>(sql`
      SELECT c.document_id AS documentId, documents.relative_path AS relativePath, documents.kind AS documentKind,
             c.page, c.sheet, c.row, c.line, c.section,
             snippet(document_chunks_fts, 0, ${OPEN}, ${CLOSE}, '…', 24) AS snippet
        FROM document_chunks_fts
        JOIN document_chunks c ON c.id = document_chunks_fts.rowid
        JOIN run_documents rd ON rd.run_id = ${runId} AND rd.document_id = c.document_id
        JOIN documents ON documents.id = c.document_id
       WHERE document_chunks_fts MATCH ${query} AND ${this.live(documents.deletedAt)}
       ORDER BY bm25(document_chunks_fts), c.document_id, c.seq
       LIMIT ${limit}`);
    return rows.map((r) => ({
      kind: 'document',
      documentId: r.documentId,
      relativePath: r.relativePath,
      documentKind: r.documentKind,
      location: location(r.page, r.sheet, r.row, r.line, r.section),
      ...marked(r.snippet),
    }));
  }

  facts(runId: number, query: string, limit: number): FactHit[] {
    // Rank and cut first; the first place stating each fact is looked up for that page of hits only.
    const rows = this.db.all<FactHitRow>(sql`
      SELECT f.id AS factId, f.stable_key AS stableKey, f.entity, f.domain, f.subject_name AS subjectName, f.attribute, f.value_text AS valueText,
             e.document_id AS evDocumentId, ed.relative_path AS evPath, e.page AS evPage, e.sheet AS evSheet, e.row AS evRow, e.line AS evLine, e.quote AS evQuote
        FROM (SELECT facts.*, bm25(facts_fts) AS score
                FROM facts_fts JOIN facts ON facts.id = facts_fts.rowid
               WHERE facts_fts MATCH ${query}
                 -- The run's id range bounds the full-text match itself: without it FTS5 returns the
                 -- word's hits in every run of every deal before run_id filters them (53 -> 9 ms per
                 -- keystroke at 1,000,000 facts, scripts/bench/search-run-range.ts).
                 AND facts_fts.rowid BETWEEN (SELECT min(id) FROM facts WHERE run_id = ${runId}) AND (SELECT max(id) FROM facts WHERE run_id = ${runId})
                 AND facts.run_id = ${runId} AND ${this.live(facts.deletedAt)}
               ORDER BY score, facts.id
               LIMIT ${limit}) f
        LEFT JOIN fact_evidence e ON e.id = (
               SELECT x.id FROM fact_evidence x JOIN documents d ON d.id = x.document_id
                WHERE x.fact_id = f.id ORDER BY d.relative_path, x.location_key LIMIT 1)
        LEFT JOIN documents ed ON ed.id = e.document_id
       ORDER BY f.score, f.id`);
    return rows.map((r) => ({
      kind: 'fact',
      factId: r.factId,
      stableKey: r.stableKey,
      entity: r.entity,
      domain: r.domain,
      subjectName: r.subjectName,
      attribute: r.attribute,
      valueText: r.valueText,
      source:
        r.evDocumentId === null || r.evPath === null
          ? null
          : { documentId: r.evDocumentId, relativePath: r.evPath, location: location(r.evPage, r.evSheet, r.evRow, r.evLine, null), quote: r.evQuote ?? '' },
    }));
  }

  /** The base repository's soft-delete condition, never empty (an empty fragment would bind as NULL). */
  private live(deletedAt: typeof documents.deletedAt | typeof facts.deletedAt) {
    return this.where(deletedAt, {}) ?? sql`1`;
  }
}

function location(page: number | null, sheet: string | null, row: number | null, line: number | null, section: string | null): SourceLocation {
  const l: SourceLocation = {};
  if (page !== null) l.page = page;
  if (sheet !== null) l.sheet = sheet;
  if (row !== null) l.row = row;
  if (line !== null) l.line = line;
  if (section !== null) l.section = section;
  return l;
}

/** Turns FTS5's snippet markers into plain text plus highlight ranges. */
export function marked(snippet: string): { snippet: string; highlights: Highlight[] } {
  let text = '';
  const highlights: Highlight[] = [];
  let start = -1;
  for (const ch of snippet) {
    if (ch === OPEN) start = text.length;
    else if (ch === CLOSE) {
      if (start >= 0) highlights.push([start, text.length]);
      start = -1;
    } else text += ch;
  }
  return { snippet: text, highlights };
}
