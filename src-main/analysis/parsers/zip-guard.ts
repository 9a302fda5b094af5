// Checks on a ZIP-based Office file (DOCX, XLSX) before a library inflates it: encrypted Office
// files (which are OLE compound files, not ZIPs), files that are not ZIPs at all, and zip bombs
// (judged by the central directory's declared sizes, then by inflating each entry with a cap so a
// lying directory cannot make us allocate more than it declared).

import { inflateRawSync } from 'node:zlib';
import {
  MAX_ZIP_COMPRESSION_RATIO,
  MAX_ZIP_ENTRIES,
  MAX_ZIP_UNCOMPRESSED_BYTES,
  MAX_ZIP_XML_BYTES,
  ZIP_RATIO_CHECK_MIN_BYTES,
  formatMegabytes,
  formatOverLimit,
} from './limits';
import { startsWithBytes } from './text-decode';
import { DocumentParseError } from './types';

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b];
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface OfficeFormat {
  /** What the user calls the file: "Word document", "Excel workbook". */
  label: string;
  /** A part every such package has, e.g. `word/document.xml`. */
  requiredPart: string;
  /** Stream names of the legacy binary format (.doc / .xls) inside an OLE file. */
  legacyStreams: string[];
}

/** Throws a DocumentParseError unless `bytes` look like a sane, unencrypted Office package. */
export function guardOfficePackage(bytes: Buffer, fileName: string, format: OfficeFormat): void {
  if (startsWithBytes(bytes, OLE_SIGNATURE)) throw oleError(bytes, fileName, format);
  if (!startsWithBytes(bytes, ZIP_SIGNATURE)) {
    throw new DocumentParseError(`${fileName} is not a valid ${format.label}: it is not a ZIP package (the file is damaged or has the wrong extension).`, 'corrupt_file');
  }
  const entries = readZipDirectory(bytes, fileName);
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw new DocumentParseError(`${fileName} contains ${entries.length} packaged parts, more than the ${MAX_ZIP_ENTRIES} allowed.`, 'too_large');
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const bomb = entries.find((e) => e.uncompressedSize >= ZIP_RATIO_CHECK_MIN_BYTES && e.uncompressedSize > e.compressedSize * MAX_ZIP_COMPRESSION_RATIO);
  if (total > MAX_ZIP_UNCOMPRESSED_BYTES || bomb) {
    throw new DocumentParseError(`${fileName} expands to ${formatMegabytes(total)} (possible zip bomb).`, 'too_large');
  }
  const xml = entries.filter((e) => /\.(xml|rels)$/i.test(e.name)).reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (xml > MAX_ZIP_XML_BYTES) {
    throw new DocumentParseError(
      `${fileName} expands to ${formatOverLimit(xml, MAX_ZIP_XML_BYTES)} of document markup, over the ${formatMegabytes(MAX_ZIP_XML_BYTES)} that can be analysed safely (a huge or hostile file).`,
      'too_large',
    );
  }
  if (entries.some((e) => e.encrypted)) {
    throw new DocumentParseError(`${fileName} is password-protected (encrypted ZIP package).`, 'encrypted_file');
  }
  if (!entries.some((e) => e.name === format.requiredPart)) {
    throw new DocumentParseError(`${fileName} is a ZIP archive but not a ${format.label} (no ${format.requiredPart}).`, 'corrupt_file');
  }
  for (const entry of entries) verifyEntry(bytes, entry, fileName);
}

function oleError(bytes: Buffer, fileName: string, format: OfficeFormat): DocumentParseError {
  const has = (name: string): boolean => bytes.includes(Buffer.from(name, 'utf16le'));
  if (!has('EncryptedPackage') && !has('EncryptionInfo') && format.legacyStreams.some(has)) {
    return new DocumentParseError(
      `${fileName} is a legacy binary Office file (.doc/.xls) with a new-format extension; save it in the current format and add it again.`,
      'unsupported_format',
    );
  }
  return new DocumentParseError(`${fileName} is password-protected (encrypted Office file).`, 'encrypted_file');
}

function damaged(fileName: string, what: string): DocumentParseError {
  return new DocumentParseError(`${fileName} is damaged: ${what}.`, 'corrupt_file');
}

/** Reads the central directory (with ZIP64 support) without inflating anything. */
export function readZipDirectory(bytes: Buffer, fileName: string): ZipEntry[] {
  const eocd = findEocd(bytes);
  if (eocd < 0) throw damaged(fileName, 'the ZIP directory at its end is missing (was the file truncated?)');
  let count = bytes.readUInt16LE(eocd + 10);
  let dirSize = bytes.readUInt32LE(eocd + 12);
  let dirOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) throw damaged(fileName, 'the ZIP64 directory is missing');
    const z64 = safeNumber(bytes.readBigUInt64LE(locator + 8));
    if (z64 + 56 > bytes.length || bytes.readUInt32LE(z64) !== ZIP64_EOCD) throw damaged(fileName, 'the ZIP64 directory is invalid');
    count = safeNumber(bytes.readBigUInt64LE(z64 + 32));
    dirSize = safeNumber(bytes.readBigUInt64LE(z64 + 40));
    dirOffset = safeNumber(bytes.readBigUInt64LE(z64 + 48));
  }
  if (dirOffset + dirSize > bytes.length) throw damaged(fileName, 'the ZIP directory points past the end of the file');

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL_HEADER) throw damaged(fileName, 'a ZIP directory entry is invalid');
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
      method: bytes.readUInt16LE(p + 10),
      encrypted: (bytes.readUInt16LE(p + 8) & 0x1) !== 0,
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localHeaderOffset: bytes.readUInt32LE(p + 42),
    };
    applyZip64Extra(bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEocd(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= earliest; i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD) return i;
  }
  return -1;
}

/** ZIP64 extended information: 64-bit sizes and offset for fields saturated at 0xFFFFFFFF. */
function applyZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const size = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number | null => {
        if (q + 8 > p + 4 + size || q + 8 > extra.length) return null;
        const value = safeNumber(extra.readBigUInt64LE(q));
        q += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next() ?? entry.uncompressedSize;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? entry.localHeaderOffset;
      return;
    }
    p += 4 + size;
  }
}

function safeNumber(value: bigint): number {
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
}

/** Inflates one entry with its declared size as a hard cap. */
function verifyEntry(bytes: Buffer, entry: ZipEntry, fileName: string): void {
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== LOCAL_HEADER) throw damaged(fileName, `the packaged part ${entry.name} is missing`);
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged(fileName, `the packaged part ${entry.name} is cut short`);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw damaged(fileName, `the packaged part ${entry.name} has inconsistent sizes`);
    return;
  }
  if (entry.method !== 8) {
    throw new DocumentParseError(`${fileName} uses an unsupported ZIP compression method (${entry.method}) for ${entry.name}.`, 'corrupt_file');
  }
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(bytes.subarray(start, end), { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if (error instanceof RangeError || (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new DocumentParseError(`${fileName} expands beyond the sizes it declares (possible zip bomb).`, 'too_large');
    }
    throw damaged(fileName, `the packaged part ${entry.name} cannot be decompressed`);
  }
  if (inflated.length !== entry.uncompressedSize) throw damaged(fileName, `the packaged part ${entry.name} has the wrong size`);
}
