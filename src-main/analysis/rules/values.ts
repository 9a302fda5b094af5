import type { FactValue } from '../extract/types';
import { ATTRIBUTES, isAttributeName } from '../extract/vocabulary';
import type { FactRecord } from './types';

/**
 * Value readers for rules. Facts arrive typed, but prose facts often carry their meaning as text
 * ("None", "never", "Q3 2024"), so these readers accept both the typed form and the usual wording.
 */

export function textOf(value: FactValue): string {
  switch (value.type) {
    case 'text':
      return value.text;
    case 'number':
    case 'money':
    case 'percent':
      return String(value.number);
    case 'date':
      return value.date;
    case 'boolean':
      return value.bool ? 'yes' : 'no';
  }
}

/** A number from number, money or percent facts, or from text that is only a number. */
export function numberOf(fact: FactRecord): number | null {
  const v = fact.value;
  if (v.type === 'number' || v.type === 'money' || v.type === 'percent') return Number.isFinite(v.number) ? v.number : null;
  if (v.type === 'text') {
    const m = /^\s*~?\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(v.text.replace(/,/g, ''));
    return m?.[1] ? Number(m[1]) : null;
  }
  return null;
}

/**
 * A percentage on a 0..100 scale. Extractors write "85%" as 85; a value in (0, 1) is read as a
 * fraction (0.85) since no coverage figure in a data room is below one percent by design.
 */
export function percentOf(fact: FactRecord): number | null {
  const n = numberOf(fact);
  if (n === null) return null;
  return n > 0 && n < 1 ? n * 100 : n;
}

const NEGATIVE =
  /^(?:none|no|n\/a|nil|never|zero|0|absent|missing|vacant|nobody|no one|not\s+(?:in place|implemented|deployed|available|present|used|documented|enforced|tested|performed|defined|established|in use)|no\s+(?:dedicated|formal|documented|current|security|siem|edr|soc|plan|mfa|dr|disaster))\b/i;

/** Text or boolean stating absence ("None", "No dedicated security staff", false). */
export function isNegative(fact: FactRecord): boolean {
  const v = fact.value;
  if (v.type === 'boolean') return !v.bool;
  if (v.type === 'number' || v.type === 'percent') return v.number === 0;
  if (v.type !== 'text') return false;
  return NEGATIVE.test(v.text.trim());
}

/**
 * A value that is only a denial ("None", "No", "N/A"), as opposed to a statement that starts with
 * "no" and describes a problem ("No fire suppression", "No one else knows the AS/400").
 */
export function isNone(fact: FactRecord): boolean {
  const v = fact.value;
  if (v.type === 'boolean') return !v.bool;
  if (v.type !== 'text') return false;
  return /^(?:none|no|n\/a|nil|not applicable|none (?:known|identified|reported)|no known \w+)\.?$/i.test(v.text.trim());
}

/** True/false from a boolean fact or yes/no text; null when the fact says neither. */
export function boolOf(fact: FactRecord): boolean | null {
  const v = fact.value;
  if (v.type === 'boolean') return v.bool;
  if (v.type !== 'text') return null;
  if (/^(?:yes|true|enabled|enforced|in place|implemented)\b/i.test(v.text.trim())) return true;
  if (isNegative(fact)) return false;
  return null;
}

export type When = { kind: 'never' } | { kind: 'date'; date: string } | { kind: 'unknown' };

/**
 * When something happened, from a date fact or text ("never", "2024-03-15", "2023-11", "2022",
 * "March 2024"). Partial dates are read as the END of the period they name: a test "in 2023" is
 * credited with the latest day it could have been, so an age-based finding never overstates.
 */
export function whenOf(fact: FactRecord): When {
  const v = fact.value;
  if (v.type === 'date') return endOfPeriod(v.date);
  if (v.type === 'boolean') return v.bool ? { kind: 'unknown' } : { kind: 'never' };
  if (v.type !== 'text') return { kind: 'unknown' };
  const text = v.text.trim();
  if (/\bnever\b|^(?:none|no|not (?:yet )?(?:tested|performed|conducted|done))\b/i.test(text)) return { kind: 'never' };
  const iso = /\b((?:19|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?\b/.exec(text);
  const month = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+((?:19|20)\d{2})\b/i.exec(text);
  if (month?.[1] && month[2]) {
    const m = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(month[1].toLowerCase()) + 1;
    return endOfPeriod(`${month[2]}-${String(m).padStart(2, '0')}`);
  }
  if (iso?.[1]) return endOfPeriod([iso[1], iso[2], iso[3]].filter(Boolean).join('-'));
  return { kind: 'unknown' };
}

/** "2024" → 2024-12-31, "2024-02" → 2024-02-29, full dates unchanged. */
export function endOfPeriod(date: string): When {
  const [y, m, d] = date.split('-');
  if (!y || !/^\d{4}$/.test(y)) return { kind: 'unknown' };
  if (d) return { kind: 'date', date: `${y}-${m}-${d}` };
  if (m) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { kind: 'date', date: `${y}-${m}-${String(last).padStart(2, '0')}` };
  }
  return { kind: 'date', date: `${y}-12-31` };
}

/** Whole months from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const months = ((ty ?? 0) - (fy ?? 0)) * 12 + ((tm ?? 0) - (fm ?? 0));
  return (td ?? 1) < (fd ?? 1) ? months - 1 : months;
}

/** ISO date `months` after `date` (day clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = (y ?? 0) * 12 + ((m ?? 1) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d ?? 1, last)).padStart(2, '0')}`;
}

/** Normalised text for keyword tests: lower case, punctuation as spaces, padded for whole-word search. */
export function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9%]+/g, ' ').trim()} `;
}

export function mentions(text: string, keywords: readonly string[]): boolean {
  const w = words(text);
  return keywords.some((k) => w.includes(` ${k} `));
}

/**
 * A number as a reader writes it: thousands separated ("19,632,626"), at most two decimals.
 * Locale-independent, so reasoning text is the same on every machine.
 */
export function formatNumber(n: number, groupFrom = 5): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Math.round(n * 100) / 100;
  const [whole = '0', fraction] = Math.abs(rounded).toString().split('.');
  // Four-digit counts read fine as they are ("2296 employees") and stay clear of years.
  const grouped = whole.length >= groupFrom ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole;
  return `${rounded < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

const CURRENCY_SIGNS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£' };

/** An amount of money as a reader writes it: "$19,632,626", "€1,200", "1,500,000 CHF". */
export function formatMoney(n: number, currency = 'USD'): string {
  const code = currency.toUpperCase();
  const sign = CURRENCY_SIGNS[code];
  const amount = formatNumber(Math.abs(n), 4);
  const minus = n < 0 ? '-' : '';
  return sign ? `${minus}${sign}${amount}` : `${minus}${amount}${code ? ` ${code}` : ''}`;
}

/** A value as a reader expects it: "85%", "$1,200,000", "2025-06-30", "yes", or the text. */
export function showValue(value: FactValue): string {
  if (value.type === 'percent') return `${value.number}%`;
  if (value.type === 'money') return formatMoney(value.number, value.currency);
  if (value.type === 'number') return formatNumber(value.number);
  return textOf(value);
}

/** The distinct values of some facts, quoted: "\"None\", \"85%\"". */
export function quoteFacts(facts: readonly FactRecord[]): string {
  return [...new Set(facts.map((f) => `"${showValue(f.value)}"`))].join(', ');
}

/** The distinct facts as "Label: value", for reasoning where the value alone is cryptic ("no"). */
export function labelFacts(facts: readonly FactRecord[]): string {
  return [...new Set(facts.map((f) => `${isAttributeName(f.attribute) ? ATTRIBUTES[f.attribute].label : f.attribute}: ${showValue(f.value)}`))].join('; ');
}
