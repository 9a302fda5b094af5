import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src-main/analysis/parsers/index';
import type { ParsedDocument } from '../../../src-main/analysis/parsers/index';
import { allText, parseSample, sampleLines, tableWithHeader } from './sample-docs';

const APP_INVENTORY = ['great-insurance', 'Great_Insurance_Document_2_Application_Inventory.md'] as const;

function parseMd(text: string, kind: 'markdown' | 'text' = 'markdown'): Promise<ParsedDocument> {
  return parseDocument(Buffer.from(text, 'utf8'), kind, kind === 'text' ? 'notes.txt' : 'notes.md');
}

describe('Markdown parser on the insurer application inventory', () => {
  it('reads the 33-application table with clean cells and exact lines', async () => {
    const doc = await parseSample(...APP_INVENTORY);
    expect(doc.kind).toBe('markdown');
    expect(doc.pageCount).toBeNull();
    const table = tableWithHeader(doc, 'Application');
    expect(table.headers.slice(0, 8)).toEqual(['Application', 'Vendor', 'Category', 'Version', 'Hosting', 'Users', 'Annual Cost', 'Criticality']);
    expect(table.headers).toHaveLength(11);
    expect(table.rows).toHaveLength(33);
    expect(table.rows[0]?.cells.slice(0, 8)).toEqual(['Duck Creek Policy', 'Duck Creek', 'Policy Administration', '12', 'On Prem', '1,407', '$546,257', 'CRITICAL']);
    expect(table.rows[32]?.cells[0]).toBe('Zerto');
    // Emphasis stripped inside cells: "**Y — Day-180**" and "**<90d**".
    const netcracker = table.rows.find((r) => r.cells[0] === 'Netcracker Revenue Management');
    expect(netcracker?.cells[9]).toBe('Y — Day-180');

    const lines = sampleLines(...APP_INVENTORY);
    const headerLine = lines.findIndex((l) => l.startsWith('| Application | Vendor |')) + 1;
    expect(table.location.line).toBe(headerLine);
    expect(table.rows[0]?.location.line).toBe(headerLine + 2);
    expect(lines[(table.rows[32]?.location.line ?? 0) - 1]).toMatch(/^\| Zerto \|/);
    expect(table.location.section).toMatch(/^Step 2 — Full Application Inventory/);
    expect(table.headingPath[0]).toMatch(/^Great Insurance — Document 2/);
  });

  it('never lets citation markers or private-use characters through', async () => {
    const doc = await parseSample(...APP_INVENTORY);
    const text = allText(doc);
    expect(text).not.toContain('filecite');
    expect(text).not.toMatch(/[\uE000-\uF8FF]/);
    for (const table of doc.tables) for (const row of table.rows) for (const cell of row.cells) expect(cell).not.toContain('filecite');
    const rollup = tableWithHeader(doc, 'Metric');
    expect(rollup.rows.map((r) => r.cells)).toContainEqual(['Total applications', '33']);
  });
});

describe('Text parser on the Atlas discovery memo', () => {
  it('gives exact line numbers and heading paths', async () => {
    const doc = await parseSample('atlas-v1', 'it_discovery.txt');
    const lines = sampleLines('atlas-v1', 'it_discovery.txt');
    const staff = doc.blocks.find((b) => b.text === 'Total IT Staff: 47 FTEs');
    expect(staff?.kind).toBe('list_item');
    expect(staff?.location.line).toBe(16);
    expect(lines[15]).toBe('- Total IT Staff: 47 FTEs');
    expect(staff?.headingPath).toEqual(['SECTION 1: EXECUTIVE IT OVERVIEW', 'IT Organization Summary']);
    expect(staff?.location.section).toBe('IT Organization Summary');
    // Every block's text is on the line it cites.
    for (const block of doc.blocks) {
      const source = lines[(block.location.line ?? 0) - 1] ?? '';
      expect(source.replace(/[*`]/g, '')).toContain(block.text.split(' ')[0]);
    }
  });

  it('reads ==== banners, ALL-CAPS labels and nested bullets', async () => {
    const doc = await parseSample('atlas-v1', 'it_discovery.txt');
    const headings = doc.blocks.filter((b) => b.kind === 'heading');
    const section2 = headings.find((b) => b.text === 'SECTION 2: INFRASTRUCTURE DETAILS');
    expect(section2?.level).toBe(1);
    expect(section2?.headingPath).toEqual([]);
    const metadata = headings.find((b) => b.text === 'DOCUMENT METADATA');
    expect(metadata?.headingPath).toEqual(['END OF DOCUMENT']);
    const nested = doc.blocks.find((b) => b.text === '3 AWS accounts (Prod, Dev, DR)');
    expect(nested?.level).toBe(1);
    expect(doc.tables.map((t) => t.headers[0])).toEqual(['Application', 'Application', 'Function', 'Vendor']);
  });

  it('treats a multi-line block between banners as paragraphs, not a heading', async () => {
    const doc = await parseSample('scenarios', 'scenario_2_legacy_nightmare.txt');
    const expected = doc.blocks.find((b) => b.text.startsWith('EXPECTED BEHAVIOR:'));
    expect(expected?.kind).toBe('paragraph');
    expect(doc.blocks.find((b) => b.text === 'SECTION 1: EXECUTIVE IT OVERVIEW')?.kind).toBe('heading');
    expect(tableWithHeader(doc, 'Role').rows.length).toBeGreaterThanOrEqual(5);
  });
});

describe('Markdown parser on small inputs', () => {
  it('reads headings, paragraphs, lists, quotes and key: value lines', async () => {
    const doc = await parseMd(['# Top', '', 'Intro **bold** line', '## Sub', '> - quoted item', '* star item', '  1. nested', 'Owner: Jane', 'Setext', '------', 'after'].join('\n'));
    expect(doc.blocks.map((b) => [b.kind, b.text, b.location.line])).toEqual([
      ['heading', 'Top', 1],
      ['paragraph', 'Intro bold line', 3],
      ['heading', 'Sub', 4],
      ['list_item', 'quoted item', 5],
      ['list_item', 'star item', 6],
      ['list_item', 'nested', 7],
      ['paragraph', 'Owner: Jane', 8],
      ['paragraph', 'Setext', 9],
      ['paragraph', 'after', 11],
    ]);
    expect(doc.blocks[5]?.level).toBe(1);
    expect(doc.blocks[6]?.headingPath).toEqual(['Top', 'Sub']);
  });

  it('reads a setext heading after a blank line', async () => {
    const doc = await parseMd('\nTitle\n=====\nbody');
    expect(doc.blocks.map((b) => [b.kind, b.text, b.location.line])).toEqual([
      ['heading', 'Title', 2],
      ['paragraph', 'body', 4],
    ]);
  });

  it('reads pipe tables: short rows padded, escaped pipes, no separator framed rows', async () => {
    const doc = await parseMd(['| A | B | C |', '|---|:-:|--:|', '| 1 | x \\| y |', '| 2 | `z` | **3** |', '', '| K | V |', '| k1 | v1 |'].join('\n'));
    expect(doc.tables).toHaveLength(2);
    expect(doc.tables[0]?.rows.map((r) => [r.cells, r.location.line])).toEqual([
      [['1', 'x | y', ''], 3],
      [['2', 'z', '3'], 4],
    ]);
    expect(doc.tables[1]?.headers).toEqual(['K', 'V']);
    expect(doc.tables[1]?.rows[0]?.cells).toEqual(['k1', 'v1']);
    expect(doc.blocks).toEqual([]);
  });

  it('keeps fenced code as paragraphs and skips comments and rules', async () => {
    const doc = await parseMd(['```', '# not a heading', '```', '<!-- hidden', 'still hidden -->', '***', 'text'].join('\n'));
    expect(doc.blocks.map((b) => [b.kind, b.text, b.location.line])).toEqual([
      ['paragraph', '# not a heading', 2],
      ['paragraph', 'text', 7],
    ]);
  });

  it('decodes UTF-16 with a byte-order mark and Windows-1252 text', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Héllo\nwörld', 'utf16le')]);
    const doc = await parseDocument(utf16, 'text', 'u16.txt');
    expect(doc.blocks.map((b) => b.text)).toEqual(['Héllo', 'wörld']);
    const cp1252 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x6f, 0x6b]);
    const legacy = await parseDocument(cp1252, 'text', 'legacy.txt');
    expect(legacy.blocks[0]?.text).toBe('café – ok');
  });
});
