// Builds the binary documents of the demo data room (XLSX, DOCX, PDF) from the content in
// demo/source/. The output is byte-for-byte reproducible: every timestamp inside the files and
// inside their ZIP containers is fixed, so re-running this script changes nothing unless the
// content changed. The generated files are committed, so the app needs no build step.
//
//   npx tsx scripts/build-demo-room.ts            # writes into demo/data-room/
//   npx tsx scripts/build-demo-room.ts --out DIR  # writes somewhere else
import { createHash } from 'node:crypto';
import { mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { BOARD_IT_SUMMARY } from '../demo/source/board-it-summary';
import { DR_POLICY } from '../demo/source/dr-policy';
import { LICENSE_REGISTER } from '../demo/source/license-register';
import type {
  DocBlock,
  PdfBlock,
  PdfDocumentContent,
  RegisterCell,
  RegisterWorkbook,
  WordDocument,
} from '../demo/source/types';

const SCRIPT_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Where the demo data room lives in the repository. */
export const DEMO_ROOM_DIR = path.resolve(SCRIPT_DIR, '..', 'demo', 'data-room');

/** The binary documents this script generates, by file name inside the data room. */
export const DEMO_BINARY_FILES = {
  xlsx: '10_software_license_and_contract_register.xlsx',
  docx: '11_backup_and_dr_policy.docx',
  pdf: '12_board_it_summary.pdf',
} as const;

/** The timestamp given to every entry of every ZIP container written here. */
const ZIP_ENTRY_DATE = new Date('2026-05-29T16:30:00Z');

/** Writes the demo room's binary documents into outDir; returns the paths written. */
export async function buildDemoBinaries(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const outputs: [string, Buffer][] = [
    [DEMO_BINARY_FILES.xlsx, await buildRegisterXlsx(LICENSE_REGISTER)],
    [DEMO_BINARY_FILES.docx, await buildDocx(DR_POLICY)],
    [DEMO_BINARY_FILES.pdf, buildPdf(BOARD_IT_SUMMARY)],
  ];
  const written: string[] = [];
  for (const [name, bytes] of outputs) {
    const file = path.join(outDir, name);
    await writeFile(file, bytes);
    written.push(file);
  }
  return written;
}

// ---------------------------------------------------------------------------------------------
// ZIP containers

interface ZipEntry {
  name: string;
  data: string | Uint8Array;
}

/** A ZIP with fixed entry dates, no directory entries and DEFLATE compression: reproducible. */
async function writeZip(entries: ZipEntry[]): Promise<Buffer> {
  const zip = new JSZip();
  for (const entry of entries) {
    zip.file(entry.name, entry.data, { date: ZIP_ENTRY_DATE, createFolders: false });
  }
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}

/** Re-packs a ZIP (exceljs stamps entries with the current time) with fixed entry dates. */
async function normaliseZip(bytes: Uint8Array): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const entries: ZipEntry[] = [];
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    entries.push({ name: entry.name, data: await entry.async('uint8array') });
  }
  return writeZip(entries);
}

// ---------------------------------------------------------------------------------------------
// XLSX (exceljs)

const MONEY_FORMAT = '"$"#,##0';
const DATE_FORMAT = 'yyyy-mm-dd';

function isoDate(iso: string): Date {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`Bad date in demo content: ${iso}`);
  return date;
}

function cellValue(cell: RegisterCell): ExcelJS.CellValue {
  return typeof cell === 'object' ? isoDate(cell.date) : cell;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

async function buildRegisterXlsx(content: RegisterWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = content.creator;
  workbook.lastModifiedBy = content.lastModifiedBy;
  workbook.created = new Date(content.created);
  workbook.modified = new Date(content.modified);

  // Where each sheet's total sits, for the summary sheet's cross-sheet formulas.
  const totals = new Map<string, { address: string; value: number }>();

  for (const sheet of content.sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((column) => ({ header: column.header, width: column.width }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
    });

    for (const row of sheet.rows) {
      if (row.length !== sheet.columns.length) {
        throw new Error(`Row of ${sheet.name} has ${row.length} cells, expected ${sheet.columns.length}`);
      }
      ws.addRow(row.map(cellValue));
    }
    sheet.columns.forEach((column, index) => {
      const col = ws.getColumn(index + 1);
      if (column.kind === 'money') col.numFmt = MONEY_FORMAT;
      if (column.kind === 'date') col.numFmt = DATE_FORMAT;
    });

    if (sheet.total) {
      const { labelColumn, sumColumn, label } = sheet.total;
      const letter = ws.getColumn(sumColumn).letter;
      const lastDataRow = sheet.rows.length + 1;
      const result = sheet.rows.reduce((sum, row) => {
        const value = row[sumColumn - 1];
        if (typeof value !== 'number') throw new Error(`Non-numeric value in ${sheet.name} column ${letter}`);
        return sum + value;
      }, 0);
      const totalRow = ws.getRow(lastDataRow + 1);
      totalRow.getCell(labelColumn).value = label;
      const totalCell = totalRow.getCell(sumColumn);
      totalCell.value = { formula: `SUM(${letter}2:${letter}${lastDataRow})`, result };
      totalCell.numFmt = MONEY_FORMAT;
      totalRow.font = { bold: true };
      totals.set(sheet.name, { address: totalCell.address, value: result });
    }
  }

  const { summary } = content;
  const ws = workbook.addWorksheet(summary.name);
  ws.columns = [{ width: 40 }, { width: 20 }, { width: 24 }];
  ws.getCell('A1').value = `${summary.title} (as of ${summary.asOf})`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  const header = ws.getRow(3);
  header.values = ['Category', 'Annual Value (USD)', 'Source Sheet'];
  header.font = { bold: true };
  const firstLine = 4;
  let rowNumber = firstLine;
  let grandTotal = 0;
  for (const line of summary.lines) {
    const total = totals.get(line.sheet);
    if (!total) throw new Error(`Summary refers to ${line.sheet}, which has no total row`);
    const row = ws.getRow(rowNumber);
    row.getCell(1).value = line.label;
    row.getCell(2).value = { formula: `${quoteSheet(line.sheet)}!${total.address}`, result: total.value };
    row.getCell(2).numFmt = MONEY_FORMAT;
    row.getCell(3).value = line.sheet;
    grandTotal += total.value;
    rowNumber += 1;
  }
  const totalRow = ws.getRow(rowNumber);
  totalRow.getCell(1).value = summary.totalLabel;
  totalRow.getCell(2).value = { formula: `SUM(B${firstLine}:B${rowNumber - 1})`, result: grandTotal };
  totalRow.getCell(2).numFmt = MONEY_FORMAT;
  totalRow.font = { bold: true };

  const raw = await workbook.xlsx.writeBuffer();
  return normaliseZip(new Uint8Array(raw as ArrayBuffer));
}

// ---------------------------------------------------------------------------------------------
// DOCX (hand-written WordprocessingML)

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function run(text: string, bold = false): string {
  const props = bold ? '<w:rPr><w:b/></w:rPr>' : '';
  return `<w:r>${props}<w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;
}

function paragraph(text: string, style?: string, extraProps = ''): string {
  const styleProp = style ? `<w:pStyle w:val="${style}"/>` : '';
  const props = styleProp || extraProps ? `<w:pPr>${styleProp}${extraProps}</w:pPr>` : '';
  return `<w:p>${props}${run(text)}</w:p>`;
}

function tableCell(text: string, width: number, header: boolean): string {
  const shading = header ? '<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>' : '';
  return (
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shading}</w:tcPr>` +
    `<w:p><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>${run(text, header)}</w:p></w:tc>`
  );
}

function table(header: string[], rows: string[][], widths: number[]): string {
  for (const row of [header, ...rows]) {
    if (row.length !== widths.length) throw new Error(`Table row has ${row.length} cells, expected ${widths.length}`);
  }
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
  const borders = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('');
  const total = widths.reduce((a, b) => a + b, 0);
  const headerRow =
    '<w:tr><w:trPr><w:tblHeader/></w:trPr>' +
    header.map((text, i) => tableCell(text, widths[i] ?? 0, true)).join('') +
    '</w:tr>';
  const bodyRows = rows
    .map((row) => '<w:tr>' + row.map((text, i) => tableCell(text, widths[i] ?? 0, false)).join('') + '</w:tr>')
    .join('');
  return (
    '<w:tbl>' +
    `<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="${total}" w:type="dxa"/>` +
    `<w:tblBorders>${borders}</w:tblBorders><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" ` +
    'w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    headerRow +
    bodyRows +
    '</w:tbl>' +
    // Word needs a paragraph between two tables, and one after a table that ends a section.
    '<w:p/>'
  );
}

function docBlock(block: DocBlock): string {
  switch (block.kind) {
    case 'heading1':
      return paragraph(block.text, 'Heading1');
    case 'heading2':
      return paragraph(block.text, 'Heading2');
    case 'paragraph':
      return paragraph(block.text);
    case 'bullet':
      return paragraph(block.text, 'ListParagraph', '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
    case 'table':
      return table(block.header, block.rows, block.widths);
  }
}

function documentXml(doc: WordDocument): string {
  return (
    XML_DECL +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>` +
    doc.blocks.map(docBlock).join('') +
    '<w:sectPr><w:pgSz w:w="12240" w:h="15840"/>' +
    '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>' +
    '</w:sectPr></w:body></w:document>'
  );
}

function stylesXml(): string {
  const heading = (id: string, name: string, size: number, level: number) =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>` +
    '<w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>' +
    `<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="${level}"/></w:pPr>` +
    `<w:rPr><w:b/><w:color w:val="1F3864"/><w:sz w:val="${size}"/></w:rPr></w:style>`;
  return (
    XML_DECL +
    `<w:styles xmlns:w="${W_NS}">` +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>' +
    '<w:sz w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    heading('Heading1', 'heading 1', 32, 0) +
    heading('Heading2', 'heading 2', 26, 1) +
    '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/>' +
    '<w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>' +
    '</w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>' +
    '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:style>' +
    '</w:styles>'
  );
}

function numberingXml(): string {
  return (
    XML_DECL +
    `<w:numbering xmlns:w="${W_NS}">` +
    '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>' +
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/>' +
    '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr>' +
    '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '</w:numbering>'
  );
}

function corePropsXml(doc: WordDocument): string {
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xmlEscape(doc.title)}</dc:title><dc:subject>${xmlEscape(doc.subject)}</dc:subject>` +
    `<dc:creator>${xmlEscape(doc.creator)}</dc:creator><cp:lastModifiedBy>${xmlEscape(doc.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${doc.created}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${doc.modified}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

async function buildDocx(doc: WordDocument): Promise<Buffer> {
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${type}" Target="${target}"/>`;
  const OD = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const contentTypes =
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
    '</Types>';
  const packageRels =
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rel('rId1', `${OD}/officeDocument`, 'word/document.xml') +
    rel('rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml') +
    rel('rId3', `${OD}/extended-properties`, 'docProps/app.xml') +
    '</Relationships>';
  const documentRels =
    XML_DECL +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    rel('rId1', `${OD}/styles`, 'styles.xml') +
    rel('rId2', `${OD}/numbering`, 'numbering.xml') +
    '</Relationships>';
  const appProps =
    XML_DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
    '<Application>Diligence Desk demo builder</Application><DocSecurity>0</DocSecurity></Properties>';

  return writeZip([
    { name: '[Content_Types].xml', data: contentTypes },
    { name: '_rels/.rels', data: packageRels },
    { name: 'word/document.xml', data: documentXml(doc) },
    { name: 'word/_rels/document.xml.rels', data: documentRels },
    { name: 'word/styles.xml', data: stylesXml() },
    { name: 'word/numbering.xml', data: numberingXml() },
    { name: 'docProps/core.xml', data: corePropsXml(doc) },
    { name: 'docProps/app.xml', data: appProps },
  ]);
}

// ---------------------------------------------------------------------------------------------
// PDF (hand-written PDF 1.4, standard Helvetica fonts, uncompressed content streams)

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const MARGIN = 72;
const TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const FIELD_VALUE_X = MARGIN + 160;

/** Helvetica advance widths (1/1000 em) for the printable ASCII range 32..126, from the AFM. */
// prettier-ignore
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

function assertPdfText(text: string): void {
  if (!/^[\x20-\x7e]*$/.test(text)) throw new Error(`PDF text must be printable ASCII: ${JSON.stringify(text)}`);
}

/** Width in points; bold text is estimated 10% wider than regular, enough for line breaking. */
function textWidth(text: string, size: number, bold: boolean): number {
  let units = 0;
  for (const ch of text) units += HELVETICA_WIDTHS[ch.charCodeAt(0) - 32] ?? 556;
  return (units * size * (bold ? 1.1 : 1)) / 1000;
}

function wrap(text: string, size: number, bold: boolean, width: number): string[] {
  assertPdfText(text);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(candidate, size, bold) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function pdfString(text: string): string {
  return `(${text.replace(/\\/g, '\\\\').replace(/\(/g, '\\(').replace(/\)/g, '\\)')})`;
}

/** One positioned line of text in a page's content stream. `raw` is an already-escaped string. */
function showText(font: 'F1' | 'F2', size: number, x: number, y: number, text: string, raw = false): string {
  if (!raw) assertPdfText(text);
  const operand = raw ? text : pdfString(text);
  return `BT /${font} ${size} Tf 1 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)} Tm ${operand} Tj ET\n`;
}

function pageContent(blocks: PdfBlock[], footer: string, pageNumber: number, pageCount: number): string {
  let y = PAGE_HEIGHT - MARGIN;
  let out = '';
  const need = (height: number) => {
    y -= height;
    if (y < MARGIN) throw new Error(`Page ${pageNumber} of the demo PDF overflows; move content to another page`);
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        for (const line of wrap(block.text, 18, true, TEXT_WIDTH)) {
          need(22);
          out += showText('F2', 18, MARGIN, y, line);
        }
        y -= 8;
        break;
      case 'heading':
        y -= 6;
        for (const line of wrap(block.text, 14, true, TEXT_WIDTH)) {
          need(18);
          out += showText('F2', 14, MARGIN, y, line);
        }
        y -= 4;
        break;
      case 'paragraph':
        for (const line of wrap(block.text, 10.5, false, TEXT_WIDTH)) {
          need(14);
          out += showText('F1', 10.5, MARGIN, y, line);
        }
        y -= 6;
        break;
      case 'bullet': {
        const lines = wrap(block.text, 10.5, false, TEXT_WIDTH - 16);
        lines.forEach((line, i) => {
          need(14);
          // \225 is the bullet character in WinAnsiEncoding.
          if (i === 0) out += showText('F1', 10.5, MARGIN + 2, y, '(\\225)', true);
          out += showText('F1', 10.5, MARGIN + 16, y, line);
        });
        y -= 4;
        break;
      }
      case 'fields':
        for (const [label, value] of block.fields) {
          need(15);
          out += showText('F2', 10.5, MARGIN, y, `${label}:`);
          const valueLines = wrap(value, 10.5, false, PAGE_WIDTH - MARGIN - FIELD_VALUE_X);
          valueLines.forEach((line, i) => {
            if (i > 0) need(14);
            out += showText('F1', 10.5, FIELD_VALUE_X, y, line);
          });
        }
        y -= 6;
        break;
      case 'spacer':
        y -= 10;
        break;
    }
  }
  const footerText = `${footer} - Page ${pageNumber} of ${pageCount}`;
  out += showText('F1', 8, MARGIN, 40, footerText);
  return out;
}

function buildPdf(content: PdfDocumentContent): Buffer {
  const pageCount = content.pages.length;
  const firstPageObject = 6;
  const objects: string[] = [];
  const pageRefs = content.pages.map((_, i) => `${firstPageObject + 2 * i} 0 R`).join(' ');
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageRefs}] /Count ${pageCount} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  for (const text of [content.title, content.author, content.subject]) assertPdfText(text);
  objects[5] =
    `<< /Title ${pdfString(content.title)} /Author ${pdfString(content.author)} ` +
    `/Subject ${pdfString(content.subject)} /Creator (Diligence Desk demo builder) ` +
    `/Producer (scripts/build-demo-room.ts) /CreationDate (${content.creationDate}) ` +
    `/ModDate (${content.creationDate}) >>`;
  content.pages.forEach((blocks, i) => {
    const pageObject = firstPageObject + 2 * i;
    const stream = pageContent(blocks, content.footer, i + 1, pageCount);
    objects[pageObject] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageObject + 1} 0 R >>`;
    objects[pageObject + 1] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}endstream`;
  });

  // The second header line holds bytes above 127, marking the file as binary for transfer tools.
  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n += 1) {
    offsets[n] = Buffer.byteLength(body, 'latin1');
    body += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xrefOffset = Buffer.byteLength(body, 'latin1');
  const id = createHash('md5').update(Buffer.from(body, 'latin1')).digest('hex');
  let xref = `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n += 1) xref += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  const trailer =
    `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R /ID [<${id}> <${id}>] >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body + xref + trailer, 'latin1');
}

// ---------------------------------------------------------------------------------------------
// Command line

async function main(argv: string[]): Promise<void> {
  const outIndex = argv.indexOf('--out');
  const outArg = outIndex >= 0 ? argv[outIndex + 1] : undefined;
  const outDir = outArg ? path.resolve(outArg) : DEMO_ROOM_DIR;
  const written = await buildDemoBinaries(outDir);
  for (const file of written) console.log(`wrote ${path.relative(process.cwd(), file) || file}`);
}

async function isExecutedDirectly(): Promise<boolean> {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return (await realpath(entry)) === (await realpath(fileURLToPath(import.meta.url)));
  } catch {
    return false;
  }
}

if (await isExecutedDirectly()) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
