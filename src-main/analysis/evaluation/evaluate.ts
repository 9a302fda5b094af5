// Scores a run against expectations: per category, what was found, what was missed, what was
// raised without being expected, with recall and precision, and whether thresholds hold.

import type { FindingRow } from '../../repositories/findings';
import type { GapRow } from '../../repositories/gaps';
import type { FactRecord } from '../rules/types';
import type { Expectations, FactExpectation, FindingMatcher, GapExpectation } from './expectations';
import { explainMiss, matchesFact, matchesFinding, matchesGap } from './match';
import type { Observed, ObservedFinding } from './observed';

export interface Hit<E, O> {
  expectation: E;
  matches: O[];
}

export interface Miss<E> {
  expectation: E;
  /** What came closest, when something did: "raised as sparse", "severity high". */
  nearMiss: string | null;
}

export interface FactScore {
  found: Array<Hit<FactExpectation, FactRecord>>;
  missed: Array<Miss<FactExpectation>>;
  recall: number;
}

export interface GapScore {
  found: Array<Hit<GapExpectation, GapRow>>;
  missed: Array<Miss<GapExpectation>>;
  /** Gaps raised that are neither expected nor acceptable. */
  unexpected: GapRow[];
  recall: number;
  precision: number;
}

export interface FindingScore {
  found: Array<Hit<FindingMatcher, FindingRow>>;
  missed: Array<Miss<FindingMatcher>>;
  /** Raised, not expected and not acceptable: false positives. */
  unexpected: FindingRow[];
  acceptable: FindingRow[];
  forbidden: Array<Hit<FindingMatcher, FindingRow>>;
  raised: number;
  recall: number;
  precision: number;
}

export interface Evaluation {
  facts: FactScore;
  gaps: GapScore;
  findings: FindingScore;
  /** Thresholds that did not hold, in words; empty when the evaluation passes. */
  failures: string[];
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);

function scoreFacts(expected: readonly FactExpectation[], facts: readonly FactRecord[]): FactScore {
  const found: FactScore['found'] = [];
  const missed: FactScore['missed'] = [];
  for (const expectation of expected) {
    const matches = facts.filter((f) => matchesFact(expectation, f));
    if (matches.length > 0) {
      found.push({ expectation, matches });
      continue;
    }
    const same = facts.filter((f) => f.attribute === expectation.attribute && f.entity === (expectation.entity ?? 'target'));
    const shown = [...new Set(same.map((f) => `${f.subjectName ?? 'company'}=${JSON.stringify(f.value)}`))].slice(0, 4);
    missed.push({ expectation, nearMiss: shown.length > 0 ? `stated as ${shown.join(', ')}` : null });
  }
  return { found, missed, recall: ratio(found.length, expected.length) };
}

function scoreGaps(expected: readonly GapExpectation[], acceptable: readonly string[], gaps: readonly GapRow[]): GapScore {
  const found: GapScore['found'] = [];
  const missed: GapScore['missed'] = [];
  for (const expectation of expected) {
    const matches = gaps.filter((g) => matchesGap(expectation, g));
    if (matches.length > 0) found.push({ expectation, matches });
    else {
      const same = gaps.find((g) => g.checklistItem === expectation.item);
      missed.push({ expectation, nearMiss: same ? `raised as ${same.kind}, ${same.importance}` : null });
    }
  }
  const expectedItems = new Set(expected.map((g) => g.item));
  const unexpected = gaps.filter((g) => !expectedItems.has(g.checklistItem) && !acceptable.includes(g.checklistItem));
  const matched = gaps.filter((g) => found.some((h) => h.matches.includes(g))).length;
  return { found, missed, unexpected, recall: ratio(found.length, expected.length), precision: ratio(matched, matched + unexpected.length) };
}

function scoreFindings(exp: Expectations, findings: readonly ObservedFinding[]): FindingScore {
  const found: FindingScore['found'] = [];
  const missed: FindingScore['missed'] = [];
  const matchedIds = new Set<number>();
  for (const expectation of exp.findings) {
    const matches = findings.filter((f) => matchesFinding(expectation, f));
    if (matches.length > 0) {
      found.push({ expectation, matches: matches.map((m) => m.row) });
      for (const m of matches) matchedIds.add(m.row.id);
      continue;
    }
    const rules = Array.isArray(expectation.rule) ? expectation.rule : [expectation.rule];
    const near = findings.find((f) => rules.some((r) => (r.endsWith('*') ? f.row.ruleId.startsWith(r.slice(0, -1)) : f.row.ruleId === r)));
    missed.push({ expectation, nearMiss: near ? `${near.row.ruleId} "${near.row.title}": ${explainMiss(expectation, near)}` : null });
  }
  const acceptable: FindingRow[] = [];
  const unexpected: FindingRow[] = [];
  for (const f of findings) {
    if (matchedIds.has(f.row.id)) continue;
    if (exp.acceptable.some((a) => matchesFinding(a, f))) acceptable.push(f.row);
    else unexpected.push(f.row);
  }
  const forbidden = exp.forbidden
    .map((expectation) => ({ expectation, matches: findings.filter((f) => matchesFinding(expectation, f)).map((f) => f.row) }))
    .filter((h) => h.matches.length > 0);
  return {
    found,
    missed,
    unexpected,
    acceptable,
    forbidden,
    raised: findings.length,
    recall: ratio(found.length, exp.findings.length),
    precision: ratio(matchedIds.size, matchedIds.size + unexpected.length),
  };
}

export function evaluate(exp: Expectations, observed: Observed): Evaluation {
  const facts = scoreFacts(exp.facts, observed.facts);
  const gaps = scoreGaps(exp.gaps, exp.acceptableGaps, observed.gaps);
  const findings = scoreFindings(exp, observed.findings);
  const t = exp.thresholds;
  const failures: string[] = [];
  const check = (name: string, value: number, min: number | undefined): void => {
    if (min !== undefined && value + 1e-9 < min) failures.push(`${name} ${pct(value)} is below ${pct(min)}`);
  };
  check('fact recall', facts.recall, t.factRecall);
  check('gap recall', gaps.recall, t.gapRecall);
  check('gap precision', gaps.precision, t.gapPrecision);
  check('finding recall', findings.recall, t.findingRecall);
  check('finding precision', findings.precision, t.findingPrecision);
  if (t.maxFindings !== undefined && findings.raised > t.maxFindings) failures.push(`${findings.raised} findings raised, more than ${t.maxFindings}`);
  for (const f of findings.forbidden) failures.push(`forbidden finding "${f.expectation.id}" raised: ${f.matches.map((m) => m.title).join('; ')}`);
  return { facts, gaps, findings, failures };
}

export function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}
