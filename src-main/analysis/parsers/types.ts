import type { DocumentKind } from '../../../src-shared/domain';

/**
 * Where a piece of text sits in its source document. Every fact's evidence carries one, so a
 * reviewer can go straight to the page, sheet row or line that states it. All numbers are 1-based.
 */
export interface SourceLocation {
  page?: number;
  sheet?: string;
  row?: number;
  line?: number;
  /** Nearest heading above the text, when the format has headings. */
  section?: string;
}

export type TextBlockKind = 'heading' | 'paragraph' | 'list_item';

/** One line-sized piece of prose: a heading, a paragraph (or PDF line) or a bullet. */
export interface TextBlock {
  kind: TextBlockKind;
  text: string;
  location: SourceLocation;
  /** Headings enclosing this block, outermost first (the block itself excluded). */
  headingPath: string[];
  /**
   * Optional structure hint: for a heading its level (1 = outermost; 7 for an all-caps "LABEL:"
   * line in a text file), for a list item its nesting depth (0 = top level).
   */
  level?: number;
}

export interface TableRow {
  /** Cell texts, aligned with the table's headers (padded with '' when a row is short). */
  cells: string[];
  location: SourceLocation;
}

/** A table: a Markdown pipe table, a DOCX table, an XLSX sheet region or a whole CSV file. */
export interface TableBlock {
  headers: string[];
  rows: TableRow[];
  location: SourceLocation;
  headingPath: string[];
}

export interface ParsedDocument {
  kind: DocumentKind;
  /** Pages for PDF; null for formats without pages. */
  pageCount: number | null;
  blocks: TextBlock[];
  tables: TableBlock[];
}

/** A parse failure that should mark the document failed with a specific, user-readable message. */
export class DocumentParseError extends Error {
  constructor(
    message: string,
    readonly code: ParseErrorCode,
  ) {
    super(message);
    this.name = 'DocumentParseError';
  }
}

export type ParseErrorCode =
  | 'empty_file'
  | 'binary_content'
  | 'corrupt_file'
  | 'encrypted_file'
  | 'too_large'
  | 'unsupported_format';
