import type { Domain, Entity, Importance } from '../../../../src-shared/domain';
import type { AttributeName } from '../../extract/vocabulary';

/**
 * What answers a checklist item: an attribute from the shared vocabulary, any fact about a subject
 * of a kind (`kind:application`), or an attribute whose text mentions one of some keywords.
 */
export type KindSelector = `kind:${string}`;
export type Selector = AttributeName | KindSelector | { attribute: AttributeName; keywords: readonly string[] };

export function isKindSelector(selector: Selector): selector is KindSelector {
  return typeof selector === 'string' && selector.startsWith('kind:');
}

/**
 * One line of the due-diligence checklist (CHECKLIST.md), as data.
 *
 * `evidence` lists groups of selectors: the item is answered when every group has a fact, sparse
 * when only some do, and missing when none does. An item with no groups is one no extractor can
 * answer (licence exposure, IP ownership…): it stays a gap until the team closes it by hand,
 * which is the honest outcome when the data room is silent.
 */
export interface ChecklistItem {
  id: string;
  domain: Domain;
  title: string;
  evidence: ReadonlyArray<readonly Selector[]>;
  importance: Importance;
  /** Importance when the deal is a carve-out; set for what a parent typically provides (TSA candidates). */
  carveOutImportance?: Importance;
  /** Words naming this area in parent-provided or TSA services ("erp", "service desk"). */
  parentAreas?: readonly string[];
  /** Whose facts answer the item; the target unless the item is about the buyer. */
  entity?: Entity;
  /** Only asked in a carve-out or divestiture, or when the documents name parent-provided services. */
  separationOnly?: boolean;
  /**
   * Dated evidence that goes out of date: when every dated fact of these attributes is older than
   * `months` before the as-of date, the item is a "stale" gap (only old figures).
   */
  freshness?: { attributes: readonly AttributeName[]; months: number };
  /** What the deal team sends to the target. */
  request: string;
}

/** Keeps checklist files short: positional arguments in the order the table reads. */
export function item(
  id: string,
  domain: Domain,
  title: string,
  evidence: ReadonlyArray<readonly Selector[]>,
  importance: Importance,
  request: string,
  options: Pick<ChecklistItem, 'carveOutImportance' | 'parentAreas' | 'entity' | 'separationOnly' | 'freshness'> = {},
): ChecklistItem {
  return { id, domain, title, evidence, importance, request, ...options };
}
