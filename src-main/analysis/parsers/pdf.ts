// PDF: the text of each page (pdfjs-dist), reassembled into lines by vertical position, then read
// like text lines (so "# Heading", banners and bullets in a PDF printed from text keep their
// meaning). Layout adds what text cannot say: lines in a clearly larger font are headings, aligned
// columns are tables, running headers and footers are dropped. Locations are {page, line}, the
// line counted within its page (running headers included, so counting on the page matches).

import { createRequire } from 'node:module';
import path from 'node:path';
import { BlockSink } from './headings';
import { reasonOf } from './limits';
import { parseLines } from './markdown';
import type { LinePreset } from './markdown';
import { assembleLines, headingSizes, looksLikeHeading, roundSize, runningLines } from './pdf-layout';
import type { PdfItem, PdfLine } from './pdf-layout';
import { detectTables } from './pdf-tables';
import { DocumentParseError } from './types';
import type { ParsedDocument } from './types';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;

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
    const pages: PdfLine[][] = [];
    for (let p = 1; p <= doc.numPages; p += 1) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const transform = it.transform as number[];
        // Rotated or skewed text would need its own geometry; read it as it comes.
        items.push({ str: it.str, x: transform[4] ?? 0, y: transform[5] ?? 0, width: it.width, height: it.height || Math.abs(transform[3] ?? 0) });
      }
      pages.push(assembleLines(items));
      page.cleanup();
    }
    const sink = new BlockSink();
    const skip = runningLines(pages);
    const tablePresets = detectTables(pages, skip);
    const levels = headingSizes(pages);
    pages.forEach((lines, p) => {
      const presets = new Map<number, LinePreset>(tablePresets[p]);
      for (const i of skip[p] ?? []) presets.set(i, { kind: 'skip' });
      lines.forEach((line, i) => {
        const level = levels.get(roundSize(line.size));
        if (level !== undefined && !presets.has(i) && looksLikeHeading(line)) presets.set(i, { kind: 'heading', level });
      });
      readPage(lines, p + 1, presets, sink);
    });
    return { kind: 'pdf', pageCount: doc.numPages, blocks: sink.blocks, tables: sink.tables };
  } finally {
    await doc.destroy();
  }
}

/**
 * Feeds a page's lines to the text reader with what layout shows and text lines cannot: a blank
 * line where the vertical gap is wide, and indentation from the left margin (for nested bullets).
 */
function readPage(lines: PdfLine[], page: number, presets: Map<number, LinePreset>, sink: BlockSink): void {
  const margin = Math.min(...lines.map((l) => l.x0));
  const texts: string[] = [];
  const numbers: number[] = [];
  const shifted = new Map<number, LinePreset>();
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    if (previous && previous.y - line.y > Math.max(previous.size, line.size) * 1.8) {
      texts.push('');
      numbers.push(0);
    }
    const em = line.size || 10;
    const indent = Math.min(40, Math.max(0, Math.round((line.x0 - margin) / (em * 0.5))));
    const preset = presets.get(i);
    if (preset) shifted.set(texts.length, preset);
    texts.push(' '.repeat(indent) + line.text);
    numbers.push(i + 1);
  });
  parseLines(texts, sink, (k) => ({ page, line: numbers[k] ?? 0 }), shifted);
}

function pdfError(error: unknown, fileName: string): DocumentParseError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new DocumentParseError(`${fileName} is password-protected (encrypted PDF).`, 'encrypted_file');
  }
  return new DocumentParseError(`${fileName} is not a readable PDF: ${reasonOf(error)}`, 'corrupt_file');
}
