// The demo data room that ships with the app: its shape, the reproducibility of its generated
// binaries, that each binary format parses the way the analysis expects, and that the answer key
// in demo/answer-key.json tells the truth about what is planted.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BINARY_FILES, DEMO_ROOM_DIR, buildDemoBinaries } from '../../../scripts/build-demo-room';
import { isAttributeName } from '../../../src-main/analysis/extract/vocabulary';
import { DOMAINS } from '../../../src-shared/domain';

const DEMO_DIR = path.dirname(DEMO_ROOM_DIR);

interface Evidence {
  document: string;
  quote: string;
  page?: number;
}
interface AnswerKey {
  asOfDate: string;
  facts: (Evidence & { attribute: string; value: unknown })[];
  risks: { id: string; domain: string; title: string; evidence: Evidence[] }[];
  contradictions: { id: string; attribute: string }[];
  gaps: { id: string; domain: string; checklist: string; absentTerms: string[] }[];
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(path.join(dir, entry.name), relative)));
    else out.push(relative);
  }
  return out.sort();
}

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await pdfjs.getDocument({ data: bytes, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(normalise(content.items.map((item) => ('str' in item ? item.str : '')).join(' ')));
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return String(value.result ?? '');
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

async function xlsxText(bytes: Buffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.eachSheet((sheet) => {
    lines.push(sheet.name);
    sheet.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell((cell) => cells.push(cellText(cell.value)));
      lines.push(cells.join(' | '));
    });
  });
  return lines.join('\n');
}

/** The plain text of one data-room document, whatever its format. */
async function documentText(relative: string): Promise<string> {
  const bytes = await readFile(path.join(DEMO_ROOM_DIR, relative));
  switch (path.extname(relative)) {
    case '.docx':
      return normalise((await mammoth.extractRawText({ buffer: bytes })).value);
    case '.xlsx':
      return normalise(await xlsxText(bytes));
    case '.pdf':
      return (await pdfPageTexts(new Uint8Array(bytes))).join(' ');
    default:
      return normalise(bytes.toString('utf8'));
  }
}

/** Rows of the first Markdown pipe table whose header row starts with `firstHeader`. */
function pipeTable(markdown: string, firstHeader: string): Record<string, string>[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`| ${firstHeader} |`));
  if (start < 0) throw new Error(`No table starting with ${firstHeader}`);
  const split = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  const headers = split(lines[start] ?? '');
  const rows: Record<string, string>[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = split(line);
    rows.push(Object.fromEntries(headers.map((header, i) => [header, cells[i] ?? ''])));
  }
  return rows;
}

const money = (text: string) => Number(text.replace(/[$,]/g, ''));

function addMonths(iso: string, months: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

describe('demo data room', () => {
  let files: string[];
  let answerKey: AnswerKey;
  let asOf: string;

  beforeAll(async () => {
    files = await listFiles(DEMO_ROOM_DIR);
    answerKey = JSON.parse(await readFile(path.join(DEMO_DIR, 'answer-key.json'), 'utf8')) as AnswerKey;
    const deal = JSON.parse(await readFile(path.join(DEMO_DIR, 'demo-deal.json'), 'utf8')) as { asOfDate: string };
    asOf = deal.asOfDate;
  });

  it('has at least 12 documents in at least 5 formats, with a buyer folder', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
    const formats = new Set(files.map((file) => path.extname(file)));
    expect(formats.size).toBeGreaterThanOrEqual(5);
    for (const ext of ['.md', '.txt', '.csv', '.xlsx', '.docx', '.pdf']) expect(formats).toContain(ext);
    expect(files).toContain('buyer/buyer_it_landscape.md');
    expect(asOf).toBe('2026-06-30');
    expect(answerKey.asOfDate).toBe(asOf);
  });

  describe('generated binaries', () => {
    let tmp: string;

    beforeAll(async () => {
      tmp = await mkdtemp(path.join(os.tmpdir(), 'demo-room-'));
    });
    afterAll(async () => {
      await rm(tmp, { recursive: true, force: true });
    });

    it('rebuild byte-identical to the committed files', async () => {
      const written = await buildDemoBinaries(tmp);
      expect(written.map((file) => path.basename(file)).sort()).toEqual(Object.values(DEMO_BINARY_FILES).sort());
      for (const name of Object.values(DEMO_BINARY_FILES)) {
        const rebuilt = await readFile(path.join(tmp, name));
        const committed = await readFile(path.join(DEMO_ROOM_DIR, name));
        expect(rebuilt.equals(committed), `${name} differs: rerun scripts/build-demo-room.ts`).toBe(true);
      }
    });

    it('DOCX converts with mammoth to headings, tables and a list, without warnings', async () => {
      const buffer = await readFile(path.join(DEMO_ROOM_DIR, DEMO_BINARY_FILES.docx));
      const result = await mammoth.convertToHtml({ buffer });
      expect(result.messages).toEqual([]);
      expect(result.value).toContain('<h1>1. Purpose and scope</h1>');
      expect(result.value).toContain('<h2>2.1 Backup schedule and retention</h2>');
      expect(result.value.match(/<table>/g)?.length).toBe(4);
      expect(result.value).toMatch(/<th><p><strong>Copy location<\/strong><\/p><\/th>/);
      expect(result.value).toContain('<ul><li>No offsite or immutable backup copy.</li>');
    });

    it('XLSX totals are formulas whose cached results exceljs reads', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(path.join(DEMO_ROOM_DIR, DEMO_BINARY_FILES.xlsx))) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Software Licenses', 'Service Contracts', 'Summary']);
      expect(workbook.created.toISOString()).toBe('2025-01-13T14:05:00.000Z');

      const licenses = workbook.getWorksheet('Software Licenses');
      if (!licenses) throw new Error('missing sheet');
      let sum = 0;
      for (let r = 2; r <= 18; r += 1) sum += Number(licenses.getCell(`E${r}`).value);
      expect(licenses.getCell('B19').value).toBe('Total');
      expect(licenses.getCell('E19').value).toEqual({ formula: 'SUM(E2:E18)', result: sum });
      expect(sum).toBe(1_059_290);
      expect(licenses.getCell('G2').value).toEqual(new Date('2027-01-31T00:00:00Z'));

      const summary = workbook.getWorksheet('Summary');
      if (!summary) throw new Error('missing sheet');
      expect(summary.getCell('A1').value).toContain('as of 2026-05-31');
      expect(summary.getCell('B4').value).toEqual({ formula: "'Software Licenses'!E19", result: 1_059_290 });
      expect(summary.getCell('B5').value).toEqual({ formula: "'Service Contracts'!C7", result: 516_400 });
      expect(summary.getCell('B6').value).toEqual({ formula: 'SUM(B4:B5)', result: 1_575_690 });
    });

    it('PDF has three pages, each with extractable text', async () => {
      const bytes = await readFile(path.join(DEMO_ROOM_DIR, DEMO_BINARY_FILES.pdf));
      expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
      const pages = await pdfPageTexts(new Uint8Array(bytes));
      expect(pages).toHaveLength(3);
      pages.forEach((text, i) => {
        expect(text.length).toBeGreaterThan(500);
        expect(text).toContain(`Page ${i + 1} of 3`);
      });
      expect(pages[0]).toContain('Board IT Summary - Q1 FY2026');
      expect(pages[1]).toContain('Total IT staff: 16 FTEs');
      expect(pages[2]).toContain('Risks the Board should know about');
    });

    it('PDF cross-reference table points at every object', async () => {
      const text = (await readFile(path.join(DEMO_ROOM_DIR, DEMO_BINARY_FILES.pdf))).toString('latin1');
      const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
      expect(text.slice(startxref, startxref + 4)).toBe('xref');
      const entries = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
      expect(entries.length).toBeGreaterThan(5);
      entries.forEach((offset, i) => expect(text.slice(offset).startsWith(`${i + 1} 0 obj\n`)).toBe(true));
    });
  });

  describe('CSV inventories', () => {
    it('server inventory matches the counts stated in the infrastructure overview', async () => {
      const rows = parseCsv(await readFile(path.join(DEMO_ROOM_DIR, '08_server_inventory.csv')), {
        columns: true,
      }) as Record<string, string>[];
      expect(Object.keys(rows[0] ?? {})).toEqual(['Hostname', 'Operating System', 'Environment', 'Role', 'Location', 'Status']);
      const count = (predicate: (row: Record<string, string>) => boolean) => rows.filter(predicate).length;
      expect(count((row) => row.Location?.includes('(physical)') ?? false)).toBe(7);
      expect(count((row) => row.Location?.includes('(vSphere cluster)') ?? false)).toBe(20);
      expect(count((row) => row['Operating System'] === 'Windows Server 2012 R2')).toBe(8);
      expect(count((row) => row['Operating System'] === 'Windows Server 2016')).toBe(7);
      expect(count((row) => row['Operating System'] === 'Windows Server 2019')).toBe(5);
      expect(count((row) => row['Operating System'] === 'CentOS 7')).toBe(3);
      const overview = await readFile(path.join(DEMO_ROOM_DIR, '06_infrastructure_overview.txt'), 'utf8');
      expect(overview).toContain('Physical servers: 7');
      expect(overview).toContain('Virtual machines: 20');
      expect(new Set(rows.map((row) => row.Hostname)).size).toBe(rows.length);
    });

    it('network device list has the expected columns and the end-of-life firewall pair', async () => {
      const rows = parseCsv(await readFile(path.join(DEMO_ROOM_DIR, '09_network_devices.csv')), {
        columns: true,
      }) as Record<string, string>[];
      expect(Object.keys(rows[0] ?? {})).toEqual(['Device', 'Manufacturer', 'Model', 'Role', 'Site', 'Firmware', 'Status']);
      expect(rows.filter((row) => row.Model === 'ASA 5515-X')).toHaveLength(2);
    });
  });

  describe('answer key', () => {
    const texts = new Map<string, string>();
    const text = async (file: string) => {
      if (!texts.has(file)) texts.set(file, await documentText(file));
      return texts.get(file) ?? '';
    };

    it('every quoted piece of evidence occurs in its document', async () => {
      const evidence: Evidence[] = [...answerKey.facts, ...answerKey.risks.flatMap((risk) => risk.evidence)];
      expect(evidence.length).toBeGreaterThan(40);
      for (const item of evidence) {
        expect(files, item.document).toContain(item.document);
        expect(await text(item.document), `${item.document}: ${item.quote}`).toContain(normalise(item.quote));
      }
    });

    it('uses the extractor vocabulary and the shared domains', () => {
      for (const fact of answerKey.facts) expect(isAttributeName(fact.attribute), fact.attribute).toBe(true);
      for (const item of answerKey.contradictions) expect(isAttributeName(item.attribute), item.attribute).toBe(true);
      for (const item of [...answerKey.risks, ...answerKey.gaps]) expect(DOMAINS).toContain(item.domain);
    });

    it('the application rollup overstates the sum of its rows by $5,000', async () => {
      const markdown = await readFile(path.join(DEMO_ROOM_DIR, '02_application_inventory.md'), 'utf8');
      const apps = pipeTable(markdown, 'Application');
      expect(apps).toHaveLength(18);
      const sum = apps.reduce((total, app) => total + money(app['Annual Cost'] ?? ''), 0);
      const rollup = Object.fromEntries(pipeTable(markdown, 'Metric').map((row) => [row.Metric, row.Value]));
      expect(rollup['Total applications']).toBe('18');
      expect(sum).toBe(1_198_290);
      expect(money(rollup['Total annual application cost'] ?? '')).toBe(1_203_290);
      // The other rollup lines are consistent: only the cost total is planted.
      const hosting = (kind: string) => apps.filter((app) => app.Hosting === kind).length;
      expect(String(hosting('SaaS'))).toBe(rollup['SaaS applications']);
      expect(String(hosting('On-premises'))).toBe(rollup['On-premises applications']);
      expect(String(hosting('Desktop'))).toBe(rollup['Desktop applications']);
      expect(String(apps.filter((app) => app.Criticality === 'Critical').length)).toBe(rollup['Critical applications']);
    });

    it('application costs and contract ends agree between the inventory and the register', async () => {
      const markdown = await readFile(path.join(DEMO_ROOM_DIR, '02_application_inventory.md'), 'utf8');
      const apps = new Map(pipeTable(markdown, 'Application').map((app) => [app.Application, app]));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(path.join(DEMO_ROOM_DIR, DEMO_BINARY_FILES.xlsx))) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Software Licenses');
      if (!sheet) throw new Error('missing sheet');
      let matched = 0;
      sheet.eachRow((row, rowNumber) => {
        if (rowNumber === 1) return;
        const app = apps.get(cellText(row.getCell(2).value));
        if (!app) return;
        matched += 1;
        expect(Number(row.getCell(5).value)).toBe(money(app['Annual Cost'] ?? ''));
        expect(cellText(row.getCell(7).value)).toBe(app['Contract End']);
      });
      expect(matched).toBe(16);
    });

    it('IT headcount is 14 FTEs in the profile and 16 in the board summary', async () => {
      expect(await text('01_executive_it_profile.md')).toContain('Total IT staff: 14 FTEs');
      expect(await text('12_board_it_summary.pdf')).toContain('Total IT staff: 16 FTEs');
      const org = await readFile(path.join(DEMO_ROOM_DIR, '05_it_organization_and_vendors.md'), 'utf8');
      const staff = pipeTable(org, 'Role');
      const heads = (contractor: string) =>
        staff.filter((row) => row.Contractor === contractor).reduce((n, row) => n + Number(row.Headcount), 0);
      expect(heads('No')).toBe(14);
      expect(heads('Yes')).toBe(2);
    });

    it('the MSP contract is the only one ending within six months of the as-of date', async () => {
      const horizon = addMonths(asOf, 6);
      const ends: { name: string; end: string }[] = [];
      for (const [file, first, nameColumn] of [
        ['02_application_inventory.md', 'Application', 'Application'],
        ['05_it_organization_and_vendors.md', 'Vendor', 'Vendor'],
      ] as const) {
        const markdown = await readFile(path.join(DEMO_ROOM_DIR, file), 'utf8');
        for (const row of pipeTable(markdown, first)) ends.push({ name: row[nameColumn] ?? '', end: row['Contract End'] ?? '' });
      }
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(path.join(DEMO_ROOM_DIR, DEMO_BINARY_FILES.xlsx))) as unknown as ArrayBuffer);
      for (const [sheetName, nameCol, endCol] of [
        ['Software Licenses', 2, 7],
        ['Service Contracts', 1, 5],
      ] as const) {
        workbook.getWorksheet(sheetName)?.eachRow((row, rowNumber) => {
          if (rowNumber > 1) ends.push({ name: cellText(row.getCell(nameCol).value), end: cellText(row.getCell(endCol).value) });
        });
      }
      const soon = ends.filter(({ end }) => /^\d{4}-\d{2}-\d{2}$/.test(end) && end > asOf && end <= horizon);
      expect(soon.length).toBeGreaterThanOrEqual(2);
      expect(new Set(soon.map(({ name }) => name))).toEqual(new Set(['Tidewater Technology Partners']));
      expect(new Set(soon.map(({ end }) => end))).toEqual(new Set(['2026-11-30']));
    });

    it('the target documents never touch the planted gaps', async () => {
      expect(answerKey.gaps).toHaveLength(6);
      const patterns = answerKey.gaps.flatMap((gap) =>
        gap.absentTerms.map((term) => ({
          label: `${gap.id}: "${term}"`,
          // Acronyms match as whole, case-sensitive words; other terms anywhere, in any case.
          pattern: /^[A-Z]+$/.test(term)
            ? new RegExp(`\\b${term}\\b`)
            : new RegExp(term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'),
        })),
      );
      // Word stems a looser reader would also take as touching those topics.
      patterns.push({ label: 'related word stems', pattern: /certif|privileg|open[- ]?source|true[- ]?up|\bIP\b/i });
      for (const file of files.filter((name) => !name.startsWith('buyer/'))) {
        const content = await text(file);
        for (const { label, pattern } of patterns) {
          expect(pattern.exec(content)?.[0], `${file} touches ${label}`).toBeUndefined();
        }
      }
    });
  });
});
