import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Severity } from '../../src-shared/domain';
import { findings } from '../db/schema';

// Review decisions live per deal and stable key (table reviews), not on the run rows, so a
// decision reaches every run without copying. These SQL fragments join it in where it matters;
// each is one lookup on the reviews primary key (deal_id, item_kind, stable_key) per row.

/**
 * The rows a table's soft delete also hides by review: dismissed findings. The base repository
 * adds this wherever it hides deleted_at rows, so every existing and future read of findings
 * leaves dismissed ones out by default, and `includeDeleted` shows them again.
 */
export function hiddenByReview(deletedAt: SQLiteColumn): SQL | undefined {
  if (deletedAt === findings.deletedAt) {
    return sql`NOT EXISTS (SELECT 1 FROM reviews r WHERE r.deal_id = "findings"."deal_id" AND r.item_kind = 'finding' AND r.stable_key = "findings"."stable_key" AND r.status = 'dismissed')`;
  }
  return undefined;
}

// The findings columns are written out in full ("findings"."deal_id"), not interpolated: in a
// select list drizzle renders a single table's columns unqualified, and inside the subquery an
// unqualified "deal_id" names the reviews table's own column, so one override would apply to
// every finding. Queries that alias the findings table cannot use these fragments.

/** A finding's severity after the reviewer's override, for display, filters and grouping. */
export const effectiveSeverity = sql<Severity>`coalesce((SELECT r.severity_override FROM reviews r WHERE r.deal_id = "findings"."deal_id" AND r.item_kind = 'finding' AND r.stable_key = "findings"."stable_key"), "findings"."severity")`;

/** The same as a rank (0 = critical), for sorting in SQL. */
export const effectiveSeverityRank = sql<number>`coalesce((SELECT r.severity_override_rank FROM reviews r WHERE r.deal_id = "findings"."deal_id" AND r.item_kind = 'finding' AND r.stable_key = "findings"."stable_key"), "findings"."severity_rank")`;
