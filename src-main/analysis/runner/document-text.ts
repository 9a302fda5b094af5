import type { ParsedDocument, SourceLocation } from '../parsers/types';

/** One located piece of a document's text, as stored for full-text search. */
export interface TextChunk {
  location: SourceLocation;
  text: string;
}

/** A generous cap: a chunk is a line, paragraph or table row; anything longer is cut, not dropped. */
const MAX_CHUNK_CHARS = 4000;

/**
 * The searchable text of a parsed document: every prose block, and every table's header and rows
 * (cells joined with " | ", as evidence quotes are), each with its location so a search hit can
 * open the page, sheet row or line. Pure and deterministic, like the parse it comes from.
 */
export function textChunks(parsed: ParsedDocument): TextChunk[] {
  const chunks: TextChunk[] = [];
  const push = (text: string, location: SourceLocation) => {
    const trimmed = text.trim();
    if (trimmed !== '') chunks.push({ location, text: trimmed.length > MAX_CHUNK_CHARS ? trimmed.slice(0, MAX_CHUNK_CHARS) : trimmed });
  };
  for (const block of parsed.blocks) push(block.text, block.location);
  for (const table of parsed.tables) {
    push(joinCells(table.headers), table.location);
    for (const row of table.rows) push(joinCells(row.cells), row.location);
  }
  return chunks;
}

function joinCells(cells: readonly string[]): string {
  return cells.filter((c) => c.trim() !== '').join(' | ');
}
