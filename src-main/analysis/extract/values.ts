// Parsing of the values documents state: money, counts, percentages, dates and durations, plus the
// last line of defence that keeps markup and citation debris out of every value we emit.

/** Citation markers of pasted chat exports, with or without their private-use delimiters. */
const CITATION_DELIMITED = /(?:file)?cite[\uE000-\uF8FF](?:[A-Za-z0-9_.:-]*[\uE000-\uF8FF])*/g;
const CITATION_BARE = /\b(?:file)?cite(?:turn\d+(?:file|search|view|news)\d+)+(?:L\d+(?:-L\d+)?)?/g;
const CITATION_TOKEN = /\bturn\d+file\d+(?:L\d+(?:-L\d+)?)?\b/g;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

/**
 * Plain single-line text: no citation markers, private-use characters, Markdown emphasis or
 * zero-width marks; odd hyphens folded to '-'; whitespace collapsed. The parsers clean already;
 * this runs again because a value with debris in it is worse than a missing value.
 */
export function cleanText(text: string): string {
  return text
    .replace(CITATION_DELIMITED, ' ')
    .replace(CITATION_BARE, ' ')
    .replace(CITATION_TOKEN, ' ')
    .replace(/filecite/gi, ' ')
    .replace(PRIVATE_USE, '')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*(?=\S)([^*]+?)\*(?=$|[\s).,;:])/g, '$1$2')
    .replace(/`/g, '')
    .replace(/[\u2010\u2011\u2012]/g, '-')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text with bullet or numbering markers removed from the start. */
export function stripListMarker(text: string): string {
  return text.replace(/^(?:[-*+•●▪◦‣]\s+|\d{1,3}[.)]\s+)/, '');
}

/** Removes every parenthesised aside ("SAP ECC (on-premise)" -> "SAP ECC"). */
export function stripParentheticals(text: string): string {
  let out = text;
  for (let i = 0; i < 3; i += 1) {
    const next = out.replace(/\s*\([^()]*\)/g, '');
    if (next === out) break;
    out = next;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The parenthesised asides of a text, innermost groups first. */
export function parentheticals(text: string): string[] {
  return [...text.matchAll(/\(([^()]*)\)/g)].map((m) => (m[1] ?? '').trim()).filter((s) => s !== '');
}

/** Values that state absence: "None", "No", "N/A", "Never", "0"… */
export function isNegative(value: string): boolean {
  return /^(?:none\b|no\b|n\/a\b|nil\b|not\s+(?:in place|implemented|deployed|available|present|used|documented|enforced|certified)\b|never\b|zero\b|0\b(?!\.\d|\s*%))/i.test(
    value.trim(),
  );
}

/** Cell placeholders that carry no value. */
export function isPlaceholder(value: string): boolean {
  return /^(?:|-+|—|–|n\/?a|tbd|tbc|\?|unknown|not listed.*|\(not listed.*\))$/i.test(value.trim());
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, mn: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9,
};
const SCALE_WORD = String.raw`k|thousand|mm|mn|m|million|bn|b|billion`;

function toNumber(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}

function scaled(n: number, scale: string | undefined): number {
  const factor = scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1;
  // Rounds away float noise from scaling ("8.2" * 1e6 = 8199999.999…).
  return Math.round(n * factor * 100) / 100;
}

export interface Money {
  number: number;
  currency: string;
  /** Set when the text states a range ("$3.2M - $4.5M"); number is then the low end. */
  high?: number;
  /** 'month' or 'year' when the amount is stated per period ("$123,334/mo"). */
  per?: 'month' | 'year';
}

const CURRENCY_SYMBOL: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
const MONEY = new RegExp(
  String.raw`(?:(US\$|[$€£])\s?(${NUMBER})(?:\s?(${SCALE_WORD})\b)?|\b(USD|EUR|GBP)\s?(${NUMBER})(?:\s?(${SCALE_WORD})\b)?)` +
    String.raw`(?:\s?(?:-|–|to)\s?(?:[$€£])?\s?(${NUMBER})(?:\s?(${SCALE_WORD})\b)?)?` +
    String.raw`(\s?(?:\/|per\s)\s?(?:mo|month|yr|year|annum)\b)?`,
  'i',
);

/** The first amount of money in the text, or null. "$8.2M" -> 8200000; "$3-5M" -> 3M..5M. */
export function parseMoney(text: string): Money | null {
  const m = MONEY.exec(text);
  if (!m) return null;
  const symbol = m[1] ?? '';
  const currency = m[4]?.toUpperCase() ?? CURRENCY_SYMBOL[symbol.replace('US', '')] ?? 'USD';
  const digits = m[2] ?? m[5] ?? '0';
  let scale = m[3] ?? m[6];
  const highDigits = m[7];
  const highScale = m[8];
  // "$3-5M": the scale written once after the range applies to both ends.
  if (!scale && highDigits && highScale) scale = highScale;
  const money: Money = { number: scaled(toNumber(digits), scale), currency };
  if (highDigits) money.high = scaled(toNumber(highDigits), highScale ?? scale);
  const per = m[9]?.toLowerCase();
  if (per) money.per = /mo/.test(per) ? 'month' : 'year';
  return money;
}

/** A count stated at the start of a value: "47 FTEs", "~450", "Approximately 2,800 devices". */
export function parseLeadingCount(text: string): number | null {
  const m = new RegExp(String.raw`^(?:~|≈|approx\.?|approximately|about|around|roughly|circa|ca\.)?\s*(${NUMBER})(?!\s*%|\.\d|\d|[-–/]\d)`, 'i').exec(
    text.trim(),
  );
  if (!m?.[1]) return null;
  const n = toNumber(m[1]);
  return Number.isInteger(n) ? n : null;
}

/** The first number in the text ("1,407" -> 1407), or null. */
export function parseNumber(text: string): number | null {
  const m = new RegExp(`(?<![\\w.])(${NUMBER})(?![\\w.])`).exec(text);
  return m?.[1] ? toNumber(m[1]) : null;
}

/** The first percentage ("85%", "~40% coverage") as a number 0..100, or null. */
export function parsePercent(text: string): number | null {
  const m = /(?<![\w.])(\d{1,3}(?:\.\d+)?)\s?%/.exec(text);
  if (!m?.[1]) return null;
  const n = Number(m[1]);
  return n >= 0 && n <= 100 ? n : null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_WORD = String.raw`(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthIndex(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

/**
 * The first date in the text as ISO text: "2025-06-30", "2026-09", "March 2026" -> "2026-03",
 * "March 31, 2027" -> "2027-03-31", "12/31/2025" -> "2025-12-31". A quarter or half year maps to
 * its last month ("Q3 2027" -> "2027-09"): a deadline stated as a quarter runs to its end.
 */
export function parseDate(text: string): string | null {
  let m = /\b((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?\b/.exec(text);
  if (m?.[1] && m[2]) return m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
  m = new RegExp(String.raw`\b${MONTH_WORD}\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b`, 'i').exec(text);
  if (m?.[1] && m[2] && m[3]) return `${m[3]}-${pad(monthIndex(m[1]))}-${pad(Number(m[2]))}`;
  m = new RegExp(String.raw`\b${MONTH_WORD}\s*'?((?:19|20)\d{2})\b`, 'i').exec(text);
  if (m?.[1] && m[2]) return `${m[2]}-${pad(monthIndex(m[1]))}`;
  m = /\b(\d{1,2})\/(\d{1,2})\/((?:19|20)\d{2})\b/.exec(text);
  if (m?.[1] && m[2] && m[3]) return `${m[3]}-${pad(Number(m[1]))}-${pad(Number(m[2]))}`;
  m = /\bQ([1-4])\s*(?:FY)?\s*((?:19|20)\d{2})\b/i.exec(text) ?? /\b((?:19|20)\d{2})\s*Q([1-4])\b/i.exec(text);
  if (m?.[1] && m[2]) {
    const [q, y] = m[1].length === 4 ? [m[2], m[1]] : [m[1], m[2]];
    return `${y}-${pad(Number(q) * 3)}`;
  }
  m = /\bH([12])\s*((?:19|20)\d{2})\b/i.exec(text);
  if (m?.[1] && m[2]) return `${m[2]}-${pad(Number(m[1]) * 6)}`;
  m = /(?<![\d.,$-])((?:19|20)\d{2})(?![\d.,%])/.exec(text);
  return m?.[1] ?? null;
}

const DURATION = new RegExp(
  String.raw`(\d+(?:\.\d+)?)(?:\s*(?:-|–|to)\s*(\d+(?:\.\d+)?))?\s*-?\s*(business days?|days?|hours?|hrs?|h|minutes?|mins?|weeks?|months?|mos?|years?|yrs?)\b`,
  'i',
);

const UNIT_HOURS: Array<[RegExp, number]> = [
  [/^(?:min|minute)/i, 1 / 60],
  [/^(?:h|hr|hour)/i, 1],
  [/^(?:business )?day/i, 24],
  [/^week/i, 24 * 7],
  [/^(?:mo|month)/i, 24 * 30],
  [/^(?:yr|year)/i, 24 * 365],
];

/**
 * The first duration in hours ("4-hour" -> 4, "0h" -> 0, "5-7 business days" -> 168). A range
 * yields its upper end: a recovery objective of "48-72 hours" is only met at 72.
 */
export function parseDurationHours(text: string): number | null {
  const m = DURATION.exec(text);
  if (!m?.[1] || !m[3]) return null;
  const factor = UNIT_HOURS.find(([re]) => re.test(m[3] ?? ''))?.[1];
  if (factor === undefined) return null;
  const n = Number(m[2] ?? m[1]);
  return Math.round(n * factor * 1000) / 1000;
}

/**
 * A term in months: "18 months", "1 year", "Day-180" (days after close) -> 6. A range yields its
 * upper end ("Day-60 to Day-120" -> 4), the longest the service may be needed.
 */
export function parseDurationMonths(text: string): number | null {
  const days = [...text.matchAll(/\bday\s?[-\u2010-\u2015]?\s?(\d{1,4})\b/gi)].map((d) => Number(d[1]));
  if (days.length > 0) return Math.round((Math.max(...days) / 30) * 10) / 10;
  const m = DURATION.exec(text);
  if (!m?.[1] || !m[3]) return null;
  const n = Number(m[2] ?? m[1]);
  const unit = m[3].toLowerCase();
  if (/^(?:mo|month)/.test(unit)) return n;
  if (/^(?:yr|year)/.test(unit)) return n * 12;
  if (/^week/.test(unit)) return Math.round((n / 4.345) * 10) / 10;
  if (/day/.test(unit)) return Math.round((n / 30) * 10) / 10;
  return null;
}

/** A retention period as short text ("35-day retention" -> "35 days", "1 year"), or null. */
export function parseRetention(text: string): string | null {
  const m = /(\d+)\s*-?\s*(days?|weeks?|months?|years?)\b/i.exec(text);
  if (!m?.[1] || !m[2]) return null;
  const n = Number(m[1]);
  const unit = m[2].toLowerCase().replace(/s$/, '');
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * When something last happened, as text: 'never', an ISO date, or null when the text states
 * neither ("Quarterly" says how often, not when).
 */
export function parseWhen(text: string): string | null {
  if (/^\W*(?:never|none|not (?:yet )?(?:performed|conducted|done|tested))\b/i.test(text) || /\bnever\b/i.test(text)) return 'never';
  return parseDate(text);
}
