import { z } from 'zod';
import { DocumentKindSchema, DomainSchema, EntitySchema, Id, LocationSchema, PageInput, RunNumber, ScopeSchema, SearchText } from './common';
import { query } from './define';

// Full-text search (issue 6) over one run's document text and facts. Matched words come back as
// [start, end) offsets into plain text: the window marks them as elements, never as HTML.

export const HighlightSchema = z.tuple([z.int().min(0), z.int().min(0)]);
export type Highlight = z.infer<typeof HighlightSchema>;

export const DocumentHitSchema = z.object({
  documentId: Id,
  path: z.string(),
  documentKind: DocumentKindSchema,
  location: LocationSchema,
  locationText: z.string(),
  snippet: z.string(),
  highlights: z.array(HighlightSchema),
});
export type DocumentHit = z.infer<typeof DocumentHitSchema>;

export const FactHitSchema = z.object({
  factId: Id,
  entity: EntitySchema,
  domain: DomainSchema,
  subjectName: z.string().nullable(),
  attribute: z.string(),
  attributeLabel: z.string(),
  value: z.string(),
  /** Where the fact is stated first, so the hit can open the source. */
  source: z.object({ documentId: Id, path: z.string(), location: LocationSchema, locationText: z.string(), quote: z.string() }).nullable(),
});
export type FactHit = z.infer<typeof FactHitSchema>;

export const SearchInput = z.strictObject({
  dealId: Id,
  /** The run to search; by default the one every view shows. */
  runNumber: RunNumber.optional(),
  text: SearchText,
  /** Hits per kind (documents, facts). Default 20. */
  limit: z.int().min(1).max(100).optional(),
});
export type SearchInput = z.infer<typeof SearchInput>;

export const SearchResultSchema = z.object({
  scope: ScopeSchema,
  /** The words searched for, as the server read them (empty when nothing searchable was typed). */
  words: z.array(z.string()),
  documents: z.array(DocumentHitSchema),
  facts: z.array(FactHitSchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

/** A document's stored text, one located piece (line, paragraph, table row) per chunk. */
export const DocumentChunkSchema = z.object({ seq: z.int().min(0), location: LocationSchema, locationText: z.string(), text: z.string() });
export type DocumentChunk = z.infer<typeof DocumentChunkSchema>;

export const DocumentTextInput = z.strictObject({
  dealId: Id,
  documentId: Id,
  /** Start the page at the first chunk at this place (a search hit's or a quote's location). */
  near: z
    .strictObject({ page: z.int().min(0).max(1_000_000).optional(), sheet: z.string().max(200).optional(), row: z.int().min(0).max(100_000_000).optional(), line: z.int().min(0).max(100_000_000).optional() })
    .optional(),
  page: PageInput,
});
export type DocumentTextInput = z.infer<typeof DocumentTextInput>;

export const DocumentTextSchema = z.object({
  document: z.object({ id: Id, path: z.string(), kind: DocumentKindSchema, pageCount: z.int().nullable(), status: z.enum(['pending', 'parsed', 'failed']) }),
  chunks: z.array(DocumentChunkSchema),
  /** Index (into the document's chunks) of the first chunk returned, and of the one at `near`. */
  offset: z.int().min(0),
  focusSeq: z.int().min(0).nullable(),
  total: z.int().min(0),
});
export type DocumentText = z.infer<typeof DocumentTextSchema>;

export const searchChannels = {
  'search.query': query(SearchInput, SearchResultSchema),
  'documents.text': query(DocumentTextInput, DocumentTextSchema),
};
