import { describe, expect, it } from 'vitest';
import { readMammothHtml } from '../../../src-main/analysis/parsers/docx';
import type { ParsedDocument } from '../../../src-main/analysis/parsers/index';
import { allText, parseSample } from './sample-docs';

const DOCUMENTS = [
  { name: 'Great_Insurance_Document_5_Security_IAM_Compliance_Inventory', tables: 7 },
  { name: 'Great_Insurance_Document_6_IT_Operating_Model_Ops_BCDR', tables: 11 },
];

const headings = (doc: ParsedDocument): string[] => doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);

describe('DOCX parser on the pandoc copies of the insurer documents', () => {
  for (const { name, tables } of DOCUMENTS) {
    it(`${name}: same headings and tables as the Markdown original`, async () => {
      const docx = await parseSample('office-formats', `${name}.docx`);
      const md = await parseSample('great-insurance', `${name}.md`);
      expect(docx.kind).toBe('docx');
      expect(docx.pageCount).toBeNull();
      expect(headings(docx)).toEqual(headings(md));
      expect(headings(docx).length).toBeGreaterThan(5);
      expect(docx.tables).toHaveLength(tables);
      docx.tables.forEach((table, i) => {
        const original = md.tables[i];
        expect(table.headers).toEqual(original?.headers);
        expect(table.rows.map((r) => r.cells)).toEqual(original?.rows.map((r) => r.cells));
        expect(table.headingPath).toEqual(original?.headingPath);
        expect(table.location.section).toBe(original?.location.section);
        // DOCX rows are cited by their position in the table (header row = 1).
        expect(table.rows[0]?.location.row).toBe(2);
      });
      expect(allText(docx)).not.toMatch(/filecite|[\uE000-\uF8FF]/);
    });
  }

  it('splits line breaks into blocks and keeps list items', async () => {
    const docx = await parseSample('office-formats', 'Great_Insurance_Document_6_IT_Operating_Model_Ops_BCDR.docx');
    const purpose = docx.blocks.find((b) => b.text.startsWith('Purpose:'));
    expect(purpose?.kind).toBe('paragraph');
    expect(purpose?.headingPath).toHaveLength(1);
    expect(docx.blocks.find((b) => b.text.startsWith('Source:'))?.kind).toBe('paragraph');
    const items = docx.blocks.filter((b) => b.kind === 'list_item').map((b) => b.text);
    expect(items).toContain('ServiceNow ITSM');
    expect(items).toContain('Jira Service Management');
  });
});

describe('DOCX HTML reader', () => {
  it('reads headings, entities, nested lists, line breaks and tables', () => {
    const html = [
      '<h1>Risks &amp; Issues</h1>',
      '<p>Owner: <strong>J&#233;r&#xF4;me</strong> &#8211; CIO<br />- typed bullet</p>',
      '<ul><li>Top<ul><li>Nested &lt;b&gt;</li></ul></li><li>Second</li></ul>',
      '<h2>Inventory</h2>',
      '<table><thead><tr><th><p>Name</p></th><th><p>Cost</p></th></tr></thead>',
      '<tbody><tr><td><p>A</p><p>more</p></td><td><p>$1</p></td></tr>',
      '<tr><td><p>B</p></td><td><table><tr><td>x</td><td>y</td></tr></table></td></tr></tbody></table>',
      '<table><tr><td><p>Just a box</p></td></tr></table>',
    ].join('');
    const { blocks, tables } = readMammothHtml(html);
    expect(blocks.map((b) => [b.kind, b.text, b.level ?? null])).toEqual([
      ['heading', 'Risks & Issues', 1],
      ['paragraph', 'Owner: Jérôme – CIO', null],
      ['list_item', 'typed bullet', 0],
      ['list_item', 'Top', 0],
      ['list_item', 'Nested <b>', 1],
      ['list_item', 'Second', 0],
      ['heading', 'Inventory', 2],
      ['paragraph', 'Just a box', null],
    ]);
    expect(blocks[4]?.headingPath).toEqual(['Risks & Issues']);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.headers).toEqual(['Name', 'Cost']);
    expect(tables[0]?.rows.map((r) => [r.cells, r.location])).toEqual([
      [['A more', '$1'], { row: 2, section: 'Inventory' }],
      [['B', 'x ; y'], { row: 3, section: 'Inventory' }],
    ]);
    expect(tables[0]?.headingPath).toEqual(['Risks & Issues', 'Inventory']);
  });
});
