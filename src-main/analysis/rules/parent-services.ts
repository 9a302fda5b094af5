import type { DealType } from '../../../src-shared/domain';
import { compare, type FactIndex } from './fact-index';
import type { FactRecord } from './types';
import { isNegative, mentions, textOf } from './values';

/**
 * Facts saying the parent or seller provides something today: the raw material of TSA gaps and
 * carve-out findings. Shared by both so a gap and the finding built on it agree on the facts.
 */

/** Deals where the target leaves a group and parent services must be replaced or contracted. */
export function isSeparationDeal(dealType: DealType): boolean {
  // A divestiture is the seller's side of the same separation, with the same TSA questions.
  return dealType === 'carve_out' || dealType === 'divestiture';
}

const STANDALONE = /^(?:standalone|stand alone|independent|none|no|n\/a|not applicable)\b/i;

/** Every fact stating a parent-provided service, TSA line or application dependency on the parent. */
export function parentFacts(index: FactIndex): FactRecord[] {
  const facts = index.all.filter((f) => {
    if (f.attribute === 'parent_provided_service' || f.attribute === 'app_parent_dependency') {
      return !isNegative(f) && !(f.value.type === 'text' && STANDALONE.test(f.value.text.trim()));
    }
    return f.subjectKind === 'tsa_service' || f.attribute === 'tsa_provider';
  });
  return facts.sort((a, b) => compare(a.stableKey, b.stableKey));
}

/** What a parent fact is about, in words: its subject name and value. */
export function parentFactText(fact: FactRecord): string {
  return `${fact.subjectName ?? ''} ${textOf(fact.value)}`;
}

/**
 * The distinct services behind parent facts: a TSA line or application counts once whatever
 * number of attributes it has; company-level statements count once per service name.
 */
export function parentServiceNames(facts: readonly FactRecord[]): string[] {
  const names = new Map<string, string>();
  for (const f of facts) {
    const name = (f.subjectKey !== null ? (f.subjectName ?? '') : textOf(f.value)).trim();
    const key = name.toLowerCase();
    if (name !== '' && !names.has(key)) names.set(key, name);
  }
  return [...names.values()].sort(compare);
}

/** Parent facts naming one of `areas` ("erp", "service desk"). */
export function parentFactsForArea(facts: readonly FactRecord[], areas: readonly string[]): FactRecord[] {
  return facts.filter((f) => mentions(parentFactText(f), areas));
}

/**
 * Whether a TSA line for the area already states its term and price, in which case the area is
 * contracted for and needs no "provided by parent" gap.
 */
export function tsaTermsStated(index: FactIndex, areas: readonly string[]): boolean {
  return index.subjectsOfKind('tsa_service').some((key) => {
    if (!mentions(index.subjectName(key), areas)) return false;
    const attrs = new Set(index.subject(key).map((f) => f.attribute));
    return attrs.has('tsa_duration_months') && attrs.has('tsa_monthly_cost');
  });
}
