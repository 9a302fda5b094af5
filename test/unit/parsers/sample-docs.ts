// Reading the shared sample documents through the public parser entry point.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { detectKind, parseDocument } from '../../../src-main/analysis/parsers/index';
import type { ParsedDocument, TableBlock } from '../../../src-main/analysis/parsers/index';
import { sample } from '../../support/paths';

export async function parseSample(...parts: string[]): Promise<ParsedDocument> {
  const file = sample(...parts);
  const kind = detectKind(file);
  if (!kind) throw new Error(`not a document: ${file}`);
  return parseDocument(readFileSync(file), kind, path.basename(file));
}

/** The sample's source lines (1-based line n is lines[n - 1]). */
export function sampleLines(...parts: string[]): string[] {
  return readFileSync(sample(...parts), 'utf8').split(/\r\n|\r|\n/);
}

export function tableWithHeader(doc: ParsedDocument, firstHeader: string): TableBlock {
  const table = doc.tables.find((t) => t.headers[0] === firstHeader);
  if (!table) throw new Error(`no table starting with ${firstHeader}`);
  return table;
}

/** Everything a parser produced, as one string, for "never contains" checks. */
export function allText(doc: ParsedDocument): string {
  return [
    ...doc.blocks.flatMap((b) => [b.text, ...b.headingPath, b.location.section ?? '']),
    ...doc.tables.flatMap((t) => [...t.headers, ...t.headingPath, ...t.rows.flatMap((r) => [...r.cells, r.location.section ?? ''])]),
  ].join('\n');
}
