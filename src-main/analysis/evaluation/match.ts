// Matching expectations against what a run produced. Every field an expectation gives must hold;
// fields it leaves out match anything.

import type { FactValue } from '../extract/types';
import { normalizeName } from '../keys';
import { canonicalSubjectName } from '../knowledge/aliases';
import type { FactRecord } from '../rules/types';
import type { Citation, FactExpectation, FindingMatcher, GapExpectation, ValueMatcher } from './expectations';
import type { ObservedFinding } from './observed';
import type { GapRow } from '../../repositories/gaps';

function list<T>(value: T | readonly T[] | undefined): readonly T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function oneOf<T>(allowed: T | readonly T[] | undefined, actual: T | null): boolean {
  const options = list(allowed);
  return options === undefined || (actual !== null && options.includes(actual));
}

/** A value as plain text: numbers as digits, booleans as true/false, dates as ISO. */
export function valueText(value: FactValue): string {
  switch (value.type) {
    case 'text':
      return value.text;
    case 'date':
      return value.date;
    case 'boolean':
      return String(value.bool);
    case 'money':
      return `${value.number} ${value.currency}`;
    default:
      return String(value.number);
  }
}

function numberOf(value: FactValue): number | null {
  return value.type === 'number' || value.type === 'money' || value.type === 'percent' ? value.number : null;
}

export function matchesValue(matcher: ValueMatcher | undefined, value: FactValue): boolean {
  if (!matcher) return true;
  const text = valueText(value).toLowerCase();
  const n = numberOf(value);
  if (matcher.equals !== undefined) {
    const e = matcher.equals;
    if (typeof e === 'number' && (n === null || Math.abs(n - e) > 1e-9 * Math.max(1, Math.abs(e)))) return false;
    if (typeof e === 'boolean' && !(value.type === 'boolean' && value.bool === e)) return false;
    if (typeof e === 'string' && normalizeName(valueText(value)) !== normalizeName(e)) return false;
  }
  if (matcher.approx !== undefined) {
    const tolerance = matcher.tolerance ?? 0.005;
    if (n === null || Math.abs(n - matcher.approx) > tolerance * Math.max(1, Math.abs(matcher.approx))) return false;
  }
  if (matcher.contains !== undefined && !text.includes(matcher.contains.toLowerCase())) return false;
  if (matcher.pattern !== undefined && !new RegExp(matcher.pattern, 'i').test(valueText(value))) return false;
  if (matcher.date !== undefined && !(value.type === 'date' && value.date.startsWith(matcher.date))) return false;
  if (matcher.currency !== undefined && !(value.type === 'money' && value.currency.toUpperCase() === matcher.currency.toUpperCase())) return false;
  return true;
}

/** Subject names compared normalised, each side also through the alias table of the fact's kind. */
function sameSubjectName(expected: string, fact: FactRecord): boolean {
  if (fact.subjectName === null) return false;
  const kind = fact.subjectKind ?? '';
  const want = new Set([normalizeName(expected), normalizeName(canonicalSubjectName(kind, expected))]);
  return want.has(normalizeName(fact.subjectName)) || want.has(normalizeName(canonicalSubjectName(kind, fact.subjectName)));
}

export function matchesFact(expected: FactExpectation, fact: FactRecord): boolean {
  if (fact.attribute !== expected.attribute || fact.domain !== expected.domain) return false;
  if (fact.entity !== (expected.entity ?? 'target')) return false;
  if (expected.subject === null && fact.subjectKey !== null) return false;
  if (typeof expected.subject === 'string' && !sameSubjectName(expected.subject, fact)) return false;
  if (expected.document !== undefined && !fact.evidence.some((e) => e.documentPath.includes(expected.document ?? ''))) return false;
  return matchesValue(expected.value, fact.value);
}

export function matchesGap(expected: GapExpectation, gap: GapRow): boolean {
  return gap.checklistItem === expected.item && oneOf(expected.kind, gap.kind as never) && oneOf(expected.importance, gap.importance);
}

function ruleMatches(pattern: string, ruleId: string): boolean {
  return pattern.endsWith('*') ? ruleId.startsWith(pattern.slice(0, -1)) : pattern === ruleId;
}

function contains(haystack: string, needles: string | readonly string[] | undefined): boolean {
  const all = list(needles);
  if (all === undefined) return true;
  const h = haystack.toLowerCase();
  return all.every((n) => h.includes(n.toLowerCase()));
}

function cites(finding: ObservedFinding, citation: Citation): boolean {
  return finding.facts.some((fact) =>
    fact.evidence.some(
      (e) =>
        (citation.document === undefined || e.documentPath.includes(citation.document)) &&
        (citation.row === undefined || e.location.row === citation.row) &&
        (citation.line === undefined || e.location.line === citation.line) &&
        (citation.page === undefined || e.location.page === citation.page),
    ),
  );
}

export function matchesFinding(matcher: FindingMatcher, finding: ObservedFinding): boolean {
  const row = finding.row;
  if (!list(matcher.rule)?.some((r) => ruleMatches(r, row.ruleId))) return false;
  if (!contains(row.title, matcher.title)) return false;
  if (!contains(`${row.title}\n${row.description}\n${row.reasoning}`, matcher.text)) return false;
  if (!oneOf(matcher.type, row.type) || !oneOf(matcher.severity, row.severity) || !oneOf(matcher.lens, row.lens as never)) return false;
  if (!oneOf(matcher.phase, row.phase as never) || !oneOf(matcher.costBand, row.costBand as never)) return false;
  return (matcher.cites ?? []).every((c) => cites(finding, c));
}

/** Why a near miss failed: the first field that did not hold, for the report. */
export function explainMiss(matcher: FindingMatcher, finding: ObservedFinding): string {
  const row = finding.row;
  if (!oneOf(matcher.severity, row.severity)) return `severity ${row.severity}`;
  if (!oneOf(matcher.type, row.type)) return `type ${row.type}`;
  if (!oneOf(matcher.lens, row.lens as never)) return `lens ${row.lens}`;
  if (!oneOf(matcher.phase, row.phase as never)) return `phase ${row.phase ?? 'none'}`;
  if (!oneOf(matcher.costBand, row.costBand as never)) return `cost band ${row.costBand ?? 'none'}`;
  if (!contains(row.title, matcher.title)) return 'title differs';
  if (!(matcher.cites ?? []).every((c) => cites(finding, c))) return 'citation missing';
  return 'text differs';
}
