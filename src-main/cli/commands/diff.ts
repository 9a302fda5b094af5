import { DOMAIN_LABELS, type Domain } from '../../../src-shared/domain';
import { attributeLabel } from '../../deal-data/labels';
import type { FactRow } from '../../repositories/facts';
import { compareRuns, CompareError, type FieldChange, type RunComparison } from '../../services/diff';
import { cliCommand, parseLimit } from '../args';
import { CliError, requireDeal, requireRun, type CliContext } from '../context';
import { truncate } from '../format';

export interface DiffArgs {
  deal?: string;
  runA?: string;
  runB?: string;
  limit?: string;
}

/** diff <deal> <runA> <runB>: what is new, resolved and changed from run A to run B. */
export function diffCommand(ctx: CliContext, args: DiffArgs): number {
  const deal = requireDeal(ctx, args.deal);
  const [a, b] = [runNumber(args.runA), runNumber(args.runB)];
  const limit = parseLimit(args.limit);
  for (const n of [a, b]) requireRun(ctx, deal, n);
  let comparison: RunComparison;
  try {
    comparison = compareRuns(ctx.database.db, { dealId: deal.id, runA: a, runB: b, factLimit: ctx.json ? 10_000 : limit });
  } catch (error) {
    if (error instanceof CompareError) throw new CliError(`Deal "${deal.name}": ${error.message} List its runs with: ${cliCommand('runs', deal.name, ...ctx.dbArgs)}`);
    throw error;
  }
  if (ctx.json) {
    ctx.out(JSON.stringify(comparison, null, 2));
    return 0;
  }
  for (const line of formatComparison(comparison, deal.name, limit)) ctx.out(line);
  return 0;
}

function runNumber(text: string | undefined): number {
  const n = text === undefined ? NaN : Number(text.trim().replace(/^#/, ''));
  if (!Number.isInteger(n) || n < 1) throw new CliError(`diff needs two run numbers: diff <deal> <runA> <runB> (got "${text ?? ''}").`);
  return n;
}

export function formatComparison(c: RunComparison, dealName: string, limit: number): string[] {
  const lines: string[] = [`Deal "${dealName}": run ${c.runA.runNumber} → run ${c.runB.runNumber}`, ''];
  const docs = c.documents;
  const count = (kind: string) => docs.filter((d) => d.change === kind).length;
  lines.push(`Documents: ${count('new')} new, ${count('changed')} changed, ${count('removed')} removed`);
  for (const d of docs) lines.push(`  ${{ new: '+', changed: '~', removed: '-', unchanged: ' ' }[d.change]} ${d.relativePath}${d.change === 'changed' ? ` (version ${d.version})` : ''}`);

  const { facts } = c;
  lines.push('', `Facts: ${facts.new.total} new, ${facts.resolved.total} no longer stated, ${facts.changed.total} changed`);
  for (const { fact, otherValues } of facts.new.rows.slice(0, limit)) lines.push(`  + ${factLine(fact)}${otherValues.length ? `   (run ${c.runA.runNumber}: ${otherValues.join('; ')})` : ''}`);
  more(lines, facts.new.total, limit);
  for (const { fact, otherValues } of facts.resolved.rows.slice(0, limit)) lines.push(`  - ${factLine(fact)}${otherValues.length ? `   (run ${c.runB.runNumber}: ${otherValues.join('; ')})` : ''}`);
  more(lines, facts.resolved.total, limit);
  for (const change of facts.changed.rows.slice(0, limit)) lines.push(`  ~ ${factLine(change.after)}: ${fields(change.fields)}`);
  more(lines, facts.changed.total, limit);

  const { gaps } = c;
  lines.push('', `Gaps (requests): ${gaps.new.length} new, ${gaps.resolved.length} answered, ${gaps.changed.length} changed`);
  for (const g of gaps.new) lines.push(`  + [${g.importance}] ${g.checklistItem} ${g.title}`);
  for (const g of gaps.resolved) lines.push(`  ✓ [${g.importance}] ${g.checklistItem} ${g.title}`);
  for (const g of gaps.changed) lines.push(`  ~ ${g.after.checklistItem} ${g.after.title}: ${fields(g.fields)}`);

  const { findings } = c;
  lines.push('', `Findings: ${findings.new.length} new, ${findings.resolved.length} resolved, ${findings.changed.length} changed`);
  for (const f of findings.new) lines.push(`  + [${f.severity}] ${f.title}`);
  for (const f of findings.resolved) lines.push(`  - [${f.severity}] ${f.title}`);
  for (const f of findings.changed) lines.push(`  ~ [${f.after.severity}] ${f.after.title}: ${fields(f.fields)}`);
  return lines;
}

function factLine(f: FactRow): string {
  const domain = DOMAIN_LABELS[f.domain as Domain] ?? f.domain;
  return `[${domain}] ${f.subjectName ? `${f.subjectName}: ` : ''}${attributeLabel(f.attribute)} = ${truncate(f.valueText, 80)}`;
}

function fields(changes: FieldChange[]): string {
  return changes
    .map((c) => (c.field === 'description' || c.field === 'evidence' ? `${c.field} changed${c.field === 'evidence' ? ` (${c.before} → ${c.after} cited)` : ''}` : `${c.field} ${show(c.before)} → ${show(c.after)}`))
    .join('; ');
}

function show(value: string | number | null): string {
  return value === null || value === '' ? '—' : truncate(String(value), 60);
}

function more(lines: string[], total: number, limit: number): void {
  if (total > limit) lines.push(`    … and ${total - limit} more (--limit N, or --json for all)`);
}
