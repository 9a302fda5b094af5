// Hostile files, built in memory (no binary fixture in the repository): zip bombs in DOCX and
// XLSX packages, CSVs with huge fields, records or sizes, and PDFs with deeply nested objects.
import { randomBytes } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { buildZip, type ZipFixtureEntry } from '../../unit/parsers/hostile';

const MB = 1024 * 1024;

const DOCX_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

function deflated(name: string, content: Buffer, extra: Partial<ZipFixtureEntry> = {}): ZipFixtureEntry {
  return { name, data: deflateRawSync(content, { level: 9 }), method: 8, declaredSize: content.length, ...extra };
}

/** A DOCX whose document part is 64 MB of one repeated byte: a ratio of about 1000:1. */
export function docxRatioBomb(): Buffer {
  return buildZip([deflated('[Content_Types].xml', Buffer.from(DOCX_TYPES)), deflated('word/document.xml', Buffer.alloc(64 * MB, 0x20))]);
}

/** A DOCX whose directory says its document part is 1 KB while the data inflates to 32 MB. */
export function docxLyingSizes(): Buffer {
  const content = Buffer.alloc(32 * MB, 0x41);
  return buildZip([deflated('[Content_Types].xml', Buffer.from(DOCX_TYPES)), deflated('word/document.xml', content, { declaredSize: 1024 })]);
}

/** An XLSX whose sheet inflates a thousandfold (ratio bomb in a workbook). */
export function xlsxRatioBomb(): Buffer {
  return buildZip([
    deflated('[Content_Types].xml', Buffer.from(DOCX_TYPES)),
    deflated('xl/workbook.xml', Buffer.from('<workbook/>')),
    deflated('xl/worksheets/sheet1.xml', Buffer.alloc(48 * MB, 0x20)),
  ]);
}

/**
 * An XLSX with real, ordinary-looking sheet XML of `megabytes` MB at a modest compression ratio
 * (under the zip-bomb ratio): only the markup limit stops the spreadsheet library from building
 * an object tree about 13 times its size.
 */
export function xlsxHugeMarkup(megabytes = 72): Buffer {
  const rows: string[] = [];
  let size = 0;
  for (let r = 1; size < megabytes * MB; r++) {
    const noise = randomBytes(6).toString('hex');
    const row = `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>host-${r}-${noise}</t></is></c><c r="B${r}"><v>${(r * 7919) % 100_003}</v></c><c r="C${r}" t="inlineStr"><is><t>Windows Server 2019</t></is></c></row>`;
    rows.push(row);
    size += row.length;
  }
  const sheet = Buffer.from(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  return buildZip([deflated('[Content_Types].xml', Buffer.from(DOCX_TYPES)), deflated('xl/workbook.xml', Buffer.from('<workbook/>')), deflated('xl/worksheets/sheet1.xml', sheet)]);
}

/** A CSV with one 2 MB field. */
export function csvHugeField(): string {
  return `Hostname,Operating System,Notes\nsrv-01,Windows Server 2019,"${'x'.repeat(2 * MB)}"\nsrv-02,Ubuntu 22.04,ok\n`;
}

/** A CSV whose quote never closes: one runaway record of 6 MB. */
export function csvUnclosedQuote(): string {
  return `Hostname,Operating System,Notes\nsrv-01,Windows Server 2019,"never closed ${'y'.repeat(6 * MB)}\n`;
}

/** A CSV of `records` tiny records (over the record limit, though only a few hundred KB). */
export function csvManyRecords(records: number): string {
  const lines = ['Hostname,Status'];
  for (let i = 0; i < records; i++) lines.push(`h${i},on`);
  return `${lines.join('\n')}\n`;
}

/** A CSV of about `megabytes` MB of server rows (over the size limit for a text-class file). */
export function csvOfSize(megabytes: number): Buffer {
  const row = 'host-0000001,Windows Server 2019,Production,Database,DC-1,Active,team-01,"patched 3 days ago"\n';
  const count = Math.ceil((megabytes * MB) / row.length);
  return Buffer.from(`Hostname,Operating System,Environment,Role,Location,Status,Owner,Notes\n${row.repeat(count)}`);
}

function pdfOf(objects: string[]): Buffer {
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const STREAM = 'BT /F1 12 Tf 72 700 Td (Total IT Staff: 12 FTEs) Tj ET';
const pageWith = (extra: string) => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> ${extra} >>`;
const PDF_TAIL = [`<< /Length ${STREAM.length} >>\nstream\n${STREAM}\nendstream`, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'];

/** A one-page PDF whose page dictionary holds dictionaries nested `depth` deep. */
export function pdfNestedDictionaries(depth = 100_000): Buffer {
  const nested = `${'<< /A '.repeat(depth)}1${' >>'.repeat(depth)}`;
  return pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', pageWith(`/Deep ${nested}`), ...PDF_TAIL]);
}

/** A PDF whose page tree contains itself. */
export function pdfPageTreeLoop(): Buffer {
  return pdfOf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>', pageWith(''), ...PDF_TAIL]);
}
