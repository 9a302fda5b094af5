// Page layout for the PDF parser: positioned text items -> lines (by baseline) split into
// column segments (by wide horizontal gaps); running headers/footers; heading font sizes.

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A run of text on a line with no wide gap inside it: a table cell, or the whole line. */
export interface Segment {
  text: string;
  x0: number;
  x1: number;
}

export interface PdfLine {
  /** The segments joined by single spaces. */
  text: string;
  /** Largest font height on the line. */
  size: number;
  segments: Segment[];
  x0: number;
  y: number;
}

/** A gap wider than this many font heights separates columns rather than words. */
const COLUMN_GAP_EM = 1;
/** A gap wider than this separates words (items are often split mid-word at ligatures). */
const WORD_GAP_EM = 0.15;

/** Groups items whose baselines are within half a font height, left to right, top to bottom. */
export function assembleLines(items: PdfItem[]): PdfLine[] {
  const visible = items.filter((it) => it.str.trim() !== '');
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfItem[][] = [];
  let current: PdfItem[] = [];
  let baseline = Number.NaN;
  for (const item of sorted) {
    const tolerance = Math.max(1, Math.min(item.height || 10, current[0]?.height || 10) * 0.5);
    if (current.length > 0 && Math.abs(item.y - baseline) <= tolerance) {
      current.push(item);
    } else {
      if (current.length > 0) groups.push(current);
      current = [item];
      baseline = item.y;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups.map(toLine);
}

function toLine(group: PdfItem[]): PdfLine {
  group.sort((a, b) => a.x - b.x);
  const segments: Segment[] = [];
  let size = 0;
  for (const item of group) {
    const em = item.height || 10;
    size = Math.max(size, item.height);
    const last = segments[segments.length - 1];
    const gap = last ? item.x - last.x1 : Number.POSITIVE_INFINITY;
    if (last && gap <= em * COLUMN_GAP_EM) {
      const space = gap > em * WORD_GAP_EM && !/\s$/.test(last.text) && !/^\s/.test(item.str);
      last.text += (space ? ' ' : '') + item.str;
      last.x1 = Math.max(last.x1, item.x + item.width);
    } else {
      segments.push({ text: item.str, x0: item.x, x1: item.x + item.width });
    }
  }
  for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
  return {
    text: segments.map((s) => s.text).join(' '),
    size,
    segments,
    x0: segments[0]?.x0 ?? 0,
    y: group[0]?.y ?? 0,
  };
}

/** Rounds a font size so that 10.8 and 10.79 count as the same size. */
export function roundSize(size: number): number {
  return Math.round(size * 2) / 2;
}

/**
 * Indexes (per page) of running headers and footers: first or last lines whose text, with digits
 * ignored, recurs in that position on at least half of the pages (and on at least three).
 */
export function runningLines(pages: PdfLine[][]): Set<number>[] {
  const skip = pages.map(() => new Set<number>());
  if (pages.length < 3) return skip;
  const key = (line: PdfLine | undefined): string | null => (line ? line.text.replace(/\d+/g, '#') : null);
  for (const position of ['first', 'last'] as const) {
    const counts = new Map<string, number>();
    const keys = pages.map((lines) => key(position === 'first' ? lines[0] : lines[lines.length - 1]));
    for (const k of keys) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    keys.forEach((k, p) => {
      const count = k === null ? 0 : (counts.get(k) ?? 0);
      const lines = pages[p] ?? [];
      if (count >= 3 && count >= pages.length / 2) skip[p]?.add(position === 'first' ? 0 : lines.length - 1);
    });
  }
  return skip;
}

/**
 * Font sizes used for headings, largest first -> level 1, 2, ... A size counts as a heading size
 * when it is at least 25% above the body size (the size carrying most characters) and carries far
 * fewer characters than the body.
 */
export function headingSizes(pages: PdfLine[][]): Map<number, number> {
  const chars = new Map<number, number>();
  for (const line of pages.flat()) {
    const size = roundSize(line.size);
    chars.set(size, (chars.get(size) ?? 0) + line.text.length);
  }
  let body = 0;
  let bodyChars = 0;
  for (const [size, count] of chars) {
    if (count > bodyChars) {
      body = size;
      bodyChars = count;
    }
  }
  const sizes = [...chars.entries()]
    .filter(([size, count]) => size >= body * 1.25 && count < bodyChars * 0.2)
    .map(([size]) => size)
    .sort((a, b) => b - a)
    .slice(0, 6);
  return new Map(sizes.map((size, i) => [size, i + 1]));
}

/** A heading-sized line that reads like a title: one segment, short, mostly letters. */
export function looksLikeHeading(line: PdfLine): boolean {
  if (line.segments.length !== 1 || line.text.length > 120) return false;
  const letters = (line.text.match(/\p{L}/gu) ?? []).length;
  const visible = line.text.replace(/\s/g, '').length;
  return letters >= 3 && letters >= visible * 0.5;
}
