import type ExcelJS from 'exceljs';
import type { CellValue, Fill, Font } from 'exceljs';

// How every sheet of the export workbook is written: a styled, frozen header row, an autofilter
// over the data, fixed column widths and formats, rows committed one by one (streaming).

export interface SheetColumn<T> {
  header: string;
  width: number;
  value: (row: T) => CellValue | undefined;
  /** Excel number format for the whole column (dates, counts); a cell may set its own with `cellFormat`. */
  numFmt?: string;
  cellFormat?: (row: T) => string | undefined;
  /** Long text: wrapped, aligned to the top. */
  wrap?: boolean;
  /** Coloured like a severity (the cell's text is a severity label). */
  severity?: boolean;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const COUNT_FORMAT = '#,##0';

const HEADER_FONT: Partial<Font> = { bold: true };
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
// Readable printed in grey as well: the label itself says the severity; the colour only helps.
const SEVERITY_STYLE: Record<string, { fill: Fill; font: Partial<Font> }> = {
  Critical: { fill: solid('FFC00000'), font: { bold: true, color: { argb: 'FFFFFFFF' } } },
  High: { fill: solid('FFF4B183'), font: { bold: true } },
  Medium: { fill: solid('FFFFE699'), font: {} },
  Low: { fill: solid('FFE2EFDA'), font: {} },
};

function solid(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

// Characters XML 1.0 cannot carry (a hostile document may contain them): dropped, not escaped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Excel's limit for one cell's text. */
const MAX_CELL = 32_000;

export function cleanText(text: string): string {
  const clean = text.replace(NOT_XML, '');
  return clean.length > MAX_CELL ? `${clean.slice(0, MAX_CELL - 1)}…` : clean;
}

const BACKLOG_BYTES = 4 << 20;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Backpressure between batches of rows, so memory stays flat on large rooms: exceljs hands a
 * sheet's XML to the zip's compressor without waiting for it, so this waits while the compressor
 * has more than a few megabytes queued (or has not started on the sheet yet). Bounded: a stream
 * that never drains slows the export down but cannot hang it.
 */
async function drain(sheet: ExcelJS.Worksheet): Promise<void> {
  // exceljs internals: the worksheet's stream buffer, piped by archiver into a PassThrough
  // (readable-stream's, so its queue is in _writableState) that the zip reads when it reaches the sheet.
  type Queue = { writableLength?: number; _writableState?: { length?: number } };
  const stream = (sheet as unknown as { stream?: { pipes?: Queue[] } }).stream;
  for (let waited = 0; waited < 400; waited++) {
    const queue = stream?.pipes?.[0];
    const queued = queue ? (queue.writableLength ?? queue._writableState?.length) : undefined;
    if (queued !== undefined && queued < BACKLOG_BYTES) return;
    await pause(waited === 0 ? 0 : 5);
  }
}

/** Writes one sheet and commits it; returns its number of data rows (the header not counted). */
export async function writeSheet<T>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: Array<SheetColumn<T>>, rows: Iterable<T>): Promise<number> {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.columns = columns.map((c) => ({
    width: c.width,
    style: { ...(c.numFmt ? { numFmt: c.numFmt } : {}), ...(c.wrap ? { alignment: { wrapText: true, vertical: 'top' as const } } : { alignment: { vertical: 'top' as const } }) },
  }));
  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.alignment = { vertical: 'middle', wrapText: true };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  let count = 0;
  for (const item of rows) {
    const values = columns.map((c) => {
      const value = c.value(item);
      return typeof value === 'string' ? cleanText(value) : (value ?? null);
    });
    const row = sheet.addRow(values);
    columns.forEach((c, i) => {
      const format = c.cellFormat?.(item);
      if (format) row.getCell(i + 1).numFmt = format;
      const style = c.severity ? SEVERITY_STYLE[String(values[i])] : undefined;
      if (style) {
        row.getCell(i + 1).fill = style.fill;
        row.getCell(i + 1).font = style.font;
      }
    });
    row.commit();
    if (++count % 1000 === 0) await drain(sheet);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: columns.length } };
  sheet.commit();
  return count;
}
