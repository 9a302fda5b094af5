import { and, desc, eq, sql } from 'drizzle-orm';
import { reviewAudit } from '../db/schema';
import { BaseRepository, clampPage, type Page, type PageResult } from './base';
import type { ReviewItemKind } from './reviews';

export type AuditRow = typeof reviewAudit.$inferSelect;
export type AuditField = AuditRow['field'];

export interface AuditEntry {
  dealId: number;
  itemKind: ReviewItemKind;
  stableKey: string;
  field: AuditField;
  before: string | null;
  after: string | null;
  actor: string;
  at: string;
}

/** The review audit log: append-only, one row per changed field. */
export class AuditRepository extends BaseRepository {
  record(entries: AuditEntry[]): void {
    if (entries.length > 0) this.db.insert(reviewAudit).values(entries).run();
  }

  /** Newest first; for one item when a key is given. */
  list(dealId: number, filter: { itemKind?: ReviewItemKind; stableKey?: string } = {}, page?: Partial<Page>): PageResult<AuditRow> {
    const { limit, offset } = clampPage(page);
    const where = and(
      eq(reviewAudit.dealId, dealId),
      filter.itemKind ? eq(reviewAudit.itemKind, filter.itemKind) : undefined,
      filter.stableKey ? eq(reviewAudit.stableKey, filter.stableKey) : undefined,
    );
    const rows = this.db.select().from(reviewAudit).where(where).orderBy(desc(reviewAudit.at), desc(reviewAudit.id)).limit(limit).offset(offset).all();
    const total = this.db.select({ n: sql<number>`count(*)` }).from(reviewAudit).where(where).get()?.n ?? 0;
    return { rows, total };
  }
}
