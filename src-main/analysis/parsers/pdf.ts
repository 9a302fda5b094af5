// PDF: the text of each page (pdfjs-dist), reassembled into lines by vertical position, then read
// like text lines (so "# Heading", banners and bullets in a PDF printed from text keep their
// meaning). Lines set in a clearly larger font than the body become headings. Locations are
// {page, line} with the line counted within its page.

import { createRequire } from 'node:module';
import path from 'node:path';
import { BlockSink } from './headings';
import { reasonOf } from './limits';
import { parseLines } from './markdown';
import { DocumentParseError } from './types';
import type { ParsedDocument } from './types';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Line {
  text: string;
  /** Largest font height on the line. */
  size: number;
}

let pdfjsLoading: Promise<PdfJs> | null = null;

/**
 * Loads pdfjs with its worker code on this thread (no Worker, no worker file lookup at run time;
 * the analysis already runs off the main thread).
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return pdfjsLoading;
}

/** Font, CMap and wasm folders of the installed package (as directory URLs with a trailing slash). */
function assetOptions(): Record<string, string> {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const folder = (name: string): string => `${path.join(dir, name)}${path.sep}`;
    return { standardFontDataUrl: folder('standard_fonts'), cMapUrl: folder('cmaps'), wasmUrl: folder('wasm'), iccUrl: folder('iccs') };
  } catch {
    return {};
  }
}

export async function parsePdf(bytes: Buffer, fileName: string): Promise<ParsedDocument> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdfjs may take ownership of (detach) the array it is given: hand it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    ...assetOptions(),
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfError(error, fileName);
  }
  try {
    const pages: Line[][] = [];
    for (let p = 1; p <= doc.numPages; p += 1) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const transform = it.transform as number[];
        const x = transform[4] ?? 0;
        const y = transform[5] ?? 0;
        items.push({ str: it.str, x, y, width: it.width, height: it.height || Math.abs(transform[3] ?? 0) });
      }
      pages.push(assembleLines(items));
      page.cleanup();
    }
    const sink = new BlockSink();
    const headingLevels = headingSizes(pages);
    pages.forEach((lines, index) => {
      const known = new Map<number, number>();
      lines.forEach((line, i) => {
        const level = headingLevels.get(roundSize(line.size));
        if (level !== undefined && line.text.length <= 120 && /\p{L}{3}/u.test(line.text)) known.set(i, level);
      });
      parseLines(lines.map((l) => l.text), sink, (i) => ({ page: index + 1, line: i + 1 }), known);
    });
    return { kind: 'pdf', pageCount: doc.numPages, blocks: sink.blocks, tables: sink.tables };
  } finally {
    await doc.destroy();
  }
}

function pdfError(error: unknown, fileName: string): DocumentParseError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new DocumentParseError(`${fileName} is password-protected (encrypted PDF).`, 'encrypted_file');
  }
  return new DocumentParseError(`${fileName} is not a readable PDF: ${reasonOf(error)}`, 'corrupt_file');
}

/** Groups items whose baselines are within half a font height, left to right, top to bottom. */
export function assembleLines(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Item[][] = [];
  let current: Item[] = [];
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

  const lines: Line[] = [];
  for (const group of groups) {
    group.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    let size = 0;
    for (const item of group) {
      const gap = item.x - end;
      const spaceWidth = Math.max(1, (item.height || 10) * 0.15);
      if (text !== '' && gap > spaceWidth && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
      text += item.str;
      end = Math.max(end, item.x + item.width);
      if (item.str.trim() !== '') size = Math.max(size, item.height);
    }
    if (text.trim() !== '') lines.push({ text, size });
  }
  return lines;
}

function roundSize(size: number): number {
  return Math.round(size * 2) / 2;
}

/**
 * Font sizes used for headings, largest first -> level 1, 2, ... A size counts as a heading size
 * when it is at least 25% above the body size (the size carrying most characters) and is used for
 * far fewer characters than the body.
 */
function headingSizes(pages: Line[][]): Map<number, number> {
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
