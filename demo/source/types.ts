// Shapes of the content that scripts/build-demo-room.ts turns into the demo data room's binary
// documents (XLSX, DOCX, PDF). Content lives here, layout and file formats live in the script.

/** A cell value in the licence register: text, a number, or a calendar date (ISO yyyy-mm-dd). */
export type RegisterCell = string | number | { date: string };

export interface RegisterSheet {
  name: string;
  /** Column headers, written in row 1. */
  columns: { header: string; width: number; kind: 'text' | 'number' | 'money' | 'date' }[];
  rows: RegisterCell[][];
  /** A final "Total" row whose money column holds a SUM formula over the data rows. */
  total?: { labelColumn: number; sumColumn: number; label: string };
}

export interface RegisterWorkbook {
  creator: string;
  lastModifiedBy: string;
  /** ISO timestamps (UTC), fixed so the file is reproducible. */
  created: string;
  modified: string;
  sheets: RegisterSheet[];
  /** A summary sheet whose values are formulas referring to the other sheets' total rows. */
  summary: {
    name: string;
    title: string;
    asOf: string;
    lines: { label: string; sheet: string }[];
    totalLabel: string;
  };
}

/** A block of a Word document. */
export type DocBlock =
  | { kind: 'heading1' | 'heading2' | 'paragraph' | 'bullet'; text: string }
  | { kind: 'table'; header: string[]; rows: string[][]; widths: number[] };

export interface WordDocument {
  title: string;
  subject: string;
  creator: string;
  /** ISO timestamps (UTC). */
  created: string;
  modified: string;
  blocks: DocBlock[];
}

/** A block of the hand-written PDF. Text must be printable ASCII (Helvetica, WinAnsi). */
export type PdfBlock =
  | { kind: 'title' | 'heading' | 'paragraph' | 'bullet'; text: string }
  | { kind: 'fields'; fields: [string, string][] }
  | { kind: 'spacer' };

export interface PdfDocumentContent {
  title: string;
  author: string;
  subject: string;
  /** PDF date, e.g. D:20260415090000Z. */
  creationDate: string;
  footer: string;
  pages: PdfBlock[][];
}
