import { ATTRIBUTES, isAttributeName, type AttributeName } from '../extract/vocabulary';
import { citeFact, compare, documentsOf, type FactIndex } from './fact-index';
import type { FactRecord } from './types';
import { familyOf } from './capabilities';
import { isNegative, isNone, showValue, textOf } from './values';

/**
 * Two documents stating different values for the same company-level figure ("IT staff: 47" in
 * one, "52" in another). Text values are not compared: the same hypervisor is written a dozen
 * ways, and wording differences are not disagreements.
 */
export interface Contradiction {
  attribute: AttributeName;
  /** The disagreeing facts, by stable key. */
  facts: FactRecord[];
  /** How they disagree, when the values are text ("none" vs "CrowdStrike Falcon"). */
  detail?: string;
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
  if (c.detail) return c.detail;
  return c.facts.map((f) => `${showValue(f.value)} (${citeFact(f)})`).join(' vs ');
}

export function attributeLabel(attribute: AttributeName): string {
  return ATTRIBUTES[attribute].label;
}

/**
 * Company-level platform statements that disagree between documents: one says there is none and
 * another names a product ("No EDR capability" vs "EDR: CrowdStrike Falcon"), each document names
 * a different product for the one platform (SAP ECC vs SAP S/4HANA), or the same product at
 * different versions (vSphere 6.7 vs 7.0 U3). A document naming two products describes two
 * platforms, not a disagreement.
 */
const SINGLE_PLATFORM: readonly AttributeName[] = [
  'erp_platform', 'crm_platform', 'email_platform', 'hr_platform', 'hypervisor', 'edr_product', 'siem_product',
  'pam_product', 'sso_product', 'backup_product', 'security_leader', 'soc_model',
];

export function findPlatformDisagreements(index: FactIndex): Contradiction[] {
  const found: Contradiction[] = [];
  for (const attribute of SINGLE_PLATFORM) {
    const facts = index.company(attribute).filter((f) => f.derivation === 'stated');
    if (facts.length < 2) continue;
    const byDoc = new Map<number, FactRecord[]>();
    for (const f of facts) for (const doc of documentsOf(f)) byDoc.set(doc, [...(byDoc.get(doc) ?? []), f]);
    if (byDoc.size < 2) continue;
    const views = [...byDoc.values()].map((list) => ({
      none: list.filter((f) => isNone(f) || isNegative(f)),
      named: list.filter((f) => !isNone(f) && !isNegative(f)),
    }));
    const saysNone = views.filter((v) => v.none.length > 0 && v.named.length === 0);
    const names = views.filter((v) => v.named.length > 0);
    let disagreeing: FactRecord[] = [];
    const named = names.flatMap((v) => v.named);
    if (saysNone.length > 0 && names.length > 0) disagreeing = facts;
    else if (names.every((v) => distinct(v.named, (f) => familyOf(textOf(f.value))).length === 1) && distinct(named, (f) => familyOf(textOf(f.value))).length > 1) {
      disagreeing = named; // each document names one product, and they are different products
    } else if (distinct(named, (f) => familyOf(textOf(f.value))).length === 1 && distinct(named.filter((f) => versionOf(f) !== ''), versionOf).length > 1) {
      disagreeing = named.filter((f) => versionOf(f) !== ''); // one product at different versions; an unversioned mention agrees with any
    }
    if (disagreeing.length === 0) continue;
    const shown = [...new Set(disagreeing.map((f) => `"${textOf(f.value)}" (${citeFact(f)})`))].sort(compare).join(' vs ');
    found.push({ attribute, facts: [...new Set(disagreeing)].sort((x, y) => compare(x.stableKey, y.stableKey)), detail: shown });
  }
  return found;
}

/** The version a product statement gives ("6.7" of "VMware vSphere 6.7"), or ''. */
function versionOf(f: FactRecord): string {
  return /\b\d+(?:\.\d+)*\b/.exec(textOf(f.value))?.[0] ?? '';
}

function distinct(facts: readonly FactRecord[], key: (f: FactRecord) => string): string[] {
  return [...new Set(facts.map(key))];
}
