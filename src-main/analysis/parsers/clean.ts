// Text cleaning shared by every parser, so that what reaches blocks and cells is plain, single-line
// text: no chat-export citation markers, no private-use or control characters, no Markdown
// emphasis (for Markdown sources), collapsed whitespace.

import { WINDOWS_1252_80_9F } from './text-decode';

export interface CleanOptions {
  /** Also strip inline Markdown: `**bold**`, `*em*`, `__x__`, backticks, links, escapes. */
  markdown?: boolean;
}

/**
 * Citation markers from pasted chat exports: `filecite` followed by tokens delimited by private-use
 * characters, e.g. `filecite\uE200turn3file0\uE202L35-L38\uE201`. The same with the private-use
 * characters already lost (`fileciteturn3file0L35-L38`) is matched by the second pattern.
 */
const CITATION_WITH_DELIMITERS = /(?:file)?cite[\uE000-\uF8FF](?:[A-Za-z0-9_.:-]*[\uE000-\uF8FF])*/g;
const CITATION_BARE = /filecite(?:turn\d+(?:file|search|view|news)\d+)+(?:L\d+(?:-L\d+)?)?/g;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
/** C0/C1 control characters (read as spaces); tab and newline are whitespace anyway. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Zero-width marks and byte-order marks (removed). */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
const WHITESPACE = /\s+/g;
/** Printable ASCII words separated by single spaces, nothing around them. */
const PLAIN = /^(?:[!-~]+(?: [!-~]+)*)?$/;
const MARKDOWN_CHARS = /[*_`\\[<~]/;

const HTML_BREAK = /<br\s*\/?>/gi;
const IMAGE = /!\[([^\]]*)\]\([^)]*\)/g;
const LINK = /\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g;
const AUTOLINK = /<((?:https?|mailto):[^>\s]+)>/g;
const STRONG = /(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g;
const STAR_EM = /(^|[^*\w])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![*\w])/g;
const UNDERSCORE_EM = /(^|[^_\w])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![_\w])/g;
const STRIKE = /~~(?=\S)(.+?)(?<=\S)~~/g;
const BACKTICK = /`+/g;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~])/g;

/** Windows-1252 characters for bytes 0x80-0x9F, reversed: character -> byte. */
const CP1252_BYTES = new Map<number, number>([...WINDOWS_1252_80_9F].map((c, i) => [c.charCodeAt(0), 0x80 + i]));
const MOJIBAKE_LEAD = /[\u00C2-\u00F4]/;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The byte a character stands for when UTF-8 was misread as Windows-1252 (or Latin-1). */
function misreadByte(code: number): number | null {
  if (code >= 0x80 && code <= 0xff) return code;
  const cp = CP1252_BYTES.get(code);
  if (cp !== undefined) return cp;
  // Some converters park the undefined 0x81/0x8D/0x8F/0x90/0x9D bytes in the private-use area.
  if (code >= 0xf000 && code <= 0xf8ff && (code & 0xff) >= 0x80 && (code & 0xff) <= 0xbf) return code & 0xff;
  return null;
}

/**
 * Repairs UTF-8 text that was decoded as Windows-1252 somewhere upstream ("90â€“180d" for
 * "90–180d", "ï»¿" for a byte-order mark): each run that re-encodes to one valid multi-byte UTF-8
 * sequence is replaced by the character it encodes. Text without such runs is returned unchanged.
 */
export function repairMojibake(text: string): string {
  // Text can be misread more than once ("Ã¢â‚¬Å“" is a twice-misread left quote).
  let out = text;
  for (let pass = 0; pass < 3 && MOJIBAKE_LEAD.test(out); pass += 1) {
    const next = repairOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

function repairOnce(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const lead = text.charCodeAt(i);
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    const bytes = length > 0 ? continuationBytes(text, i, length) : null;
    if (bytes) {
      try {
        out += UTF8.decode(bytes);
        i += length;
        continue;
      } catch {
        // Not a valid sequence after all: keep the characters as they are.
      }
    }
    out += text[i] ?? '';
    i += 1;
  }
  return out;
}

function continuationBytes(text: string, start: number, length: number): Uint8Array | null {
  if (start + length > text.length) return null;
  const bytes = new Uint8Array(length);
  bytes[0] = text.charCodeAt(start);
  for (let k = 1; k < length; k += 1) {
    const b = misreadByte(text.charCodeAt(start + k));
    if (b === null || b < 0x80 || b > 0xbf) return null;
    bytes[k] = b;
  }
  return bytes;
}

/** Remove citation markers and private-use characters; everything else is left to the caller. */
export function stripCitations(text: string): string {
  return text.replace(CITATION_WITH_DELIMITERS, ' ').replace(CITATION_BARE, ' ').replace(PRIVATE_USE, '');
}

/** Remove inline Markdown markup, keeping the text it marks up. */
export function stripInlineMarkdown(text: string): string {
  let out = text.replace(HTML_BREAK, ' ').replace(IMAGE, '$1').replace(LINK, '$1').replace(AUTOLINK, '$1');
  // Emphasis can nest (`***x***`, `**a *b* c**`), so repeat until nothing changes (bounded).
  for (let i = 0; i < 3; i += 1) {
    const next = out
      .replace(STRONG, '$2')
      .replace(STAR_EM, '$1$2')
      .replace(UNDERSCORE_EM, '$1$2')
      .replace(STRIKE, '$1');
    if (next === out) break;
    out = next;
  }
  return out.replace(BACKTICK, '').replace(ESCAPE, '$1');
}

/**
 * The one cleaning step every parser applies to every block text, heading and cell: repairs
 * mojibake, strips citation markers, private-use, control and zero-width characters, (for Markdown) inline markup,
 * then collapses whitespace and trims.
 */
export function cleanText(text: string, options: CleanOptions = {}): string {
  // Fast path for the common case (most spreadsheet and CSV cells): already clean ASCII.
  if (PLAIN.test(text) && !text.includes('filecite') && !(options.markdown && MARKDOWN_CHARS.test(text))) return text;
  let out = stripCitations(repairMojibake(text)).replace(CONTROL, ' ').replace(ZERO_WIDTH, '');
  if (options.markdown) out = stripInlineMarkdown(out);
  return out.replace(WHITESPACE, ' ').trim();
}

/** True when cleaned text carries a letter or digit (not just rules, pipes or punctuation). */
export function hasText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
