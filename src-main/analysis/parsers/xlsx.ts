// XLSX: every worksheet becomes one table. The header is the first row with at least two non-empty
// cells; single-cell rows above it (titles, notes) become paragraphs. Cells are read as text:
// cached formula results, dates as yyyy-mm-dd, rich text joined, numbers as plain numbers
// ("546257", not "$546,257"; text cells keep their own formatting), percent-formatted numbers as
// "13%". Locations are {sheet, row} with the spreadsheet's own 1-based row number.

import ExcelJS from 'exceljs';
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { cleanText, hasText } from './clean';
import { alignCells } from './headings';
import { guardOfficePackage } from './zip-guard';
import type { TableBlock, TableRow, TextBlock } from './types';

const XLSX_FORMAT = { label: 'Excel workbook', requiredPart: 'xl/workbook.xml', legacyStreams: ['Workbook', 'Book'] };

export async function parseXlsx(bytes: Buffer, fileName: string): Promise<{ blocks: TextBlock[]; tables: TableBlock[] }> {
  guardOfficePackage(bytes, fileName, XLSX_FORMAT);
  const workbook = new ExcelJS.Workbook();
  // exceljs' typings want its own Buffer flavour; a Node Buffer is what it reads at run time.
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const blocks: TextBlock[] = [];
  const tables: TableBlock[] = [];
  for (const sheet of workbook.worksheets) readSheet(sheet, blocks, tables);
  return { blocks, tables };
}

function readSheet(sheet: Worksheet, blocks: TextBlock[], tables: TableBlock[]): void {
  const name = sheet.name;
  const rows: Array<{ number: number; cells: string[] }> = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c)));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (!cells.some(hasText)) return;
    rows.push({ number: rowNumber, cells });
    width = Math.max(width, cells.length);
  });

  const headerIndex = rows.findIndex((r) => r.cells.filter(hasText).length >= 2);
  const before = headerIndex < 0 ? rows : rows.slice(0, headerIndex);
  for (const r of before) {
    blocks.push({ kind: 'paragraph', text: r.cells.filter(hasText).join(' '), location: { sheet: name, row: r.number }, headingPath: [name] });
  }
  const header = rows[headerIndex];
  if (!header) return;

  const headers = alignCells(header.cells.map(unquoteHeader), width);
  const body: TableRow[] = rows.slice(headerIndex + 1).map((r) => ({
    cells: alignCells(r.cells, width),
    location: { sheet: name, row: r.number },
  }));
  tables.push({ headers, rows: body, location: { sheet: name, row: header.number }, headingPath: [name] });
}

/** `"Standard Name"` (quotes left over from a CSV import) -> `Standard Name`. */
function unquoteHeader(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).trim() : text;
}

export function cellText(cell: Cell): string {
  const numFmt = typeof cell.numFmt === 'string' ? cell.numFmt : '';
  return cleanText(valueText(cell.value, numFmt));
}

function valueText(value: CellValue | undefined, numFmt: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return richOrPlain(value.text);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined) return '';
    if (typeof result === 'object' && !(result instanceof Date)) return result.error;
    return valueText(result, numFmt);
  }
  if ('error' in value) return value.error;
  return '';
}

/** Hyperlink text is sometimes itself a rich-text value. */
function richOrPlain(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object' && 'richText' in text && Array.isArray(text.richText)) {
    return text.richText.map((run: unknown) => (run && typeof run === 'object' && 'text' in run ? String(run.text) : '')).join('');
  }
  return '';
}

function numberText(value: number, numFmt: string): string {
  if (!Number.isFinite(value)) return String(value);
  // Percent formats ("0%", "0.0%") display 0.13 as 13%: keep what the reader sees.
  if (/%/.test(numFmt.replace(/"[^"]*"/g, ''))) return `${tidy(value * 100)}%`;
  return tidy(value);
}

/** Drops binary floating-point noise (0.1 + 0.2 -> "0.3"). */
function tidy(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
