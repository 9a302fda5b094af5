import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { SEVERITY_RANK, type Severity } from '../../src-shared/domain';
import { reviews } from '../db/schema';
import type { AuditEntry, AuditField } from './audit';
import { BaseRepository, clampPage, type Page, type PageResult } from './base';

export type ReviewItemKind = 'fact' | 'finding';
export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewStatus = NonNullable<ReviewRow['status']>;

export const FACT_REVIEW_STATUSES = ['confirmed', 'incorrect', 'needs_info'] as const;
export const FINDING_REVIEW_STATUSES = ['accepted', 'dismissed'] as const;
export type FactReviewStatus = (typeof FACT_REVIEW_STATUSES)[number];
export type FindingReviewStatus = (typeof FINDING_REVIEW_STATUSES)[number];

/** What to change: a field left undefined stays as it is; null clears it. */
export interface ReviewChanges {
  status?: ReviewStatus | null;
  reason?: string | null;
  note?: string | null;
  severityOverride?: Severity | null;
}

type ReviewFields = Pick<ReviewRow, 'status' | 'reason' | 'note' | 'severityOverride'>;
const FIELDS: Array<[keyof ReviewFields, AuditField]> = [
  ['status', 'status'],
  ['reason', 'reason'],
  ['note', 'note'],
  ['severityOverride', 'severity_override'],
];
const EMPTY: ReviewFields = { status: null, reason: null, note: null, severityOverride: null };
/** SQLite's limit on bound parameters is far above this; batches keep IN lists cheap to plan. */
const KEY_BATCH = 500;

/** Review state per deal and stable key (it carries over runs), written with its audit entries. */
export class ReviewsRepository extends BaseRepository {
  get(dealId: number, itemKind: ReviewItemKind, stableKey: string): ReviewRow | undefined {
    return this.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.dealId, dealId), eq(reviews.itemKind, itemKind), eq(reviews.stableKey, stableKey)))
      .get();
  }

  /** The review state of a page of items, in one query per batch (for lists: no query per row). */
  forKeys(dealId: number, itemKind: ReviewItemKind, stableKeys: readonly string[]): Map<string, ReviewRow> {
    const result = new Map<string, ReviewRow>();
    const unique = [...new Set(stableKeys)];
    for (let i = 0; i < unique.length; i += KEY_BATCH) {
      const rows = this.db
        .select()
        .from(reviews)
        .where(and(eq(reviews.dealId, dealId), eq(reviews.itemKind, itemKind), inArray(reviews.stableKey, unique.slice(i, i + KEY_BATCH))))
        .all();
      for (const row of rows) result.set(row.stableKey, row);
    }
    return result;
  }

  list(dealId: number, filter: { itemKind?: ReviewItemKind; status?: ReviewStatus } = {}, page?: Partial<Page>): PageResult<ReviewRow> {
    const { limit, offset } = clampPage(page);
    const where = and(
      eq(reviews.dealId, dealId),
      filter.itemKind ? eq(reviews.itemKind, filter.itemKind) : undefined,
      filter.status ? eq(reviews.status, filter.status) : undefined,
    );
    const rows = this.db.select().from(reviews).where(where).orderBy(asc(reviews.itemKind), asc(reviews.stableKey)).limit(limit).offset(offset).all();
    const total = this.db.select({ n: sql<number>`count(*)` }).from(reviews).where(where).get()?.n ?? 0;
    return { rows, total };
  }

  /**
   * Applies changes and returns the new state plus one audit entry per field that really changed
   * (the caller records them in the same transaction). Validation is the review service's job.
   */
  apply(dealId: number, itemKind: ReviewItemKind, stableKey: string, changes: ReviewChanges, actor: string): { row: ReviewRow; audit: AuditEntry[] } {
    const at = this.now();
    const before: ReviewFields = this.get(dealId, itemKind, stableKey) ?? EMPTY;
    const after: ReviewFields = {
      status: changes.status === undefined ? before.status : changes.status,
      reason: changes.reason === undefined ? before.reason : changes.reason,
      note: changes.note === undefined ? before.note : changes.note,
      severityOverride: changes.severityOverride === undefined ? before.severityOverride : changes.severityOverride,
    };
    const audit = FIELDS.filter(([key]) => before[key] !== after[key]).map(([key, field]) => ({
      dealId,
      itemKind,
      stableKey,
      field,
      before: before[key],
      after: after[key],
      actor,
      at,
    }));
    const values = { ...after, severityOverrideRank: after.severityOverride ? SEVERITY_RANK[after.severityOverride] : null, updatedAt: at, updatedBy: actor };
    const row = this.db
      .insert(reviews)
      .values({ dealId, itemKind, stableKey, ...values })
      .onConflictDoUpdate({ target: [reviews.dealId, reviews.itemKind, reviews.stableKey], set: values })
      .returning()
      .get();
    return { row, audit };
  }
}
