import { describe, expect, it } from 'vitest';
import { DocumentParseError, parseDocument } from '../../../src-main/analysis/parsers/index';
import { MAX_CSV_FIELD_CHARS } from '../../../src-main/analysis/parsers/limits';
import { allText, parseSample, sampleLines } from './sample-docs';

function parseCsvText(text: string): ReturnType<typeof parseDocument> {
  return parseDocument(Buffer.from(text, 'utf8'), 'csv', 'data.csv');
}

describe('CSV parser', () => {
  it('reads the GSA standards list: 998 rows, byte-order mark stripped, records across lines', async () => {
    const doc = await parseSample('inventories', 'gsa_it_standards.csv');
    expect(doc.kind).toBe('csv');
    expect(doc.blocks).toEqual([]);
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0];
    expect(table?.headers).toEqual(['Standard Name', 'Description', 'Category', 'Status', 'Deployment Type', 'Approval Expiration Date']);
    expect(table?.location).toEqual({ row: 1, line: 1 });
    expect(table?.rows).toHaveLength(998);
    expect(table?.rows[0]?.location).toEqual({ row: 2, line: 2 });
    // Quoted fields with newlines make records span lines: the last record starts after line 999.
    const last = table?.rows[997];
    expect(last?.location.row).toBe(999);
    expect(last?.location.line).toBeGreaterThan(999);
    // Every record starts on the line it cites.
    const lines = sampleLines('inventories', 'gsa_it_standards.csv');
    for (const row of table?.rows ?? []) {
      const source = (lines[(row.location.line ?? 0) - 1] ?? '').replace(/^"/, '').replace(/\s+/g, ' ');
      expect(source.startsWith((row.cells[0] ?? '?').slice(0, 8))).toBe(true);
    }
    expect(allText(doc)).not.toMatch(/\uFEFF|â€/);
  });

  it('reads the NetBox inventories', async () => {
    expect((await parseSample('inventories', 'netbox_demo_devices.csv')).tables[0]?.rows).toHaveLength(72);
    expect((await parseSample('inventories', 'netbox_demo_virtual_machines.csv')).tables[0]?.rows).toHaveLength(180);
  });

  it('handles quoted commas, doubled quotes, embedded newlines, CRLF and short rows', async () => {
    const doc = await parseCsvText('\uFEFFName,Note,Cost\r\n"Smith, J","said ""hi""",10\r\nB,"two\r\nlines",20\r\n\r\nC,short\r\n');
    const table = doc.tables[0];
    expect(table?.headers).toEqual(['Name', 'Note', 'Cost']);
    expect(table?.rows.map((r) => [r.cells, r.location])).toEqual([
      [['Smith, J', 'said "hi"', '10'], { row: 2, line: 2 }],
      [['B', 'two lines', '20'], { row: 3, line: 3 }],
      [['C', 'short', ''], { row: 5, line: 6 }],
    ]);
  });

  it('detects semicolon and tab delimiters', async () => {
    expect((await parseCsvText('a;b;c\n1;2,5;3\n')).tables[0]?.rows[0]?.cells).toEqual(['1', '2,5', '3']);
    expect((await parseCsvText('a\tb\n1\t2\n')).tables[0]?.rows[0]?.cells).toEqual(['1', '2']);
  });

  it('refuses a field over the limit as too_large', async () => {
    const huge = `name,blob\nx,"${'y'.repeat(MAX_CSV_FIELD_CHARS + 10)}"\n`;
    const error = await parseCsvText(huge).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentParseError);
    expect((error as DocumentParseError).code).toBe('too_large');
    expect((error as DocumentParseError).message).toMatch(/field of 1,048,586 bytes at line 2, over the 1 MiB limit/);
  });

  it('reports an unclosed quote as corrupt_file', async () => {
    const error = await parseCsvText('a,b\n1,"never closed\n2,3\n').catch((e: unknown) => e);
    expect((error as DocumentParseError).code).toBe('corrupt_file');
    expect((error as DocumentParseError).message).toMatch(/never closed/);
  });
});
