import { z } from 'zod';
import { Id, RunInfoSchema, RunNumber } from './common';
import { query } from './define';
import { FactRowSchema, FindingRowSchema, GapRowSchema } from './results';

// Run comparison (issue 6): what changed between two runs of a deal, by stable key. Every section
// is bounded by `limit` and carries its full count, so a first run against a later one (thousands of
// new facts) stays a small answer.

const Count = z.int().min(0);

export const FieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.union([z.string(), z.number()]).nullable(),
  after: z.union([z.string(), z.number()]).nullable(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

function section<T extends z.ZodType>(row: T) {
  return z.object({ rows: z.array(row), total: Count });
}

function changed<T extends z.ZodType>(row: T) {
  return section(z.object({ before: row, after: row, fields: z.array(FieldChangeSchema) }));
}

export const DocumentChangeSchema = z.object({
  path: z.string(),
  change: z.enum(['new', 'changed', 'removed']),
  /** The document in run B (null when removed). */
  documentId: Id.nullable(),
  /** The document at the same path in run A (null when new). */
  previousDocumentId: Id.nullable(),
  version: z.int().nullable(),
});
export type DocumentChange = z.infer<typeof DocumentChangeSchema>;

/** A fact only one run has, with what the other run states about the same subject and attribute. */
export const FactDeltaSchema = z.object({ fact: FactRowSchema, otherValues: z.array(z.string()) });

export const RunComparisonSchema = z.object({
  runA: RunInfoSchema,
  runB: RunInfoSchema,
  documents: section(DocumentChangeSchema),
  facts: z.object({ new: section(FactDeltaSchema), resolved: section(FactDeltaSchema), changed: changed(FactRowSchema) }),
  gaps: z.object({ new: section(GapRowSchema), resolved: section(GapRowSchema), changed: changed(GapRowSchema) }),
  findings: z.object({ new: section(FindingRowSchema), resolved: section(FindingRowSchema), changed: changed(FindingRowSchema) }),
});
export type RunComparison = z.infer<typeof RunComparisonSchema>;

export const CompareInput = z.strictObject({
  dealId: Id,
  /** Run numbers: A is "before", B is "after". */
  runA: RunNumber,
  runB: RunNumber,
  /** Rows per section (the totals are always complete). Default 200. */
  limit: z.int().min(1).max(2000).optional(),
  /** Dismissed findings are left out, as in every default view, unless this is set. */
  includeDismissed: z.boolean().optional(),
});
export type CompareInput = z.infer<typeof CompareInput>;

export const compareChannels = {
  'runs.compare': query(CompareInput, RunComparisonSchema),
};
