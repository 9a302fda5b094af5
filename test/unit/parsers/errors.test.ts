import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentParseError, MAX_DOCUMENT_BYTES, detectKind, parseDocument } from '../../../src-main/analysis/parsers/index';
import type { ParseErrorCode } from '../../../src-main/analysis/parsers/index';
import type { DocumentKind } from '../../../src-shared/domain';
import { sample } from '../../support/paths';
import { buildEncryptedPdf, buildOle, buildZip } from './hostile';

const dir = mkdtempSync(path.join(tmpdir(), 'parsers-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the bytes to a file in the temp folder and parses them back, as the runner would. */
async function failure(bytes: Buffer, fileName: string): Promise<DocumentParseError> {
  const file = path.join(dir, fileName);
  writeFileSync(file, bytes);
  const kind = detectKind(fileName);
  if (!kind) throw new Error(`unsupported test file name ${fileName}`);
  try {
    await parseDocument(readFileSync(file), kind, fileName);
  } catch (error) {
    if (error instanceof DocumentParseError) return error;
    throw error;
  }
  throw new Error(`${fileName} parsed without error`);
}

async function expectFailure(bytes: Buffer, fileName: string, code: ParseErrorCode, message: RegExp): Promise<void> {
  const error = await failure(bytes, fileName);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
}

describe('detectKind', () => {
  it('maps extensions, case-insensitively, and skips everything else', () => {
    const cases: Array<[string, DocumentKind | null]> = [
      ['a/b/Report.PDF', 'pdf'],
      ['x.docx', 'docx'],
      ['x.xlsx', 'xlsx'],
      ['x.csv', 'csv'],
      ['notes.md', 'markdown'],
      ['notes.markdown', 'markdown'],
      ['notes.txt', 'text'],
      ['notes.text', 'text'],
      ['x.doc', null],
      ['x.xls', null],
      ['x.pptx', null],
      ['README', null],
      ['.md', null],
      ['dir\\~$Report.docx', null],
      ['._Report.pdf', null],
    ];
    for (const [name, kind] of cases) expect(detectKind(name), name).toBe(kind);
  });
});

describe('bad input becomes a DocumentParseError with a specific code', () => {
  it('empty files, of every kind', async () => {
    for (const name of ['e.pdf', 'e.docx', 'e.xlsx', 'e.csv', 'e.md', 'e.txt']) {
      await expectFailure(Buffer.alloc(0), name, 'empty_file', /^The file is empty\.$/);
      await expectFailure(Buffer.from('  \n\t\r\n '), name, 'empty_file', /^The file is empty\.$/);
    }
    await expectFailure(Buffer.from([0xef, 0xbb, 0xbf, 0x0a]), 'bom-only.csv', 'empty_file', /empty/);
  });

  it('binary data in text formats', async () => {
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i += 1) binary[i] = (i * 7919) % 256;
    await expectFailure(binary, 'notes.txt', 'binary_content', /notes\.txt contains binary data, not text/);
    await expectFailure(binary, 'notes.md', 'binary_content', /binary data/);
    await expectFailure(binary, 'data.csv', 'binary_content', /binary data/);
    const nulText = Buffer.from('a\u0000b\u0000c\u0000d\u0000'.repeat(50), 'latin1');
    await expectFailure(nulText, 'nul.txt', 'binary_content', /binary data/);
    const realPdf = readFileSync(sample('office-formats', 'scenario_2_legacy_nightmare.pdf'));
    await expectFailure(realPdf, 'renamed.txt', 'binary_content', /it looks like a PDF file/);
    const realXlsx = readFileSync(sample('office-formats', 'Great_Insurance_Application_Inventory.xlsx'));
    await expectFailure(realXlsx, 'renamed.csv', 'binary_content', /ZIP archive or Office file/);
  });

  it('corrupt and password-protected PDFs', async () => {
    await expectFailure(Buffer.from('%PDF-1.7\n1 0 obj garbage endobj\n%%EOF\n'), 'broken.pdf', 'corrupt_file', /broken\.pdf is not a readable PDF: .+/);
    await expectFailure(Buffer.from('just some words, not a PDF'), 'words.pdf', 'corrupt_file', /not a readable PDF/);
    const real = readFileSync(sample('office-formats', 'scenario_2_legacy_nightmare.pdf'));
    await expectFailure(real.subarray(0, 2000), 'truncated.pdf', 'corrupt_file', /not a readable PDF/);
    await expectFailure(buildEncryptedPdf(), 'locked.pdf', 'encrypted_file', /locked\.pdf is password-protected \(encrypted PDF\)/);
  });

  it('encrypted Office files (OLE containers) and legacy binary files', async () => {
    await expectFailure(buildOle(['EncryptionInfo', 'EncryptedPackage']), 'locked.docx', 'encrypted_file', /locked\.docx is password-protected \(encrypted Office file\)/);
    await expectFailure(buildOle(['EncryptedPackage']), 'locked.xlsx', 'encrypted_file', /password-protected/);
    // Only the header: still an OLE file where a ZIP belongs; treated as encrypted.
    await expectFailure(buildOle([]), 'header-only.docx', 'encrypted_file', /password-protected/);
    await expectFailure(buildOle(['WordDocument']), 'old.docx', 'unsupported_format', /legacy binary Office file/);
    await expectFailure(buildOle(['Workbook']), 'old.xlsx', 'unsupported_format', /legacy binary Office file/);
  });

  it('Office files that are not ZIP packages, or broken ones', async () => {
    await expectFailure(Buffer.from('<html>not a document</html>'), 'page.docx', 'corrupt_file', /page\.docx is not a valid Word document: it is not a ZIP package/);
    await expectFailure(Buffer.from('plain text'), 'sheet.xlsx', 'corrupt_file', /not a valid Excel workbook/);
    const real = readFileSync(sample('office-formats', 'Great_Insurance_Document_6_IT_Operating_Model_Ops_BCDR.docx'));
    await expectFailure(real.subarray(0, real.length - 200), 'cut.docx', 'corrupt_file', /cut\.docx is damaged/);
    const otherZip = buildZip([{ name: 'hello.txt', data: Buffer.from('hi') }]);
    await expectFailure(otherZip, 'zip.docx', 'corrupt_file', /is a ZIP archive but not a Word document/);
    const garbage = buildZip([{ name: 'xl/workbook.xml', data: Buffer.from('not deflate data at all'), method: 8, declaredSize: 100 }]);
    await expectFailure(garbage, 'garbage.xlsx', 'corrupt_file', /cannot be decompressed/);
    const zipEncrypted = buildZip([{ name: 'word/document.xml', data: Buffer.from('xx'), encrypted: true }]);
    await expectFailure(zipEncrypted, 'zipcrypto.docx', 'encrypted_file', /password-protected/);
  });

  it('zip bombs: by declared sizes, by ratio, and by lying about sizes', async () => {
    const tiny = deflateRawSync(Buffer.alloc(1000));
    const declaredHuge = buildZip([
      { name: 'word/document.xml', data: tiny, method: 8, declaredSize: 300 * 1024 * 1024, declaredCompressedSize: 3 * 1024 * 1024 },
      { name: 'word/media/a.bin', data: tiny, method: 8, declaredSize: 300 * 1024 * 1024, declaredCompressedSize: 3 * 1024 * 1024 },
    ]);
    await expectFailure(declaredHuge, 'big.docx', 'too_large', /big\.docx expands to 600 MiB \(possible zip bomb\)/);
    const ratio = buildZip([{ name: 'xl/workbook.xml', data: tiny, method: 8, declaredSize: 50 * 1024 * 1024 }]);
    await expectFailure(ratio, 'ratio.xlsx', 'too_large', /expands to 50 MiB \(possible zip bomb\)/);
    const bomb = deflateRawSync(Buffer.alloc(20 * 1024 * 1024));
    const lying = buildZip([{ name: 'word/document.xml', data: bomb, method: 8, declaredSize: 4096 }]);
    await expectFailure(lying, 'liar.docx', 'too_large', /expands beyond the sizes it declares \(possible zip bomb\)/);
  });

  it('files over the size limit', async () => {
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x61);
    const error = await parseDocument(big, 'text', 'huge.txt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentParseError);
    expect((error as DocumentParseError).code).toBe('too_large');
    expect((error as DocumentParseError).message).toBe('huge.txt is too large (209,715,201 bytes); the limit for a document is 200 MiB.');
  });
});
