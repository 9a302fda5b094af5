// Public entry point of the document parsers: which files are documents, and turning their bytes
// into located blocks and tables. Bad input becomes a DocumentParseError with a readable message.

import type { DocumentKind } from '../../../src-shared/domain';
import { parseCsv } from './csv';
import { parseDocx } from './docx';
import { checkSizeAndEmptiness, reasonOf } from './limits';
import { parseMarkdownText } from './markdown';
import { parsePdf } from './pdf';
import { decodeText } from './text-decode';
import { DocumentParseError } from './types';
import type { ParsedDocument } from './types';
import { parseXlsx } from './xlsx';

export { cleanText } from './clean';
export { detectKind } from './kinds';
export { MAX_DOCUMENT_BYTES } from './limits';
export { DocumentParseError } from './types';
export type { ParseErrorCode, ParsedDocument, SourceLocation, TableBlock, TableRow, TextBlock, TextBlockKind } from './types';

/**
 * Parses one document. Throws DocumentParseError (empty, binary, corrupt, encrypted, too large)
 * with a message meant for the user; any other failure of a library becomes `corrupt_file`.
 */
export async function parseDocument(bytes: Buffer, kind: DocumentKind, fileName: string): Promise<ParsedDocument> {
  checkSizeAndEmptiness(bytes, fileName);
  try {
    return await parseByKind(bytes, kind, fileName);
  } catch (error) {
    if (error instanceof DocumentParseError) throw error;
    throw new DocumentParseError(`${fileName} could not be read: ${reasonOf(error)}`, 'corrupt_file');
  }
}

async function parseByKind(bytes: Buffer, kind: DocumentKind, fileName: string): Promise<ParsedDocument> {
  switch (kind) {
    case 'pdf':
      return parsePdf(bytes, fileName);
    case 'docx':
      return { kind, pageCount: null, ...(await parseDocx(bytes, fileName)) };
    case 'xlsx':
      return { kind, pageCount: null, ...(await parseXlsx(bytes, fileName)) };
    case 'csv':
      return { kind, pageCount: null, ...parseCsv(textOf(bytes, fileName), fileName) };
    case 'markdown':
    case 'text':
      return { kind, pageCount: null, ...parseMarkdownText(textOf(bytes, fileName)) };
    default:
      return unsupported(kind, fileName);
  }
}

function textOf(bytes: Buffer, fileName: string): string {
  const text = decodeText(bytes, fileName);
  if (text.trim() === '') throw new DocumentParseError('The file is empty.', 'empty_file');
  return text;
}

function unsupported(kind: never, fileName: string): never {
  throw new DocumentParseError(`${fileName}: documents of kind "${String(kind)}" are not supported.`, 'unsupported_format');
}
