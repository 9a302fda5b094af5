// CSV: the whole file is one table; the first record is the header. Each row's location carries
// the record number (`row`, the header being row 1, as a spreadsheet shows it) and the line the
// record starts on (`line`; they differ after quoted fields with embedded newlines).

import { parse } from 'csv-parse/sync';
import { cleanText, hasText } from './clean';
import { alignCells } from './headings';
import { MAX_CSV_FIELD_CHARS, MAX_CSV_RECORDS, formatMegabytes, formatOverLimit } from './limits';
import { DocumentParseError } from './types';
import type { TableBlock, TableRow, TextBlock } from './types';

/** csv-parse's own per-record buffer limit: a backstop that also catches a runaway open quote. */
const MAX_CSV_RECORD_CHARS = 4 * MAX_CSV_FIELD_CHARS;
const DELIMITERS = [',', ';', '\t', '|'] as const;

interface CsvContext {
  lines: number;
}

export function parseCsv(text: string, fileName: string): { blocks: TextBlock[]; tables: TableBlock[] } {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let headers: string[] | null = null;
  let headerLine = 1;
  let headerRow = 1;
  const rows: TableRow[] = [];
  let records = 0;

  const onRecord = (record: string[], context: CsvContext): undefined => {
    records += 1;
    if (records > MAX_CSV_RECORDS) {
      throw new DocumentParseError(`${fileName} has more than ${MAX_CSV_RECORDS.toLocaleString('en-US')} records, over the limit for a CSV file.`, 'too_large');
    }
    // `lines` is the line the record ends on; quoted newlines inside it move its start back.
    const startLine = context.lines - record.reduce((n, field) => n + countNewlines(field), 0);
    const huge = record.find((field) => field.length > MAX_CSV_FIELD_CHARS);
    if (huge !== undefined) {
      throw new DocumentParseError(`${fileName} has a field of ${formatOverLimit(huge.length, MAX_CSV_FIELD_CHARS)} at line ${startLine}, over the ${formatMegabytes(MAX_CSV_FIELD_CHARS)} limit for one CSV field.`, 'too_large');
    }
    const cells = record.map((field) => cleanText(field));
    if (!cells.some(hasText)) return undefined;
    if (headers === null) {
      headers = cells;
      headerLine = startLine;
      headerRow = records;
      return undefined;
    }
    rows.push({ cells: alignCells(cells, headers.length), location: { row: records, line: startLine } });
    return undefined;
  };

  try {
    parse(source, {
      delimiter: detectDelimiter(source),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_CSV_RECORD_CHARS,
      on_record: onRecord,
    });
  } catch (error) {
    throw csvError(error, fileName);
  }

  const header: string[] | null = headers;
  if (header === null) throw new DocumentParseError('The file is empty.', 'empty_file');
  return {
    blocks: [],
    tables: [{ headers: header, rows, location: { row: headerRow, line: headerLine }, headingPath: [] }],
  };
}

function countNewlines(field: string): number {
  let n = 0;
  for (let i = field.indexOf('\n'); i >= 0; i = field.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** The candidate delimiter occurring most often outside quotes on the first line; `,` by default. */
export function detectDelimiter(source: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (let i = 0; i < source.length && i < 64 * 1024; i += 1) {
    const ch = source[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '\n') break;
    else if (!quoted && ch !== undefined && (DELIMITERS as readonly string[]).includes(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const c = counts.get(d) ?? 0;
    if (c > bestCount) {
      best = d;
      bestCount = c;
    }
  }
  return best;
}

function csvError(error: unknown, fileName: string): DocumentParseError {
  if (error instanceof DocumentParseError) return error;
  const code = (error as { code?: unknown }).code;
  const line = (error as { lines?: unknown }).lines;
  const at = typeof line === 'number' ? ` near line ${line}` : '';
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return new DocumentParseError(`${fileName} has a record over ${formatMegabytes(MAX_CSV_RECORD_CHARS)}${at} (a huge field or an unclosed quote).`, 'too_large');
  }
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return new DocumentParseError(`${fileName} is not valid CSV: a quoted field is never closed${at}.`, 'corrupt_file');
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new DocumentParseError(`${fileName} is not valid CSV: ${reason}`, 'corrupt_file');
}
