// Simple table detection for PDFs: a header line of short, wordy column segments, followed by
// lines in the same font size whose segments fall under those columns (at least three rows for two
// columns, two for three, one for four or more).
// A table that runs to the end of a page continues on the next page when the next page's first
// lines fit its columns. Deliberately conservative: prose lines have one segment, and value/label
// "cards" alternate font sizes, so neither is mistaken for a table.

import { cleanText, hasText } from './clean';
import { alignCells } from './headings';
import type { LinePreset } from './markdown';
import type { PdfLine, Segment } from './pdf-layout';
import type { TableRow } from './types';

/** Rows a table needs, by its number of columns: the fewer the columns, the more evidence. */
function minRows(columns: number): number {
  return columns >= 4 ? 1 : columns === 3 ? 2 : 3;
}
const MAX_HEADER_CELL_CHARS = 40;

interface OpenTable {
  columns: Segment[];
  size: number;
  rows: TableRow[];
}

/**
 * Finds tables on every page. Returns, per page, presets for parseLines: the header line of each
 * table carries the table, its row lines are skipped. `skip` holds lines already excluded
 * (running headers and footers), which tables neither use nor interrupt on.
 */
export function detectTables(pages: PdfLine[][], skip: Set<number>[]): Map<number, LinePreset>[] {
  const presets = pages.map(() => new Map<number, LinePreset>());
  let carried: OpenTable | null = null;

  pages.forEach((lines, p) => {
    const page = p + 1;
    const pagePresets = presets[p] ?? new Map<number, LinePreset>();
    const skipped = skip[p] ?? new Set<number>();
    const content = lines.map((_, i) => i).filter((i) => !skipped.has(i));
    let k = 0;

    // A table left open at the bottom of the previous page may continue at the top of this one.
    const open = carried;
    carried = null;
    if (open) {
      while (k < content.length) {
        const i = content[k] ?? -1;
        const cells = rowCells(lines[i], open);
        if (!cells) break;
        open.rows.push({ cells, location: { page, line: i + 1 } });
        pagePresets.set(i, { kind: 'skip' });
        k += 1;
      }
      if (k >= content.length) carried = open;
    }

    while (k < content.length) {
      const headerIndex = content[k] ?? -1;
      const header = lines[headerIndex];
      if (!header || !isHeader(header)) {
        k += 1;
        continue;
      }
      const table: OpenTable = { columns: header.segments, size: header.size, rows: [] };
      const gaps: number[] = [];
      let previousY = header.y;
      let j = k + 1;
      for (; j < content.length; j += 1) {
        const i = content[j] ?? -1;
        const line = lines[i];
        const cells = rowCells(line, table);
        if (!line || !cells) break;
        // Rows come at a regular pitch: a much wider gap ends the table.
        const gap = previousY - line.y;
        const pitch = gaps[gaps.length - 1];
        if (pitch !== undefined && gap > pitch * 1.6) break;
        gaps.push(gap);
        previousY = line.y;
        table.rows.push({ cells, location: { page, line: i + 1 } });
      }
      // A header set well apart from the rows below it is a caption, not this table's header.
      const detached = gaps.length >= 2 && (gaps[0] ?? 0) > (gaps[1] ?? 0) * 1.6;
      if (detached || table.rows.length < minRows(table.columns.length)) {
        k += 1;
        continue;
      }
      pagePresets.set(headerIndex, {
        kind: 'table',
        headers: header.segments.map((s) => cleanText(s.text)),
        rows: table.rows,
      });
      for (let r = k + 1; r < j; r += 1) pagePresets.set(content[r] ?? -1, { kind: 'skip' });
      if (j >= content.length) carried = table;
      k = j;
    }
  });
  return presets;
}

function isHeader(line: PdfLine): boolean {
  if (line.segments.length < 2) return false;
  return line.segments.every((s) => s.text.length <= MAX_HEADER_CELL_CHARS && /\p{L}{2}/u.test(s.text));
}

/** The line's cells under the table's columns, or null when the line does not fit the table. */
function rowCells(line: PdfLine | undefined, table: OpenTable): string[] | null {
  if (!line || line.segments.length < 2 || line.segments.length > table.columns.length) return null;
  if (Math.abs(line.size - table.size) > table.size * 0.15) return null;
  const cells = table.columns.map(() => '');
  for (const segment of line.segments) {
    const column = columnOf(segment, table.columns);
    if (column < 0) return null;
    cells[column] = cells[column] ? `${cells[column]} ${segment.text}` : segment.text;
  }
  const cleaned = cells.map((c) => cleanText(c));
  return cleaned.some(hasText) ? alignCells(cleaned, table.columns.length) : null;
}

/**
 * The column whose zone (from its header's left edge to the next header's left edge) overlaps the
 * segment most; -1 when the segment starts left of the table.
 */
function columnOf(segment: Segment, columns: Segment[]): number {
  const first = columns[0];
  if (!first || segment.x1 < first.x0 - 2) return -1;
  let best = -1;
  let bestOverlap = Number.NEGATIVE_INFINITY;
  columns.forEach((column, c) => {
    const start = c === 0 ? Number.NEGATIVE_INFINITY : column.x0;
    const end = columns[c + 1]?.x0 ?? Number.POSITIVE_INFINITY;
    const overlap = Math.min(segment.x1, end) - Math.max(segment.x0, start);
    if (overlap > bestOverlap) {
      best = c;
      bestOverlap = overlap;
    }
  });
  return best;
}
