import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src-main/analysis/parsers/index';
import { allText, parseSample, tableWithHeader } from './sample-docs';

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('XLSX parser on the insurer application inventory workbook', () => {
  it('yields the same 33 applications as the Markdown original', async () => {
    const xlsx = await parseSample('office-formats', 'Great_Insurance_Application_Inventory.xlsx');
    const md = await parseSample('great-insurance', 'Great_Insurance_Document_2_Application_Inventory.md');
    expect(xlsx.kind).toBe('xlsx');
    expect(xlsx.tables).toHaveLength(1);
    const sheet = xlsx.tables[0];
    const original = tableWithHeader(md, 'Application');
    expect(sheet?.headers).toEqual(original.headers);
    expect(sheet?.rows).toHaveLength(33);
    expect(sheet?.location).toEqual({ sheet: 'gi_app_inventory', row: 1 });
    expect(sheet?.headingPath).toEqual(['gi_app_inventory']);
    expect(sheet?.rows[0]?.location).toEqual({ sheet: 'gi_app_inventory', row: 2 });

    // Names, costs (stored as text in this workbook, so "$546,257" as in the Markdown),
    // criticality (citation markers stripped) and the other text columns match the original.
    const textColumns = [0, 1, 2, 4, 6, 7, 8, 9, 10];
    sheet?.rows.forEach((row, i) => {
      const expected = original.rows[i]?.cells ?? [];
      for (const c of textColumns) expect(row.cells[c]).toBe(expected[c]);
      // Users are numeric cells: plain numbers ("1407"), where the Markdown writes "1,407".
      expect(row.cells[5]).toBe((expected[5] ?? '').replace(/,/g, ''));
    });
    expect(sheet?.rows[0]?.cells.slice(0, 8)).toEqual(['Duck Creek Policy', 'Duck Creek', 'Policy Administration', '12', 'On Prem', '1407', '$546,257', 'CRITICAL']);
    expect(allText(xlsx)).not.toMatch(/filecite|[\uE000-\uF8FF]|â€/);
  });

  it('reads the GSA standards workbook with dates as yyyy-mm-dd', async () => {
    const doc = await parseSample('office-formats', 'gsa_it_standards.xlsx');
    const table = doc.tables[0];
    expect(table?.headers[0]).toBe('Standard Name');
    expect(table?.rows).toHaveLength(998);
    expect(table?.rows[0]?.cells[5]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(allText(doc)).not.toMatch(/â€|Ã|\uFEFF/);
  });
});

describe('XLSX parser on generated workbooks', () => {
  it('finds the header row, reads formulas, dates, percents, rich text and links', async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet('Servers');
      ws.getCell('A1').value = 'Server inventory';
      ws.addRow([]);
      ws.addRow(['Host', 'Installed', 'Cost', 'Share', 'Total', 'Owner', 'Link']);
      const row = ws.addRow(['srv-01', new Date(Date.UTC(2021, 2, 4)), 1234.5, 0.125, { formula: 'C4*2', result: 2469 }, { richText: [{ text: 'Jane ' }, { text: 'Doe', font: { bold: true } }] }, { text: 'wiki', hyperlink: 'https://example.test' }]);
      row.getCell(4).numFmt = '0.0%';
      ws.addRow(['srv-02', null, 0.1 + 0.2, 1, { formula: 'NA()', result: { error: '#N/A' } }, true, null]);
      ws.getCell('D5').numFmt = '0%';
      const notes = wb.addWorksheet('Notes');
      notes.addRow(['Prepared by IT']);
      notes.addRow(['Confidential']);
    });
    const doc = await parseDocument(bytes, 'xlsx', 'servers.xlsx');
    expect(doc.blocks.map((b) => [b.text, b.location])).toEqual([
      ['Server inventory', { sheet: 'Servers', row: 1 }],
      ['Prepared by IT', { sheet: 'Notes', row: 1 }],
      ['Confidential', { sheet: 'Notes', row: 2 }],
    ]);
    expect(doc.tables).toHaveLength(1);
    const table = doc.tables[0];
    expect(table?.location).toEqual({ sheet: 'Servers', row: 3 });
    expect(table?.headers).toEqual(['Host', 'Installed', 'Cost', 'Share', 'Total', 'Owner', 'Link']);
    expect(table?.rows.map((r) => [r.cells, r.location.row])).toEqual([
      [['srv-01', '2021-03-04', '1234.5', '12.5%', '2469', 'Jane Doe', 'wiki'], 4],
      [['srv-02', '', '0.3', '100%', '#N/A', 'TRUE', ''], 5],
    ]);
  });
});
