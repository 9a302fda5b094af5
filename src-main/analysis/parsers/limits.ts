// Safety limits for hostile or accidental input, and the checks every parser runs first.

import { detectKind } from './kinds';
import { DocumentParseError } from './types';

const MB = 1024 * 1024;

/** Largest file any parser accepts. */
export const MAX_DOCUMENT_BYTES = 200 * MB;
/**
 * Largest CSV, Markdown or text file: decoding and parsing hold several copies of the text (bytes,
 * string, the CSV parser's buffer), so a 100 MB CSV would cost the runner ~400 MB before its
 * first record (test/integration/hostile, docs/performance.md).
 */
export const MAX_TEXT_DOCUMENT_BYTES = 32 * MB;
/** Largest total a ZIP-based Office file (DOCX, XLSX) may expand to. */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 500 * MB;
/**
 * Largest total of a package's XML parts (the document, sheets, shared strings). The Office
 * libraries build object trees about 13 times the size of the XML they read, so this bounds the
 * runner's memory where the total above (mostly media, which the parsers skip) cannot.
 */
export const MAX_ZIP_XML_BYTES = 64 * MB;
/** Compression ratio above which a big ZIP entry is treated as a zip bomb. */
export const MAX_ZIP_COMPRESSION_RATIO = 200;
/** Entries at least this large (uncompressed) are checked against the ratio. */
export const ZIP_RATIO_CHECK_MIN_BYTES = 10 * MB;
/** More entries than this in an Office package is not a real document. */
export const MAX_ZIP_ENTRIES = 50_000;
/**
 * CSV: records (including the header) and characters in one field. A document's facts are held
 * and committed together, and the rules read every fact of the run: measured on a server export,
 * 50,000 records analyse at ~1 GB peak, 100,000 failed the whole run, 950,000 exhausted the
 * worker's heap (docs/performance.md).
 */
export const MAX_CSV_RECORDS = 50_000;
export const MAX_CSV_FIELD_CHARS = 1 * MB;

/** A size in MiB, the unit the limits above are set in (1 MiB = 1,048,576 bytes). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 ? Math.round(mb) : Math.round(mb * 10) / 10} MiB`;
}

/**
 * A size that is over `limit`, precise enough never to read as the limit itself ("32.4 MiB", not
 * "32 MB … the limit is 32 MB"): up to three decimals, then the exact byte count.
 */
export function formatOverLimit(bytes: number, limit: number): string {
  for (let decimals = 0; decimals <= 3; decimals += 1) {
    const shown = Number((bytes / MB).toFixed(decimals));
    if (shown > limit / MB) return `${shown} MiB`;
  }
  return `${bytes.toLocaleString('en-US')} bytes`;
}

/** Throws `too_large` or `empty_file` for the checks that apply to every format. */
export function checkSizeAndEmptiness(bytes: Buffer, fileName: string): void {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new DocumentParseError(
      `${fileName} is too large (${formatOverLimit(bytes.length, MAX_DOCUMENT_BYTES)}); the limit for a document is ${formatMegabytes(MAX_DOCUMENT_BYTES)}.`,
      'too_large',
    );
  }
  const kind = detectKind(fileName);
  if ((kind === 'csv' || kind === 'markdown' || kind === 'text') && bytes.length > MAX_TEXT_DOCUMENT_BYTES) {
    throw new DocumentParseError(
      `${fileName} is too large (${formatOverLimit(bytes.length, MAX_TEXT_DOCUMENT_BYTES)}); the limit for a CSV, Markdown or text file is ${formatMegabytes(MAX_TEXT_DOCUMENT_BYTES)}. Split it into smaller files.`,
      'too_large',
    );
  }
  if (isBlank(bytes)) throw new DocumentParseError('The file is empty.', 'empty_file');
}

/** Zero bytes, or nothing but ASCII whitespace (and perhaps a UTF-8 byte-order mark). */
function isBlank(bytes: Buffer): boolean {
  let start = 0;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  for (let i = start; i < bytes.length; i += 1) {
    const b = bytes[i];
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b) return false;
  }
  return true;
}

/** A readable reason from anything a library threw. */
export function reasonOf(error: unknown): string {
  // A recursive-descent parser (pdfjs, XML) overflowing the stack on deliberately deep nesting
  // (pdfjs passes the RangeError on as a plain error, so the message is what identifies it).
  if (error instanceof Error && /maximum call stack size exceeded/i.test(error.message)) {
    return 'its objects are nested too deeply to read safely (a damaged or hostile file)';
  }
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'unknown error';
}
