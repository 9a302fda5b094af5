// Helpers for extractor tests: sample documents through the real parser, and fact look-ups.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocumentKind } from '../../../src-shared/domain';
import { extractFacts } from '../../../src-main/analysis/extract';
import { canonicalSubjectName } from '../../../src-main/analysis/knowledge/aliases';
import type { ExtractedFact, FactValue } from '../../../src-main/analysis/extract/types';
import { parseDocument } from '../../../src-main/analysis/parsers';
import type { ParsedDocument, SourceLocation, TableRow } from '../../../src-main/analysis/parsers/types';
import { sample } from '../../support/paths';

const KIND: Record<string, DocumentKind> = { md: 'markdown', txt: 'text', csv: 'csv', pdf: 'pdf', docx: 'docx', xlsx: 'xlsx' };

/** Parses a sample file (path under ../shared/samples) with the real parser. */
export async function parseSample(...parts: string[]): Promise<ParsedDocument> {
  const file = sample(...parts);
  const kind = KIND[path.extname(file).slice(1).toLowerCase()];
  if (!kind) throw new Error(`no document kind for ${file}`);
  return parseDocument(await readFile(file), kind, path.basename(file));
}

export async function factsOf(...parts: string[]): Promise<ExtractedFact[]> {
  return extractFacts(await parseSample(...parts));
}

/** The value as comparable text: numbers as digits, booleans as true/false. */
export function show(value: FactValue): string {
  switch (value.type) {
    case 'text':
      return value.text;
    case 'date':
      return value.date;
    case 'boolean':
      return String(value.bool);
    default:
      return String(value.number);
  }
}

/** Subjects compared as the runner keys them: by canonical name ("SFDC" is Salesforce). */
function sameSubject(f: ExtractedFact, name: string): boolean {
  return f.subject !== null && canonicalSubjectName(f.subject.kind, f.subject.name) === canonicalSubjectName(f.subject.kind, name);
}

export function values(facts: readonly ExtractedFact[], attribute: string, subjectName?: string): string[] {
  return facts.filter((f) => f.attribute === attribute && (subjectName === undefined || sameSubject(f, subjectName))).map((f) => show(f.value));
}

export function numbers(facts: readonly ExtractedFact[], attribute: string): number[] {
  return facts.filter((f) => f.attribute === attribute).flatMap((f) => ('number' in f.value ? [f.value.number] : []));
}

/** A hand-made document: prose lines (with optional headings) and pipe-free tables. */
export function doc(lines: ReadonlyArray<string | { heading: string; level?: number }>, tables: ParsedDocument['tables'] = []): ParsedDocument {
  const blocks: ParsedDocument['blocks'] = [];
  const path: Array<{ text: string; level: number }> = [];
  lines.forEach((line, i) => {
    const location: SourceLocation = { line: i + 1 };
    if (typeof line === 'string') {
      blocks.push({ kind: 'list_item', text: line, location, headingPath: path.map((h) => h.text) });
      return;
    }
    const level = line.level ?? 2;
    while (path.length > 0 && (path[path.length - 1]?.level ?? 0) >= level) path.pop();
    blocks.push({ kind: 'heading', text: line.heading, location, headingPath: path.map((h) => h.text), level });
    path.push({ text: line.heading, level });
  });
  return { kind: 'markdown', pageCount: null, blocks, tables };
}

export function table(headers: string[], rows: string[][], headingPath: string[] = [], firstLine = 100): ParsedDocument['tables'][number] {
  const tableRows: TableRow[] = rows.map((cells, i) => ({ cells, location: { line: firstLine + 2 + i } }));
  return { headers, rows: tableRows, location: { line: firstLine }, headingPath };
}
