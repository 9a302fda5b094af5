// The evaluation as text: per category, found and missed expectations, unexpected results, recall
// and precision, then the verdict against the file's thresholds.

import type { FindingRow } from '../../repositories/findings';
import { pct, type Evaluation } from './evaluate';
import type { Expectations, FactExpectation, FindingMatcher } from './expectations';
import { valueText } from './match';
import type { Observed } from './observed';

function describeFact(f: FactExpectation): string {
  const subject = f.subject === undefined ? '' : f.subject === null ? ' (company)' : ` [${f.subject}]`;
  const v = f.value;
  const value = !v ? '' : ` = ${[v.equals, v.approx !== undefined ? `~${v.approx}` : undefined, v.contains && `*${v.contains}*`, v.pattern && `/${v.pattern}/`, v.date].filter((x) => x !== undefined && x !== '').join(' ')}`;
  return `${f.domain}.${f.attribute}${subject}${value}`;
}

function describeMatcher(m: FindingMatcher): string {
  const rule = Array.isArray(m.rule) ? m.rule.join('|') : m.rule;
  const title = m.title === undefined ? '' : ` "${Array.isArray(m.title) ? m.title.join('" + "') : m.title}"`;
  const severity = m.severity === undefined ? '' : ` [${Array.isArray(m.severity) ? m.severity.join('/') : m.severity}]`;
  return `${m.id}: ${rule}${title}${severity}`;
}

function describeFinding(f: FindingRow): string {
  const extra = f.type === 'work_item' ? `, ${f.phase ?? '-'}, ${f.costBand ?? '-'}` : '';
  return `[${f.severity}] ${f.ruleId} — ${f.title} (${f.type}, ${f.lens}${extra})`;
}

export interface ReportOptions {
  /** List every fact and finding of the run as well (for writing or debugging expectations). */
  dump?: boolean;
}

export function formatReport(exp: Expectations, result: Evaluation, observed: Observed, options: ReportOptions = {}): string {
  const out: string[] = [];
  const { facts, gaps, findings } = result;
  out.push(`Expectations: ${exp.file}`, `Deal: ${exp.deal.type}, as of ${exp.deal.asOf}`, '');

  out.push(`FACTS  expected ${facts.found.length + facts.missed.length}, found ${facts.found.length}, missed ${facts.missed.length}  recall ${pct(facts.recall)}`);
  for (const m of facts.missed) out.push(`  MISSED ${describeFact(m.expectation)}${m.nearMiss ? `  (${m.nearMiss})` : ''}`);
  out.push('');

  out.push(`GAPS  expected ${gaps.found.length + gaps.missed.length}, found ${gaps.found.length}, missed ${gaps.missed.length}, unexpected ${gaps.unexpected.length}  recall ${pct(gaps.recall)}  precision ${pct(gaps.precision)}`);
  for (const h of gaps.found) out.push(`  found  ${h.expectation.item} ${h.matches.map((g) => `${g.kind}/${g.importance}`).join(', ')}`);
  for (const m of gaps.missed) out.push(`  MISSED ${m.expectation.item}${m.expectation.kind ? ` (${String(m.expectation.kind)})` : ''}${m.nearMiss ? `  (${m.nearMiss})` : '  (not raised)'}`);
  for (const g of gaps.unexpected) out.push(`  UNEXPECTED ${g.checklistItem} ${g.kind}/${g.importance} — ${g.title}`);
  out.push('');

  out.push(
    `FINDINGS  raised ${findings.raised}, expected ${findings.found.length + findings.missed.length}, found ${findings.found.length}, missed ${findings.missed.length}, unexpected ${findings.unexpected.length}, acceptable ${findings.acceptable.length}  recall ${pct(findings.recall)}  precision ${pct(findings.precision)}`,
  );
  for (const h of findings.found) out.push(`  found  ${describeMatcher(h.expectation)}  ← ${h.matches.map((f) => f.title).join('; ')}`);
  for (const m of findings.missed) out.push(`  MISSED ${describeMatcher(m.expectation)}${m.nearMiss ? `  (nearest: ${m.nearMiss})` : ''}`);
  for (const f of findings.unexpected) out.push(`  UNEXPECTED ${describeFinding(f)}`);
  for (const f of findings.acceptable) out.push(`  acceptable ${describeFinding(f)}`);
  for (const f of findings.forbidden) out.push(`  FORBIDDEN ${describeMatcher(f.expectation)} ← ${f.matches.map((m) => m.title).join('; ')}`);
  out.push('');

  if (options.dump) out.push(...dump(observed), '');
  out.push(result.failures.length === 0 ? 'PASS: every threshold holds.' : `FAIL: ${result.failures.join('; ')}.`);
  return out.join('\n');
}

function dump(observed: Observed): string[] {
  const out = ['ALL FACTS'];
  for (const f of observed.facts) {
    const where = f.evidence.map((e) => `${e.documentPath}@${JSON.stringify(e.location)}`).join(' ');
    out.push(`  ${f.entity === 'buyer' ? 'BUYER ' : ''}${f.domain}.${f.attribute} [${f.subjectKind ?? '-'}:${f.subjectName ?? '-'}] = ${valueText(f.value)}  ${where}`);
  }
  out.push('ALL FINDINGS');
  for (const f of observed.findings) {
    out.push(`  ${describeFinding(f.row)}`, `      ${f.row.description}`, `      ${f.row.reasoning}`);
  }
  return out;
}
