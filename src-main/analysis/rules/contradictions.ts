import { ATTRIBUTES, isAttributeName, type AttributeName } from '../extract/vocabulary';
import { citeFact, compare, documentsOf, type FactIndex } from './fact-index';
import type { FactRecord } from './types';
import { textOf } from './values';

/**
 * Two documents stating different values for the same company-level figure ("IT staff: 47" in
 * one, "52" in another). Text values are not compared: the same hypervisor is written a dozen
 * ways, and wording differences are not disagreements.
 */
export interface Contradiction {
  attribute: AttributeName;
  /** The disagreeing facts, by stable key. */
  facts: FactRecord[];
}

/**
 * Figures that legitimately take several values at once: recovery objectives differ by system
 * tier, and computed figures are checked against stated ones by their own rule.
 */
const NOT_A_SINGLE_FIGURE: ReadonlySet<string> = new Set([
  'rto_hours',
  'rpo_hours',
  'application_count_computed',
  'app_total_annual_cost_computed',
]);

const COMPARABLE = new Set(['number', 'money', 'percent', 'boolean']);

export function findContradictions(index: FactIndex): Contradiction[] {
  const byAttribute = new Map<string, FactRecord[]>();
  for (const fact of index.all) {
    if (fact.subjectKey !== null || fact.derivation !== 'stated') continue;
    if (!COMPARABLE.has(fact.value.type) || NOT_A_SINGLE_FIGURE.has(fact.attribute)) continue;
    const list = byAttribute.get(fact.attribute) ?? [];
    list.push(fact);
    byAttribute.set(fact.attribute, list);
  }
  const found: Contradiction[] = [];
  for (const [attribute, facts] of [...byAttribute].sort(([a], [b]) => compare(a, b))) {
    if (!isAttributeName(attribute)) continue;
    const disagreeing = new Set<FactRecord>();
    for (const [i, a] of facts.entries()) {
      for (const b of facts.slice(i + 1)) {
        if (differ(a, b) && fromDifferentDocuments(a, b)) {
          disagreeing.add(a);
          disagreeing.add(b);
        }
      }
    }
    if (disagreeing.size > 0) found.push({ attribute, facts: [...disagreeing].sort((x, y) => compare(x.stableKey, y.stableKey)) });
  }
  return found;
}

function differ(a: FactRecord, b: FactRecord): boolean {
  const x = a.value;
  const y = b.value;
  if (x.type === 'boolean' && y.type === 'boolean') return x.bool !== y.bool;
  if (x.type === 'money' && y.type === 'money' && x.currency.toUpperCase() !== y.currency.toUpperCase()) return false;
  if ((x.type === 'number' || x.type === 'money' || x.type === 'percent') && x.type === y.type) {
    // Relative tolerance: "1.2M" and "1,200,000" are the same figure; 47 and 52 are not.
    return Math.abs(x.number - y.number) > 1e-6 * Math.max(Math.abs(x.number), Math.abs(y.number), 1);
  }
  return false;
}

function fromDifferentDocuments(a: FactRecord, b: FactRecord): boolean {
  const da = documentsOf(a);
  const db = documentsOf(b);
  for (const x of da) for (const y of db) if (x !== y) return true;
  return false;
}

/** "47 (it-overview.md p.2) vs 52 (org.xlsx Staff row 4)". */
export function describeContradiction(c: Contradiction): string {
  const unit = (f: FactRecord) => (f.value.type === 'percent' ? '%' : f.value.type === 'money' ? ` ${f.value.currency}` : '');
  return c.facts.map((f) => `${textOf(f.value)}${unit(f)} (${citeFact(f)})`).join(' vs ');
}

export function attributeLabel(attribute: AttributeName): string {
  return ATTRIBUTES[attribute].label;
}
