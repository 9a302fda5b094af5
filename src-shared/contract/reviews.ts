import { z } from 'zod';
import { Id, PageInput, SeveritySchema, Timestamp } from './common';
import { command, query } from './define';

// Review decisions (issue 6): per deal and stable key, so a decision made on run 1 holds for the
// same fact or finding in every later run. Inputs name an item by its row id in any run of the deal.
// Nothing here is nullable on the way in: "clear" is an explicit 'none', and an empty text clears a
// note, so a stray null can never be mistaken for a decision.

export const FACT_REVIEW_STATUSES = ['confirmed', 'incorrect', 'needs_info'] as const;
export const FINDING_REVIEW_STATUSES = ['accepted', 'dismissed'] as const;
export type FactReviewStatus = (typeof FACT_REVIEW_STATUSES)[number];
export type FindingReviewStatus = (typeof FINDING_REVIEW_STATUSES)[number];

export const FactReviewStatusSchema = z.enum(FACT_REVIEW_STATUSES);
export const FindingReviewStatusSchema = z.enum(FINDING_REVIEW_STATUSES);
export const ReviewItemKindSchema = z.enum(['fact', 'finding']);
export type ReviewItemKind = z.infer<typeof ReviewItemKindSchema>;

const ReviewText = z.string().max(2000);

/** The review state of one item (what the detail view shows and edits). */
export const ReviewStateSchema = z.object({
  itemKind: ReviewItemKindSchema,
  stableKey: z.string(),
  status: z.enum([...FACT_REVIEW_STATUSES, ...FINDING_REVIEW_STATUSES]).nullable(),
  /** Why a finding was dismissed (set only while it is dismissed). */
  reason: z.string().nullable(),
  note: z.string().nullable(),
  severityOverride: SeveritySchema.nullable(),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.string().nullable(),
});
export type ReviewState = z.infer<typeof ReviewStateSchema>;

export const FactReviewInput = z.strictObject({
  dealId: Id,
  factId: Id,
  /** 'none' clears the decision. */
  status: z.enum([...FACT_REVIEW_STATUSES, 'none']).optional(),
  /** An empty text clears the note. */
  note: ReviewText.optional(),
});
export type FactReviewInput = z.infer<typeof FactReviewInput>;

export const FindingReviewInput = z.strictObject({
  dealId: Id,
  findingId: Id,
  /** 'dismissed' needs a reason (given now or already recorded); 'none' restores the finding. */
  status: z.enum([...FINDING_REVIEW_STATUSES, 'none']).optional(),
  reason: ReviewText.optional(),
  /** 'none' removes the override (the rule's severity applies again). */
  severityOverride: z.enum(['critical', 'high', 'medium', 'low', 'none']).optional(),
  note: ReviewText.optional(),
});
export type FindingReviewInput = z.infer<typeof FindingReviewInput>;

export const AuditEntrySchema = z.object({
  id: Id,
  itemKind: ReviewItemKindSchema,
  stableKey: z.string(),
  field: z.enum(['status', 'reason', 'note', 'severity_override']),
  before: z.string().nullable(),
  after: z.string().nullable(),
  actor: z.string(),
  at: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditListInput = z.strictObject({
  dealId: Id,
  /** One item's history (by its row id in any run); the whole deal's when absent. */
  item: z.strictObject({ kind: ReviewItemKindSchema, id: Id }).optional(),
  page: PageInput,
});
export type AuditListInput = z.infer<typeof AuditListInput>;

export const reviewChannels = {
  'reviews.fact.set': command(FactReviewInput, ReviewStateSchema),
  'reviews.finding.set': command(FindingReviewInput, ReviewStateSchema),
  'reviews.audit': query(AuditListInput, z.object({ rows: z.array(AuditEntrySchema), total: z.int().min(0) })),
};
