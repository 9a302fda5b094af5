// Shared pieces of the statement handlers: the statement shape and the product-valued handler.

import { canonicalSubjectName } from '../knowledge/aliases';
import { findProducts } from './catalogue';
import { text } from './facts';
import { affirmedProducts, clauses, isAffirmative } from './scope';
import type { Scope } from './scope';
import type { AttributeName } from './vocabulary';
import { isNegative, stripParentheticals } from './values';

export interface Statement {
  /** The key as written (cleaned), and normalised for matching. */
  key: string;
  nkey: string;
  value: string;
  /** Normalised key of the enclosing statement, for "Security tools: Email: Mimecast". */
  parent?: string;
}

export type HandlerFn = (st: Statement, s: Scope) => boolean;

export interface Handler {
  key: RegExp;
  fn: HandlerFn;
}

/** The canonical text of a product value. */
export function productName(name: string): string {
  return canonicalSubjectName('product', name);
}

/**
 * A value that reads like a product name ("Rockwell FactoryTalk", "Juniper"), not a sentence:
 * at most five words, each capitalised or carrying a digit or symbol.
 */
export function productLike(value: string): string | null {
  const base = stripParentheticals(value).split(/\s*(?:[,;]|\s[-–—]\s)\s*/)[0]?.trim() ?? '';
  const words = base.split(/\s+/);
  if (base === '' || words.length > 5 || base.length > 60) return null;
  if (!words.every((w) => /^[\p{Lu}\d@&+.#/-]/u.test(w) || /^(?:of|for|and|de|on)$/.test(w))) return null;
  if (/^(?:None|No|Not|N\/A|Yes|Unknown|TBD|Various|Multiple|Mix|Custom|Current|Shared|All|Every|See)\b/i.test(base)) return null;
  return base;
}

/**
 * A handler for a product-valued attribute. Products of the attribute's class named in the value
 * become facts; a value naming another class of product is left to that class (the free scan);
 * an unknown but name-like value is kept as written. `none` records stated absence.
 */
export function product(attr: AttributeName, options: { none?: boolean; descriptive?: boolean } = {}): HandlerFn {
  return (st, s) => {
    const value = st.value;
    if (isNegative(value)) {
      if (options.none) s.emit(attr, text('none'));
      return true;
    }
    const keyHasOwn = findProducts(stripParentheticals(st.key)).some((h) => h.attrs.includes(attr));
    const scanned = keyHasOwn ? `${stripParentheticals(st.key)}: ${value}` : value;
    const hits = affirmedProducts(scanned);
    const own = hits.filter((h) => h.attrs.includes(attr));
    for (const h of own) s.emit(attr, text(productName(h.name)));
    if (own.length > 0) return true;
    if (keyHasOwn) {
      for (const h of findProducts(stripParentheticals(st.key)).filter((x) => x.attrs.includes(attr))) s.emit(attr, text(productName(h.name)));
      return true;
    }
    if (hits.length > 0 && !options.descriptive) return true;
    if (!clauses(value).some(isAffirmative) && !options.descriptive) return true;
    const name = options.descriptive ? stripParentheticals(value) : productLike(value);
    if (name && s.doc.parent?.test(name) !== true) s.emit(attr, text(options.descriptive ? name : productName(name)));
    return true;
  };
}

