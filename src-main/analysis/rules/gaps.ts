import type { Importance } from '../../../src-shared/domain';
import type { AttributeName } from '../extract/vocabulary';
import { CHECKLIST, type ChecklistItem, type Selector } from './checklist';
import { isKindSelector } from './checklist/item';
import { attributeLabel, describeContradiction, findContradictions, findPlatformDisagreements, type Contradiction } from './contradictions';
import { citeFact, compare, FactIndex, keysOf } from './fact-index';
import { isSeparationDeal, parentFacts, parentFactsForArea, parentFactText, uncoveredParentFacts } from './parent-services';
import type { FactRecord, GapDraft, RuleContext } from './types';
import { addMonths, mentions, textOf, whenOf } from './values';

/**
 * Checklist gaps: for each item, what the data room says about it. The order of precedence is
 * contradictory (the figures must be settled first), provided by parent (the area needs a TSA
 * line whatever else is known), missing, then sparse.
 */
export function deriveGaps(ctx: Omit<RuleContext, 'gaps'>): GapDraft[] {
  const indexes = { target: new FactIndex(ctx.facts, 'target'), buyer: new FactIndex(ctx.facts, 'buyer') };
  const contradictions = [...findContradictions(indexes.target), ...findPlatformDisagreements(indexes.target)];
  const parent = parentFacts(indexes.target);
  const separation = isSeparationDeal(ctx.deal.dealType);
  const gaps: GapDraft[] = [];
  for (const item of CHECKLIST) {
    // A standalone company with no parent services is not asked for TSA terms.
    if (item.separationOnly && !separation && parent.length === 0) continue;
    const index = indexes[item.entity ?? 'target'];
    const importance = separation ? (item.carveOutImportance ?? item.importance) : item.importance;
    const gap = evaluate(item, index, importance, contradictions, separation ? parent : [], ctx.deal.asOfDate);
    if (gap) gaps.push(gap);
  }
  return gaps.sort((a, b) => compare(a.checklistItem, b.checklistItem));
}

function evaluate(
  item: ChecklistItem,
  index: FactIndex,
  importance: Importance,
  contradictions: readonly Contradiction[],
  parent: readonly FactRecord[],
  asOfDate: string,
): GapDraft | null {
  const groups = item.evidence.map((group) => ({ group, facts: group.flatMap((s) => select(index, s)) }));
  const found = groups.filter((g) => g.facts.length > 0);
  const consulted = keysOf(found.flatMap((g) => g.facts));
  const base = { checklistItem: item.id, domain: item.domain, title: item.title };
  const attributes = new Set(item.evidence.flat().flatMap((s): AttributeName[] => (isKindSelector(s) ? [] : [typeof s === 'string' ? s : s.attribute])));

  const conflicts = contradictions.filter((c) => attributes.has(c.attribute));
  if (conflicts.length > 0) {
    const facts = conflicts.flatMap((c) => c.facts);
    return {
      ...base,
      kind: 'contradictory',
      importance,
      request: `Please confirm the correct figures: ${conflicts.map((c) => `${attributeLabel(c.attribute)} is stated as ${describeContradiction(c)}`).join('; ')}.`,
      reasoning: `Documents disagree on ${conflicts.map((c) => attributeLabel(c.attribute)).join(', ')}: ${conflicts.map(describeContradiction).join('; ')}. A decision cannot rest on either value until the target confirms one.`,
      relatedFactKeys: keysOf([...facts, ...found.flatMap((g) => g.facts)]),
    };
  }

  const areaFacts = item.parentAreas ? uncoveredParentFacts(index, parentFactsForArea(parent, item.parentAreas), item.parentAreas) : [];
  if (areaFacts.length > 0) {
    const services = [...new Set(areaFacts.map((f) => parentFactText(f).trim()))].sort(compare);
    return {
      ...base,
      kind: 'provided_by_parent',
      importance,
      request: `Please provide the proposed TSA terms for what the parent provides in this area (${services.join('; ')}): scope, service levels, term, monthly price and the exit plan to a standalone service.`,
      reasoning: `Separation deal: ${areaFacts.map((f) => `"${parentFactText(f).trim()}" (${citeFact(f)})`).join(', ')} shows the parent provides this today, and no TSA line with term and price covers it. Until one does, Day-1 continuity of this area is unsecured.`,
      relatedFactKeys: keysOf([...areaFacts, ...found.flatMap((g) => g.facts)]),
    };
  }

  if (found.length === 0) {
    const lookedFor = item.evidence.length === 0 ? null : item.evidence.flat().map(selectorLabel);
    return {
      ...base,
      kind: 'missing',
      importance,
      request: item.request,
      reasoning: lookedFor
        ? `Checklist ${item.id} looks for ${unique(lookedFor).join(', ')}; no document in the data room states any of them.`
        : `Checklist ${item.id} is not answered by any fact the analysis extracts; it stays open until the target's answer is reviewed.`,
      relatedFactKeys: [],
    };
  }

  const stale = staleFacts(item, index, asOfDate);
  if (stale) {
    return {
      ...base,
      kind: 'stale',
      importance,
      request: `${item.request} The data room only has older information (latest ${stale.latest}); please provide current figures.`,
      reasoning: `Checklist ${item.id}: every dated statement is older than ${stale.months === 0 ? 'the as-of date' : `${stale.months} months before the as-of date`} (${stale.cited}); as of ${asOfDate} they no longer describe the company.`,
      relatedFactKeys: keysOf([...stale.facts, ...found.flatMap((g) => g.facts)]),
    };
  }

  if (found.length < groups.length) {
    const missing = groups.filter((g) => g.facts.length === 0).map((g) => g.group.map(selectorLabel)[0] ?? '');
    const present = found.map((g) => `${g.group.map(selectorLabel)[0]} (${g.facts.length} fact${g.facts.length === 1 ? '' : 's'})`);
    return {
      ...base,
      kind: 'sparse',
      importance: lower(importance),
      request: `${item.request} Not yet provided: ${missing.join(', ')}.`,
      reasoning: `Checklist ${item.id}: the data room states ${present.join(', ')}, but not ${missing.join(', ')}.`,
      relatedFactKeys: consulted,
    };
  }
  return null;
}

/** The item's dated facts when all of them are older than its freshness window, else null. */
function staleFacts(item: ChecklistItem, index: FactIndex, asOfDate: string): { facts: FactRecord[]; latest: string; months: number; cited: string } | null {
  if (!item.freshness) return null;
  const { attributes, months } = item.freshness;
  const dated = attributes.flatMap((a) => index.attr(a)).flatMap((fact) => {
    const when = whenOf(fact);
    return when.kind === 'date' ? [{ fact, date: when.date }] : [];
  });
  if (dated.length === 0) return null;
  const cutoff = addMonths(asOfDate, -months);
  if (dated.some((d) => d.date >= cutoff)) return null;
  const latest = dated.map((d) => d.date).sort().pop() ?? '';
  const facts = dated.map((d) => d.fact);
  return { facts, latest, months, cited: facts.slice(0, 4).map((f) => `${textOf(f.value)} (${citeFact(f)})`).join('; ') };
}

function select(index: FactIndex, selector: Selector): readonly FactRecord[] {
  if (isKindSelector(selector)) {
    const kind = selector.slice('kind:'.length);
    return index.all.filter((f) => f.subjectKind === kind);
  }
  if (typeof selector === 'string') return index.attr(selector);
  return index.attr(selector.attribute).filter((f) => mentions(textOf(f.value), selector.keywords));
}

function selectorLabel(selector: Selector): string {
  if (isKindSelector(selector)) return `${selector.slice('kind:'.length).replace(/_/g, ' ')} records`;
  if (typeof selector === 'string') return attributeLabel(selector).toLowerCase();
  return `${attributeLabel(selector.attribute).toLowerCase()} naming ${selector.keywords.join('/')}`;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** A sparse item is one level less urgent than the same item missing outright. */
function lower(importance: Importance): Importance {
  return importance === 'critical' ? 'high' : importance === 'high' ? 'medium' : 'low';
}
