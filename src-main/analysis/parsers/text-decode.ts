// Turning the bytes of a text-like file (Markdown, text, CSV) into a string, refusing binary data.

import { DocumentParseError } from './types';

/** How much of the file the binary heuristic looks at. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of control (NUL etc.) or undecodable characters above which a file is binary. */
const BINARY_THRESHOLD = 0.03;

const SIGNATURES: Array<{ bytes: number[]; name: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], name: 'a PDF file' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive or Office file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: 'a legacy or encrypted Office file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'an executable' },
  { bytes: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
];

/**
 * Windows-1252 characters for bytes 0x80-0x9F (the five undefined bytes keep their C1 code
 * points). Node's TextDecoder('windows-1252') decodes these bytes as Latin-1, so we map them.
 */
export const WINDOWS_1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80] ?? c);
}

export function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function binaryError(fileName: string, what: string | null): DocumentParseError {
  const looksLike = what ? ` (it looks like ${what})` : '';
  return new DocumentParseError(`${fileName} contains binary data, not text${looksLike}.`, 'binary_content');
}

/**
 * Decodes UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark. A file with
 * more invalid UTF-8 sequences than valid multi-byte ones is read as Windows-1252, the usual
 * encoding of text saved by older Windows software. Throws `binary_content` for binary data: known
 * binary signatures, or more than 3% control characters (NUL...) or undecodable bytes.
 */
export function decodeText(bytes: Buffer, fileName: string): string {
  if (startsWithBytes(bytes, [0xef, 0xbb, 0xbf])) return checked(utf8(bytes.subarray(3)), fileName, false);
  if (startsWithBytes(bytes, [0xff, 0xfe])) return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), fileName, true);
  if (startsWithBytes(bytes, [0xfe, 0xff])) return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), fileName, true);

  const signature = SIGNATURES.find((s) => startsWithBytes(bytes, s.bytes));
  if (signature) throw binaryError(fileName, signature.name);

  const sample = utf8(bytes.subarray(0, SAMPLE_BYTES));
  const stats = characterStats(sample);
  if (stats.control > sample.length * BINARY_THRESHOLD) throw binaryError(fileName, null);
  if (stats.undecodable === 0) return utf8(bytes);
  if (stats.undecodable > stats.multibyte) {
    // Not UTF-8: most likely Windows-1252. Its five undefined bytes decode to C1 controls.
    const legacy = decodeWindows1252(bytes);
    if (characterStats(legacy.slice(0, SAMPLE_BYTES)).control > Math.min(legacy.length, SAMPLE_BYTES) * BINARY_THRESHOLD) {
      throw binaryError(fileName, null);
    }
    return legacy;
  }
  if (stats.undecodable > sample.length * BINARY_THRESHOLD) throw binaryError(fileName, null);
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** Same heuristic on text decoded from UTF-16, where NUL bytes are legitimate in the encoding. */
function checked(text: string, fileName: string, wide: boolean): string {
  const sample = text.slice(0, wide ? SAMPLE_BYTES / 2 : SAMPLE_BYTES);
  const stats = characterStats(sample);
  if (stats.control + stats.undecodable > sample.length * BINARY_THRESHOLD) throw binaryError(fileName, null);
  return text;
}

interface CharacterStats {
  /** NUL and other control characters than tab, newline, carriage return and form feed. */
  control: number;
  /** U+FFFD: bytes that were not valid in the encoding. */
  undecodable: number;
  /** Other non-ASCII characters. */
  multibyte: number;
}

function characterStats(text: string): CharacterStats {
  let control = 0;
  let undecodable = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) undecodable += 1;
    else if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control += 1;
    } else if (c >= 0x7f && c <= 0x9f) control += 1;
    else if (c > 0x7f) multibyte += 1;
  }
  return { control, undecodable, multibyte };
}
