// A small tokenizer for the simple, well-formed HTML mammoth produces (h1-h6, p, ul/ol/li,
// table/tr/td/th, strong/em, a, br, img). Not a general HTML parser, and it need not be one.

export type HtmlToken =
  | { type: 'open'; tag: string }
  | { type: 'close'; tag: string }
  | { type: 'text'; text: string };

const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(\/?)>|([^<]+)|</g;

/** Void elements never get a closing token. */
const VOID = new Set(['br', 'img', 'hr', 'wbr', 'col', 'input', 'meta', 'link']);

export function tokenizeHtml(html: string): HtmlToken[] {
  const tokens: HtmlToken[] = [];
  for (const m of html.matchAll(TOKEN)) {
    const [whole, slash, rawTag, , text] = m;
    if (text !== undefined) {
      tokens.push({ type: 'text', text: decodeEntities(text) });
    } else if (rawTag !== undefined) {
      const tag = rawTag.toLowerCase();
      if (slash) {
        if (!VOID.has(tag)) tokens.push({ type: 'close', tag });
      } else {
        tokens.push({ type: 'open', tag });
      }
    } else if (whole === '<') {
      tokens.push({ type: 'text', text: '<' });
    }
  }
  return tokens;
}

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  bull: '\u2022',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  euro: '\u20ac',
  pound: '\u00a3',
};

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}
