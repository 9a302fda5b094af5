import type { CompareInput, FieldChange, RunComparison } from '../../src-shared/contract';
import type { Db } from '../db/open';
import { compareRuns, type FieldChange as ServiceFieldChange } from '../services/diff';
import type { ReadContext } from './context';
import { notFound } from './errors';
import { toGapRow, toRunInfo } from './mappers';
import { factRows, findingRows } from './results-view';

const DEFAULT_LIMIT = 200;

const FIELD_LABELS: Record<string, string> = {
  valueText: 'Value',
  confidence: 'Confidence',
  category: 'Category',
  unit: 'Unit',
  subjectName: 'Subject',
  sources: 'Stated in',
  importance: 'Importance',
  kind: 'Kind',
  title: 'Title',
  request: 'Request',
  severity: 'Severity',
  description: 'Description',
  type: 'Type',
  lens: 'M&A lens',
  phase: 'Phase',
  costBand: 'Cost band',
  evidence: 'Cited facts and gaps',
};

function fields(changes: ServiceFieldChange[]): FieldChange[] {
  return changes.map((c) => ({ field: c.field, label: FIELD_LABELS[c.field] ?? c.field, before: c.before, after: c.after }));
}

function bounded<T>(rows: T[], limit: number): { rows: T[]; total: number } {
  return { rows: rows.slice(0, limit), total: rows.length };
}

/** What changed between two runs of a deal (the diff service), as the contract's bounded sections. */
export function compare(ctx: ReadContext, db: Db, input: CompareInput): RunComparison {
  const deal = ctx.repos.deals.get(input.dealId);
  if (!deal) throw notFound(`Deal ${input.dealId}`);
  for (const n of [input.runA, input.runB]) {
    if (!ctx.repos.runs.byNumber(deal.id, n)) throw notFound(`Run ${n} of deal "${deal.name}"`);
  }
  const limit = input.limit ?? DEFAULT_LIMIT;
  const diff = compareRuns(db, { dealId: deal.id, runA: input.runA, runB: input.runB, factLimit: limit, includeDismissed: input.includeDismissed });

  const factDeltas = (section: typeof diff.facts.new) => {
    const rows = factRows(ctx, section.rows.map((d) => d.fact));
    return { rows: rows.map((fact, i) => ({ fact, otherValues: section.rows[i]?.otherValues ?? [] })), total: section.total };
  };
  const changedFacts = diff.facts.changed.rows;
  const factsBefore = factRows(ctx, changedFacts.map((c) => c.before));
  const factsAfter = factRows(ctx, changedFacts.map((c) => c.after));
  const changedFindings = diff.findings.changed.slice(0, limit);
  const findingsBefore = findingRows(ctx, changedFindings.map((c) => c.before));
  const findingsAfter = findingRows(ctx, changedFindings.map((c) => c.after));

  return {
    runA: toRunInfo(diff.runA),
    runB: toRunInfo(diff.runB),
    documents: bounded(
      diff.documents.flatMap((d) =>
        d.change === 'unchanged' ? [] : [{ path: d.relativePath, change: d.change, documentId: d.documentId, previousDocumentId: d.previousDocumentId, version: d.version }],
      ),
      limit,
    ),
    facts: {
      new: factDeltas(diff.facts.new),
      resolved: factDeltas(diff.facts.resolved),
      changed: {
        rows: changedFacts.map((c, i) => ({ before: factsBefore[i]!, after: factsAfter[i]!, fields: fields(c.fields) })),
        total: diff.facts.changed.total,
      },
    },
    gaps: {
      new: bounded(diff.gaps.new.map(toGapRow), limit),
      resolved: bounded(diff.gaps.resolved.map(toGapRow), limit),
      changed: {
        rows: diff.gaps.changed.slice(0, limit).map((c) => ({ before: toGapRow(c.before), after: toGapRow(c.after), fields: fields(c.fields) })),
        total: diff.gaps.changed.length,
      },
    },
    findings: {
      new: { rows: findingRows(ctx, diff.findings.new.slice(0, limit)), total: diff.findings.new.length },
      resolved: { rows: findingRows(ctx, diff.findings.resolved.slice(0, limit)), total: diff.findings.resolved.length },
      changed: {
        rows: changedFindings.map((c, i) => ({ before: findingsBefore[i]!, after: findingsAfter[i]!, fields: fields(c.fields) })),
        total: diff.findings.changed.length,
      },
    },
  };
}
