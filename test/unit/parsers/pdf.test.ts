import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src-main/analysis/parsers/index';
import { assembleLines } from '../../../src-main/analysis/parsers/pdf-layout';
import type { PdfItem } from '../../../src-main/analysis/parsers/pdf-layout';
import { detectTables } from '../../../src-main/analysis/parsers/pdf-tables';
import { buildTextPdf } from './hostile';
import { allText, parseSample, tableWithHeader } from './sample-docs';

describe('PDF parser on the insurer company profile (a printed web page)', () => {
  it('reads 9 pages with page/line locations, headings and the application table', async () => {
    const doc = await parseSample('great-insurance', 'Target Company Profile - Great Insurance.pdf');
    expect(doc.kind).toBe('pdf');
    expect(doc.pageCount).toBe(9);
    for (const block of doc.blocks) {
      expect(block.location.page).toBeGreaterThanOrEqual(1);
      expect(block.location.page).toBeLessThanOrEqual(9);
      expect(block.location.line).toBeGreaterThanOrEqual(1);
    }
    const headingTexts = doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headingTexts).toEqual(expect.arrayContaining(['Executive Summary', 'Application Inventory', 'IT Asset Inventory', 'IT Organization & Outsourcing']));

    const apps = tableWithHeader(doc, 'Application');
    expect(apps.headers).toEqual(['Application', 'Vendor', 'Category', 'Version', 'Hosting', 'Users', 'Annual Cost', 'Criticality']);
    expect(apps.rows).toHaveLength(33);
    expect(apps.rows[0]?.cells).toEqual(['Duck Creek Policy', 'Duck Creek', 'Policy Administration', '12', 'On Prem', '1,407', '$546,257', 'CRITICAL']);
    expect(apps.rows[0]?.location.page).toBe(3);
    // The table carries on from page 3 to page 4.
    expect(apps.rows[32]?.cells[0]).toBe('Zerto');
    expect(apps.rows[32]?.location.page).toBe(4);
    expect(apps.location.section).toBe('Complete Application List');
    expect(apps.headingPath).toContain('Application Inventory');

    // Running headers/footers (print date, file:// address) are dropped; content stays.
    const text = allText(doc);
    expect(text).not.toContain('file:///');
    expect(text).toContain('Headquarters Boston, MA');
    expect(tableWithHeader(doc, 'Category').rows).toHaveLength(16);
  });
});

describe('PDF parser on the legacy scenario (a text file printed by LibreOffice)', () => {
  it('keeps the text structure: headings, nested bullets and the pipe table', async () => {
    const doc = await parseSample('office-formats', 'scenario_2_legacy_nightmare.pdf');
    expect(doc.pageCount).toBe(6);
    const section = doc.blocks.find((b) => b.text === 'SECTION 1: EXECUTIVE IT OVERVIEW');
    expect(section?.kind).toBe('heading');
    expect(section?.location.page).toBe(1);
    const email = doc.blocks.find((b) => b.text === 'Email: On-premises Exchange 2010 (end of life)');
    expect(email?.kind).toBe('list_item');
    expect(email?.location.page).toBe(1);
    expect(email?.headingPath).toEqual(['SECTION 1: EXECUTIVE IT OVERVIEW', 'Key Technology Platforms']);
    const nested = doc.blocks.find((b) => b.text.startsWith('Result of 2008 acquisition'));
    expect(nested?.level).toBe(1);
    expect(tableWithHeader(doc, 'Role').headers).toEqual(['Role', 'Name', 'Tenure', 'Risk']);

    const text = await parseSample('scenarios', 'scenario_2_legacy_nightmare.txt');
    const listItems = (d: typeof doc): string[] => d.blocks.filter((b) => b.kind === 'list_item').map((b) => b.text);
    const fromText = new Set(listItems(text));
    const common = listItems(doc).filter((t) => fromText.has(t));
    expect(common.length).toBeGreaterThan(listItems(text).length * 0.9);
  });
});

describe('PDF parser on generated files', () => {
  it('numbers lines within the page', async () => {
    const doc = await parseDocument(buildTextPdf(['# Overview', 'Total IT staff: 11 FTEs', '- MFA: enforced']), 'pdf', 'gen.pdf');
    expect(doc.pageCount).toBe(1);
    expect(doc.blocks.map((b) => [b.kind, b.text, b.location])).toEqual([
      ['heading', 'Overview', { page: 1, line: 1 }],
      ['paragraph', 'Total IT staff: 11 FTEs', { page: 1, line: 2, section: 'Overview' }],
      ['list_item', 'MFA: enforced', { page: 1, line: 3, section: 'Overview' }],
    ]);
  });
});

describe('PDF layout', () => {
  const item = (str: string, x: number, y: number, width: number, height = 10): PdfItem => ({ str, x, y, width, height });

  it('joins split words, spaces words and separates columns', () => {
    const lines = assembleLines([item('Pro', 0, 100, 15), item('fi', 15, 100, 5), item('le', 20, 100, 8), item('next', 31, 100.5, 20), item('Column', 200, 100, 30), item('below', 0, 80, 25)]);
    expect(lines.map((l) => [l.text, l.segments.length])).toEqual([
      ['Profile next Column', 2],
      ['below', 1],
    ]);
  });

  it('finds an aligned table but not value/label cards', () => {
    const row = (y: number, cells: string[], size = 10): PdfItem[] => cells.map((c, i) => item(c, i * 100, y, c.length * 5, size));
    const lines = assembleLines([
      ...row(700, ['$500M', '2,296', '$22.1M'], 20),
      ...row(680, ['Annual Revenue', 'Employees', 'IT Budget']),
      ...row(660, ['141', '33', '15'], 20),
      ...row(640, ['IT Headcount', 'Applications', 'Founded']),
      ...row(600, ['Team', 'Headcount', 'Vendor']),
      ...row(580, ['Applications', '46', '-']),
      ...row(560, ['Infrastructure', '24', 'Ensono']),
    ]);
    const presets = detectTables([lines], [new Set()])[0];
    const tables = [...(presets?.entries() ?? [])].filter(([, p]) => p.kind === 'table');
    expect(tables).toHaveLength(1);
    const [index, preset] = tables[0] ?? [];
    expect(index).toBe(4);
    expect(preset?.kind === 'table' ? preset.rows.map((r) => [r.cells, r.location]) : null).toEqual([
      [['Applications', '46', '-'], { page: 1, line: 6 }],
      [['Infrastructure', '24', 'Ensono'], { page: 1, line: 7 }],
    ]);
  });
});
