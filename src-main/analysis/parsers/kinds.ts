import type { DocumentKind } from '../../../src-shared/domain';

// Kept apart from the parsers so that listing a data room (and the app's startup) does not load
// pdfjs, mammoth and exceljs.

const KIND_BY_EXTENSION: Record<string, DocumentKind> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  csv: 'csv',
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
};

/** The document kind for a data-room path, by extension; null when the file is not a document. */
export function detectKind(relativePath: string): DocumentKind | null {
  const name = relativePath.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  if (dot <= 0 || dot === name.length - 1) return null;
  // Office lock files (~$Report.docx) and macOS resource forks (._Report.pdf) are not documents.
  if (name.startsWith('~$') || name.startsWith('._')) return null;
  return KIND_BY_EXTENSION[name.slice(dot + 1).toLowerCase()] ?? null;
}
