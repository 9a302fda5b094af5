import { asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { SEVERITY_RANK, type Domain, type GapKind, type Importance } from '../../src-shared/domain';
import type { GapDraft } from '../analysis/rules/types';
import { gaps } from '../db/schema';
import { BaseRepository, clampPage, containsText, type Page, type PageResult, type ScopeOptions } from './base';

export type GapRow = typeof gaps.$inferSelect;

export interface GapFilter {
  runId: number;
  domain?: Domain;
  importance?: Importance;
  kind?: GapKind;
  search?: string;
}

export class GapsRepository extends BaseRepository {
  /** Idempotent: keyed by (run, stable key). Returns the gap's id. */
  upsert(ids: { dealId: number; runId: number; stableKey: string }, gap: GapDraft): number {
    const values = {
      checklistItem: gap.checklistItem,
      domain: gap.domain,
      title: gap.title,
      kind: gap.kind,
      importance: gap.importance,
      importanceRank: SEVERITY_RANK[gap.importance],
      request: gap.request,
      reasoning: gap.reasoning,
      relatedFactKeys: JSON.stringify([...gap.relatedFactKeys].sort()),
    };
    return this.db
      .insert(gaps)
      .values({ ...ids, ...values })
      .onConflictDoUpdate({ target: [gaps.runId, gaps.stableKey], set: values })
      .returning({ id: gaps.id })
      .get().id;
  }

  idsByChecklistItem(runId: number): Map<string, number> {
    const rows = this.db.select({ id: gaps.id, item: gaps.checklistItem }).from(gaps).where(eq(gaps.runId, runId)).all();
    return new Map(rows.map((r) => [r.item, r.id]));
  }

  list(filter: GapFilter, sort: { by: 'importance' | 'domain' | 'title'; dir: 'asc' | 'desc' } = { by: 'importance', dir: 'asc' }, page?: Partial<Page>, options: ScopeOptions = {}): PageResult<GapRow> {
    const { limit, offset } = clampPage(page);
    const column = { importance: gaps.importanceRank, domain: gaps.domain, title: gaps.title }[sort.by];
    const order = sort.dir === 'asc' ? asc : desc;
    const rows = this.db
      .select()
      .from(gaps)
      .where(this.filterWhere(filter, options))
      .orderBy(order(column), asc(gaps.checklistItem))
      .limit(limit)
      .offset(offset)
      .all();
    return { rows, total: this.count(filter, options) };
  }

  count(filter: GapFilter, options: ScopeOptions = {}): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(gaps).where(this.filterWhere(filter, options)).get()?.n ?? 0;
  }

  countByImportance(runId: number): Record<string, number> {
    const rows = this.db
      .select({ importance: gaps.importance, n: sql<number>`count(*)` })
      .from(gaps)
      .where(this.where(gaps.deletedAt, {}, eq(gaps.runId, runId)))
      .groupBy(gaps.importance)
      .all();
    return Object.fromEntries(rows.map((r) => [r.importance, r.n]));
  }

  private filterWhere(filter: GapFilter, options: ScopeOptions): SQL | undefined {
    const search = filter.search?.trim();
    return this.where(
      gaps.deletedAt,
      options,
      eq(gaps.runId, filter.runId),
      filter.domain ? eq(gaps.domain, filter.domain) : undefined,
      filter.importance ? eq(gaps.importance, filter.importance) : undefined,
      filter.kind ? eq(gaps.kind, filter.kind) : undefined,
      search ? or(containsText(gaps.title, search), containsText(gaps.request, search)) : undefined,
    );
  }
}
