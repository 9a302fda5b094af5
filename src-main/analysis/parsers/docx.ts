// DOCX: mammoth converts the document to simple HTML (which keeps real tables); a small walk over
// its tokens yields headings, paragraphs (one per line break, like source lines elsewhere), list
// items and tables. DOCX has no lines or pages to cite, so locations carry the nearest heading
// (`section`) and, for table rows, the row's 1-based position in its table (header row = 1).

import mammoth from 'mammoth';
import { cleanText, hasText } from './clean';
import { BlockSink, alignCells } from './headings';
import { tokenizeHtml } from './html';
import type { HtmlToken } from './html';
import { guardOfficePackage } from './zip-guard';
import type { TableBlock, TextBlock } from './types';

const DOCX_FORMAT = { label: 'Word document', requiredPart: 'word/document.xml', legacyStreams: ['WordDocument'] };
const HEADING = /^h([1-6])$/;
/** A paragraph line typed as a bullet ("- item", "• item") rather than made a Word list. */
const TYPED_BULLET = /^(?:[-*•‣▪◦]|\d{1,3}[.)])\s+/;

export async function parseDocx(bytes: Buffer, fileName: string): Promise<{ blocks: TextBlock[]; tables: TableBlock[] }> {
  guardOfficePackage(bytes, fileName, DOCX_FORMAT);
  const result = await mammoth.convertToHtml(
    { buffer: bytes },
    // Images are irrelevant here; do not inline them as base64.
    { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
  );
  return readMammothHtml(result.value);
}

interface OpenBlock {
  kind: 'heading' | 'paragraph' | 'list_item';
  level: number;
  /** Text between line breaks. */
  lines: string[];
}

interface OpenTable {
  rows: string[][];
  row: string[] | null;
  cell: string | null;
}

/** Reads mammoth's HTML (exported for tests). */
export function readMammothHtml(html: string): { blocks: TextBlock[]; tables: TableBlock[] } {
  return walk(tokenizeHtml(html));
}

function walk(tokens: HtmlToken[]): { blocks: TextBlock[]; tables: TableBlock[] } {
  const sink = new BlockSink();
  const tables: OpenTable[] = [];
  let block: OpenBlock | null = null;
  let listDepth = 0;

  const flush = (): void => {
    if (block) emitBlock(sink, block);
    block = null;
  };
  const append = (text: string): void => {
    const table = tables[tables.length - 1];
    if (table) {
      if (table.cell !== null) table.cell += text;
      return;
    }
    block ??= { kind: 'paragraph', level: 0, lines: [''] };
    block.lines[block.lines.length - 1] += text;
  };

  for (const token of tokens) {
    if (token.type === 'text') {
      append(token.text);
      continue;
    }
    const { tag } = token;
    const table = tables[tables.length - 1];
    if (token.type === 'open') {
      const heading = HEADING.exec(tag);
      if (tag === 'table') {
        if (!table) flush();
        tables.push({ rows: [], row: null, cell: null });
      } else if (table) {
        if (tag === 'tr') table.row = [];
        else if (tag === 'td' || tag === 'th') table.cell = '';
        else if (tag === 'p' || tag === 'br' || tag === 'li') append(' ');
      } else if (heading?.[1]) {
        flush();
        block = { kind: 'heading', level: Number(heading[1]), lines: [''] };
      } else if (tag === 'p') {
        if (block?.kind !== 'list_item') flush();
        block ??= { kind: 'paragraph', level: 0, lines: [''] };
      } else if (tag === 'li') {
        flush();
        block = { kind: 'list_item', level: Math.max(0, listDepth - 1), lines: [''] };
      } else if (tag === 'ul' || tag === 'ol') {
        flush();
        listDepth += 1;
      } else if (tag === 'br') {
        if (block) block.lines.push('');
      }
      continue;
    }
    // Closing tags.
    if (tag === 'table') {
      const done = tables.pop();
      if (!done) continue;
      const outer = tables[tables.length - 1];
      if (outer) {
        // A nested table is flattened into the enclosing cell.
        if (outer.cell !== null) outer.cell += ` ${done.rows.map((r) => r.join(' ; ')).join(' ; ')} `;
      } else {
        emitTable(sink, done.rows);
      }
    } else if (table) {
      if ((tag === 'td' || tag === 'th') && table.row && table.cell !== null) {
        table.row.push(cleanText(table.cell));
        table.cell = null;
      } else if (tag === 'tr' && table.row) {
        table.rows.push(table.row);
        table.row = null;
      }
    } else if (HEADING.test(tag) || tag === 'li' || (tag === 'p' && block?.kind !== 'list_item')) {
      flush();
    } else if (tag === 'ul' || tag === 'ol') {
      flush();
      listDepth = Math.max(0, listDepth - 1);
    }
  }
  flush();
  return { blocks: sink.blocks, tables: sink.tables };
}

function emitBlock(sink: BlockSink, block: OpenBlock): void {
  if (block.kind === 'heading') {
    const text = cleanText(block.lines.join(' '));
    if (hasText(text)) sink.heading(block.level, text, {});
    return;
  }
  block.lines.forEach((line, index) => {
    const text = cleanText(line.replace(/↑/g, ''));
    if (!hasText(text)) return;
    if (block.kind === 'list_item' && index === 0) {
      sink.text('list_item', text, {}, block.level);
    } else if (TYPED_BULLET.test(text)) {
      sink.text('list_item', text.replace(TYPED_BULLET, ''), {}, block.kind === 'list_item' ? block.level + 1 : 0);
    } else {
      sink.text('paragraph', text, {});
    }
  });
}

function emitTable(sink: BlockSink, rows: string[][]): void {
  const kept = rows.map((cells, i) => ({ cells, row: i + 1 })).filter((r) => r.cells.some(hasText));
  const width = Math.max(0, ...kept.map((r) => r.cells.length));
  const [header, ...body] = kept;
  if (!header) return;
  if (width < 2) {
    // A one-column table is a layout box, not data: read its cells as paragraphs.
    for (const r of kept) for (const cell of r.cells) if (hasText(cell)) sink.text('paragraph', cell, {});
    return;
  }
  sink.table(
    alignCells(header.cells, width),
    body.map((r) => ({ cells: alignCells(r.cells, width), location: sink.rowLocation({ row: r.row }) })),
    {},
  );
}
