import type { Db } from '../db/open';
import { createRepositories } from '../repositories';
import type { ScopeOptions } from '../repositories/base';
import type { DocumentChange } from '../repositories/document-changes';
import type { FactRow } from '../repositories/facts';
import type { FindingRow } from '../repositories/findings';
import type { GapRow } from '../repositories/gaps';
import type { RunRow } from '../repositories/runs';

export interface FieldChange {
  field: string;
  before: string | number | null;
  after: string | number | null;
}

export interface FactDelta {
  fact: FactRow;
  /** For a new fact: what the earlier run said about the same subject and attribute; for a resolved one, what the later run says. */
  otherValues: string[];
}

export interface FactChange {
  before: FactRow;
  after: FactRow;
  fields: FieldChange[];
}

export interface GapChange {
  before: GapRow;
  after: GapRow;
  fields: FieldChange[];
}

export interface FindingChange {
  before: FindingRow;
  after: FindingRow;
  fields: FieldChange[];
}

/** A bounded list with its full count (a first run against an empty one can differ in thousands of facts). */
export interface Section<T> {
  rows: T[];
  total: number;
}

export interface RunComparison {
  runA: RunRow;
  runB: RunRow;
  documents: DocumentChange[];
  facts: { new: Section<FactDelta>; resolved: Section<FactDelta>; changed: Section<FactChange> };
  gaps: { new: GapRow[]; resolved: GapRow[]; changed: GapChange[] };
  findings: { new: FindingRow[]; resolved: FindingRow[]; changed: FindingChange[] };
}

export interface CompareInput {
  dealId: number;
  /** Run numbers: A is "before", B is "after" (any two runs of the deal, in either order). */
  runA: number;
  runB: number;
  /** Rows per fact section (the totals are always complete). Default 500. */
  factLimit?: number;
  /** Dismissed findings are left out, as in every default view, unless this is set. */
  includeDismissed?: boolean;
}

export class CompareError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompareError';
  }
}

/** What changed between two runs of a deal: documents, and facts, gaps and findings by stable key. */
export function compareRuns(db: Db, input: CompareInput): RunComparison {
  const repos = createRepositories(db);
  const runA = repos.runs.byNumber(input.dealId, input.runA);
  const runB = repos.runs.byNumber(input.dealId, input.runB);
  if (!runA || !runB) throw new CompareError(`The deal has no run ${!runA ? input.runA : input.runB}.`);
  const limit = Math.min(Math.max(Math.trunc(input.factLimit ?? 500), 1), 10_000);
  const scope: ScopeOptions = { includeDeleted: input.includeDismissed ?? false };
  const cmp = repos.comparisons;

  const added = cmp.factsOnlyIn(runB.id, runA.id, limit);
  const gone = cmp.factsOnlyIn(runA.id, runB.id, limit);
  const wasSaying = cmp.otherValues(runB.id, runA.id, added.rows.map((f) => f.stableKey));
  const nowSaying = cmp.otherValues(runA.id, runB.id, gone.rows.map((f) => f.stableKey));
  const changedFacts = cmp.factsChanged(runA.id, runB.id, limit);

  return {
    runA,
    runB,
    documents: repos.documentChanges.between(runA.id, runB.id),
    facts: {
      new: { rows: added.rows.map((fact) => ({ fact, otherValues: wasSaying.get(fact.stableKey) ?? [] })), total: added.total },
      resolved: { rows: gone.rows.map((fact) => ({ fact, otherValues: nowSaying.get(fact.stableKey) ?? [] })), total: gone.total },
      changed: {
        rows: changedFacts.rows.map((p) => ({
          before: p.before,
          after: p.after,
          fields: fieldChanges(p.before, p.after, ['valueText', 'confidence', 'category', 'unit', 'subjectName'], {
            sources: [p.sourcesBefore.join(', '), p.sourcesAfter.join(', ')],
          }),
        })),
        total: changedFacts.total,
      },
    },
    gaps: {
      new: cmp.gapsOnlyIn(runB.id, runA.id),
      resolved: cmp.gapsOnlyIn(runA.id, runB.id),
      changed: cmp.gapsChanged(runA.id, runB.id).map((p) => ({ ...p, fields: fieldChanges(p.before, p.after, ['importance', 'kind', 'title', 'request']) })),
    },
    findings: {
      new: cmp.findingsOnlyIn(runB.id, runA.id, scope),
      resolved: cmp.findingsOnlyIn(runA.id, runB.id, scope),
      changed: cmp.findingsChanged(runA.id, runB.id, scope).map((p) => ({
        before: p.before,
        after: p.after,
        fields: fieldChanges(p.before, p.after, ['severity', 'title', 'description', 'type', 'lens', 'phase', 'costBand'], {
          evidence: [p.evidenceBefore.length, p.evidenceAfter.length, p.evidenceBefore.join() !== p.evidenceAfter.join()],
        }),
      })),
    },
  };
}

type Extra = Record<string, [string | number, string | number] | [number, number, boolean]>;

/** The fields that differ, in a fixed order; `extra` adds derived ones (sources, cited evidence). */
function fieldChanges<T extends object>(before: T, after: T, fields: ReadonlyArray<keyof T & string>, extra: Extra = {}): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const a = before[field] as unknown;
    const b = after[field] as unknown;
    if (a !== b) changes.push({ field, before: scalar(a), after: scalar(b) });
  }
  for (const [field, [a, b, differs]] of Object.entries(extra)) {
    if (differs === true || (differs === undefined && a !== b)) changes.push({ field, before: a, after: b });
  }
  return changes;
}

function scalar(value: unknown): string | number | null {
  return typeof value === 'string' || typeof value === 'number' ? value : null;
}
