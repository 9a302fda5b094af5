// Markdown and plain text: headings (ATX `#`, setext/banner underlines, ALL-CAPS "LABEL:" lines),
// one paragraph block per source line, list items and pipe tables, each with its exact line number.

import { cleanText, hasText } from './clean';
import { BlockSink, alignCells } from './headings';
import type { SourceLocation, TableRow } from './types';

/** Level given to an all-caps "LABEL:" line: below every Markdown heading level. */
const CAPS_HEADING_LEVEL = 7;

const BLOCKQUOTE = /^\s{0,3}(?:>\s?)+/;
const ATX_HEADING = /^\s{0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const RULE = /^\s{0,3}([-*_=~])(?:[ \t]*\1){2,}[ \t]*$/;
const UNDERLINE = /^\s{0,3}(={3,}|-{3,})\s*$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^(\s*)(?:[-*+•●▪◦‣]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const COMMENT_START = /^\s*<!--/;

/** What a caller (the PDF parser) already knows about a line from its layout. */
export type LinePreset =
  | { kind: 'heading'; level: number }
  | { kind: 'skip' }
  | { kind: 'table'; headers: string[]; rows: TableRow[] };

export interface LineDocument {
  blocks: BlockSink['blocks'];
  tables: BlockSink['tables'];
}

/** Parses Markdown or plain text (already decoded, byte-order mark removed). */
export function parseMarkdownText(text: string): LineDocument {
  const sink = new BlockSink();
  parseLines(text.split(/\r\n|\r|\n/), sink, (index) => ({ line: index + 1 }));
  return { blocks: sink.blocks, tables: sink.tables };
}

/**
 * Reads `source` lines into `sink`. `locate` gives the location of a line by its 0-based index;
 * `presets` optionally says what some lines are already known to be (by index), as the PDF parser
 * knows from layout: headings (font size), tables (column alignment), lines to skip (running
 * headers and footers, rows of a table preset on an earlier line).
 */
export function parseLines(
  source: string[],
  sink: BlockSink,
  locate: (index: number) => SourceLocation,
  presets: ReadonlyMap<number, LinePreset> = new Map(),
): void {
  // Blockquote markers are dropped: a quoted line is read like any other.
  const lines = source.map((l) => l.replace(BLOCKQUOTE, ''));
  const listIndents: number[] = [];
  let fence: string | null = null;
  /** Whether the previous non-consumed line was blank, a rule or a heading (setext needs that). */
  let afterBreak = true;

  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const at = locate(i);

    const preset = presets.get(i);
    if (preset?.kind === 'skip') continue;
    if (preset) {
      if (preset.kind === 'heading') {
        const title = cleanText(line, { markdown: true });
        if (hasText(title)) sink.heading(preset.level, title, at);
      } else {
        sink.table(preset.headers, preset.rows.map((r) => ({ cells: r.cells, location: sink.rowLocation(r.location) })), at);
      }
      afterBreak = true;
      listIndents.length = 0;
      continue;
    }

    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null;
      else paragraph(sink, cleanText(line), at);
      continue;
    }
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch?.[1]) {
      fence = fenceMatch[1];
      afterBreak = true;
      continue;
    }
    if (line.trim() === '') {
      afterBreak = true;
      continue;
    }
    if (COMMENT_START.test(line)) {
      i = skipComment(lines, i);
      afterBreak = true;
      continue;
    }
    if (RULE.test(line)) {
      afterBreak = true;
      listIndents.length = 0;
      continue;
    }

    const atx = ATX_HEADING.exec(line);
    if (atx?.[1]) {
      const title = cleanText(atx[2] ?? '', { markdown: true });
      if (hasText(title)) sink.heading(atx[1].length, title, at);
      afterBreak = true;
      listIndents.length = 0;
      continue;
    }

    const next = lines[i + 1];
    if (next !== undefined && line.includes('|') && (isSeparator(next) || (isPipeRow(line) && isPipeRow(next)))) {
      i = parseTable(lines, i, sink, locate);
      afterBreak = true;
      listIndents.length = 0;
      continue;
    }

    const item = LIST_ITEM.exec(line);
    if (item) {
      const indent = width(item[1] ?? '');
      while (listIndents.length > 0 && (listIndents[listIndents.length - 1] ?? 0) > indent) listIndents.pop();
      if (listIndents.length === 0 || (listIndents[listIndents.length - 1] ?? 0) < indent) listIndents.push(indent);
      const itemText = cleanText(item[2] ?? '', { markdown: true });
      if (hasText(itemText)) sink.text('list_item', itemText, at, listIndents.length - 1);
      afterBreak = false;
      continue;
    }

    const cleaned = cleanText(line, { markdown: true });
    const underline = next === undefined ? null : UNDERLINE.exec(next);
    if (underline?.[1] && afterBreak && hasText(cleaned)) {
      // Setext heading, or a text-file banner: `====` / SECTION 1: ... / `====`.
      sink.heading(underline[1].startsWith('=') ? 1 : 2, cleaned, at);
      i += 1;
      afterBreak = true;
      listIndents.length = 0;
      continue;
    }
    if (isCapsLabel(cleaned)) {
      sink.heading(CAPS_HEADING_LEVEL, cleaned.replace(/\s*:$/, ''), at);
      afterBreak = true;
      listIndents.length = 0;
      continue;
    }

    if (width(/^\s*/.exec(line)?.[0] ?? '') === 0) listIndents.length = 0;
    paragraph(sink, cleaned, at);
    afterBreak = false;
  }
}

function paragraph(sink: BlockSink, text: string, at: SourceLocation): void {
  if (hasText(text)) sink.text('paragraph', text, at);
}

/** An all-caps line ending with a colon, e.g. `DOCUMENT METADATA:`. */
function isCapsLabel(text: string): boolean {
  if (!text.endsWith(':') || text.length > 80) return false;
  if (/\p{Ll}/u.test(text)) return false;
  return (text.match(/\p{Lu}/gu) ?? []).length >= 2;
}

function width(indent: string): number {
  let w = 0;
  for (const ch of indent) w += ch === '\t' ? 4 : 1;
  return w;
}

function skipComment(lines: string[], start: number): number {
  for (let k = start; k < lines.length; k += 1) {
    if ((lines[k] ?? '').includes('-->')) return k;
  }
  return lines.length - 1;
}

function isSeparator(line: string): boolean {
  return line.includes('|') && line.includes('-') && TABLE_SEPARATOR.test(line);
}

/** A line framed by pipes, `| a | b |`: a table row even without a separator line. */
function isPipeRow(line: string): boolean {
  const t = line.trim();
  return t.length > 2 && t.startsWith('|') && t.endsWith('|');
}

/** Parses the table whose header is at `start`; returns the index of its last line. */
function parseTable(lines: string[], start: number, sink: BlockSink, locate: (index: number) => SourceLocation): number {
  const headers = splitRow(lines[start] ?? '');
  let i = start + 1;
  if (isSeparator(lines[i] ?? '')) i += 1;
  const rows: TableRow[] = [];
  for (; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || !line.includes('|') || RULE.test(line)) break;
    if (isSeparator(line)) continue;
    const cells = alignCells(splitRow(line), headers.length);
    if (cells.some(hasText)) rows.push({ cells, location: sink.rowLocation(locate(i)) });
  }
  sink.table(headers, rows, locate(start));
  return i - 1;
}

/** Splits `| a | b \| c |` into cleaned cells, honouring escaped pipes. */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let k = 0; k < s.length; k += 1) {
    const ch = s[k];
    if (ch === '\\' && s[k + 1] === '|') {
      current += '|';
      k += 1;
    } else if (ch === '|') {
      cells.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current);
  return cells.map((c) => cleanText(c, { markdown: true }));
}
