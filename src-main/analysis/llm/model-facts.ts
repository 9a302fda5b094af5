import { findProducts } from '../extract/catalogue';
import { bool, date, money, num, percent, text, type FactSink } from '../extract/facts';
import { productName } from '../extract/handler-kit';
import type { FactValue } from '../extract/types';
import {
  isNegative,
  parseDate,
  parseDurationHours,
  parseDurationMonths,
  parseLeadingCount,
  parseMoney,
  parseNumber,
  parsePercent,
  parseRetention,
  parseWhen,
} from '../extract/values';
import { ATTRIBUTES, type AttributeName } from '../extract/vocabulary';
import { normalizeName } from '../keys';
import type { ModelFact, ParsedAnswer } from './answer';
import { MODEL_CONFIDENCE } from './config';
import type { QuoteIndex } from './grounding';
import { MODEL_ATTRIBUTES } from './prompt';

/** What became of the facts of one answer. */
export interface ReadCounts {
  proposed: number;
  rejectedQuotes: number;
  invalid: number;
}

/**
 * Turns an answer's facts into extracted facts, keeping only what the text supports: an attribute
 * of the vocabulary in its own domain, a quote found verbatim in the part (the location is where it
 * was found), a subject named in the part, and a value that parses and appears in its quote.
 */
export function readAnswer(answer: ParsedAnswer, index: QuoteIndex, sink: FactSink, counts: ReadCounts): void {
  for (const { domain, fact } of answer.items) {
    counts.proposed += 1;
    if (!fact || !(MODEL_ATTRIBUTES[domain] as string[]).includes(fact.attribute)) {
      counts.invalid += 1;
      continue;
    }
    const attribute = fact.attribute as AttributeName;
    const grounded = index.locate(fact.quote);
    if (!grounded) {
      counts.rejectedQuotes += 1;
      continue;
    }
    const spec = ATTRIBUTES[attribute];
    const subjectName = fact.subject?.trim() ?? '';
    if (spec.subject !== null && (subjectName === '' || !index.normalizedText.toLowerCase().includes(subjectName.toLowerCase().replace(/\s+/g, ' ')))) {
      counts.invalid += 1;
      continue;
    }
    const value = parseValue(attribute, fact.value, grounded.quote);
    if (!value || !valueInQuote(value, fact, grounded.quote)) {
      counts.invalid += 1;
      continue;
    }
    try {
      sink.add({
        attribute,
        subject: spec.subject === null ? null : { kind: spec.subject, name: subjectName },
        value,
        confidence: MODEL_CONFIDENCE,
        location: grounded.location,
        quote: grounded.quote,
      });
    } catch {
      // The sink checks the vocabulary again and throws on a mismatch; for a model that is bad input.
      counts.invalid += 1;
    }
  }
}

/** The value as the rules would type it, from the model's text (or from its quote for a currency). */
export function parseValue(attribute: AttributeName, raw: string, quote: string): FactValue | null {
  const written = raw.trim();
  if (written === '') return null;
  const spec = ATTRIBUTES[attribute];
  switch (spec.type) {
    case 'text':
      return text(textValue(attribute, written));
    case 'number': {
      const n = /_hours$/.test(attribute)
        ? (parseDurationHours(written) ?? parseNumber(written))
        : /_months$/.test(attribute)
          ? (parseDurationMonths(written) ?? parseNumber(written))
          : (parseLeadingCount(written) ?? parseNumber(written));
      return n === null ? null : num(n);
    }
    case 'money': {
      const m = parseMoney(written) ?? currencyFromQuote(written, quote);
      if (!m) return null;
      // An amount stated per month for a yearly figure (or the reverse) is the same money restated.
      const monthly = /monthly/.test(attribute);
      const amount = m.per === 'month' && !monthly ? m.number * 12 : m.per === 'year' && monthly ? m.number / 12 : m.number;
      return money(Math.round(amount * 100) / 100, m.currency);
    }
    case 'percent': {
      const p = parsePercent(written) ?? parseNumber(written);
      return p === null || p < 0 || p > 100 ? null : percent(p);
    }
    case 'date': {
      const d = parseDate(written);
      return d === null ? null : date(d);
    }
    case 'boolean':
      if (/^(?:true|yes|y)$/i.test(written)) return bool(true);
      if (/^(?:false|no|n)$/i.test(written)) return bool(false);
      return null;
  }
}

/** Text the way the rules write it, so equal meanings get equal keys: "none", "never", canonical products. */
function textValue(attribute: AttributeName, written: string): string {
  if (/^last_/.test(attribute)) return parseWhen(written) ?? written;
  if (attribute === 'backup_retention') return parseRetention(written) ?? written;
  if (isNegative(written)) return 'none';
  const hit = findProducts(written).find((h) => h.attrs.includes(attribute));
  return hit ? productName(hit.name) : written;
}

function currencyFromQuote(written: string, quote: string): { number: number; currency: string; per?: 'month' | 'year' } | null {
  const n = parseNumber(written);
  const stated = parseMoney(quote);
  return n === null || !stated ? null : { number: n, currency: stated.currency };
}

/**
 * The value must be read from its quote, not only the quote be real: numbers, money, percentages
 * and dates need their first figure in the quote; text needs a word of it there (or be a denial).
 */
function valueInQuote(value: FactValue, fact: ModelFact, quote: string): boolean {
  switch (value.type) {
    case 'boolean':
      return true;
    case 'text': {
      if (value.text === 'none' || value.text === 'never') return true;
      const words = normalizeName(fact.value).split(' ').filter((w) => w.length >= 3 || /\d/.test(w));
      const haystack = ` ${normalizeName(quote)} `;
      return words.length === 0 ? haystack.includes(` ${normalizeName(fact.value)} `) : words.some((w) => haystack.includes(w));
    }
    default: {
      const figure = /\d+(?:[.,]\d+)*/.exec(fact.value)?.[0]?.replace(/,/g, '');
      return figure !== undefined && quote.replace(/,/g, '').includes(figure);
    }
  }
}
