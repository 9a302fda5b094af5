// Turning the bytes of a text-like file (Markdown, text, CSV) into a string, refusing binary data.

import { DocumentParseError } from './types';

/** How much of the file the binary heuristic looks at. */
const SAMPLE_BYTES = 64 * 1024;
/** Share of suspicious characters (NUL, control, undecodable) above which a file is binary. */
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

export function startsWithBytes(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

function binaryError(fileName: string, what: string | null): DocumentParseError {
  const looksLike = what ? ` (it looks like ${what})` : '';
  return new DocumentParseError(`${fileName} contains binary data, not text${looksLike}.`, 'binary_content');
}

/**
 * Decodes UTF-8 (with or without a byte-order mark) and UTF-16 with a byte-order mark. A file that
 * is not valid UTF-8 but has no valid multi-byte sequences either is read as Windows-1252, the usual
 * encoding of text saved by older Windows software. Throws `binary_content` for binary data.
 */
export function decodeText(bytes: Buffer, fileName: string): string {
  if (startsWithBytes(bytes, [0xef, 0xbb, 0xbf])) return checked(utf8(bytes.subarray(3)), fileName, false);
  if (startsWithBytes(bytes, [0xff, 0xfe])) return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), fileName, true);
  if (startsWithBytes(bytes, [0xfe, 0xff])) return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), fileName, true);

  const signature = SIGNATURES.find((s) => startsWithBytes(bytes, s.bytes));
  if (signature) throw binaryError(fileName, signature.name);

  const sample = utf8(bytes.subarray(0, SAMPLE_BYTES));
  const stats = characterStats(sample);
  if (stats.suspicious > sample.length * BINARY_THRESHOLD) throw binaryError(fileName, null);
  if (stats.undecodable > 0 && stats.multibyte === 0) {
    return new TextDecoder('windows-1252').decode(bytes);
  }
  return utf8(bytes);
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

/** Same heuristic on text decoded from UTF-16, where NUL bytes are legitimate in the encoding. */
function checked(text: string, fileName: string, wide: boolean): string {
  const sample = text.slice(0, wide ? SAMPLE_BYTES / 2 : SAMPLE_BYTES);
  if (characterStats(sample).suspicious > sample.length * BINARY_THRESHOLD) throw binaryError(fileName, null);
  return text;
}

interface CharacterStats {
  /** NUL, other control characters than tab/newline/carriage return/form feed, and U+FFFD. */
  suspicious: number;
  undecodable: number;
  multibyte: number;
}

function characterStats(text: string): CharacterStats {
  let suspicious = 0;
  let undecodable = 0;
  let multibyte = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) {
      undecodable += 1;
      suspicious += 1;
    } else if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) suspicious += 1;
    } else if (c === 0x7f) {
      suspicious += 1;
    } else if (c > 0x7f) {
      multibyte += 1;
    }
  }
  return { suspicious, undecodable, multibyte };
}
