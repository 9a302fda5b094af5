import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Domain, Entity } from '../../../src-shared/domain';
import { facts, subjects } from '../../db/schema';
import { BaseRepository, clampPage, containsText, type Page } from '../../repositories/base';

export interface InventoryFilter {
  dealId: number;
  runId: number;
  domain: Domain;
  kind: string;
  entity?: Entity;
  search?: string;
}

export interface InventorySort {
  /** 'name', or an attribute whose value orders the rows. */
  by: string;
  dir: 'asc' | 'desc';
  numeric: boolean;
}

export interface SubjectRecord {
  stableKey: string;
  name: string;
  entity: Entity;
  aliases: string;
}

export interface CellFact {
  id: number;
  subjectKey: string;
  attribute: string;
  valueText: string;
}

/**
 * Inventories: the subjects of one kind (applications, servers…) with their attributes pivoted
 * into columns. Subjects are filtered, sorted and paged in SQL on subjects(deal, run, domain, kind);
 * the cells of one page come from facts(run, subject).
 */
export class InventoryQueries extends BaseRepository {
  /** Subjects per domain and kind in a run: the inventory cards of the dashboard and domain pages. */
  summaries(dealId: number, runId: number, domain?: Domain): Array<{ domain: string; kind: string; count: number }> {
    return this.db
      .select({ domain: subjects.domain, kind: subjects.kind, count: sql<number>`count(*)` })
      .from(subjects)
      .where(and(eq(subjects.dealId, dealId), eq(subjects.runId, runId), domain ? eq(subjects.domain, domain) : undefined))
      .groupBy(subjects.domain, subjects.kind)
      .orderBy(desc(sql`count(*)`), asc(subjects.kind))
      .all();
  }

  /** The attributes stated for subjects of this kind: the inventory's columns. */
  attributes(filter: InventoryFilter): string[] {
    return this.db
      .select({ attribute: facts.attribute })
      .from(facts)
      .where(
        this.where(facts.deletedAt, {}, eq(facts.dealId, filter.dealId), eq(facts.runId, filter.runId), eq(facts.domain, filter.domain), eq(facts.subjectKind, filter.kind)),
      )
      .groupBy(facts.attribute)
      .all()
      .map((r) => r.attribute);
  }

  page(filter: InventoryFilter, sort: InventorySort, page: Partial<Page>): { rows: SubjectRecord[]; total: number } {
    const { limit, offset } = clampPage(page);
    const where = this.subjectWhere(filter);
    const order = sort.dir === 'asc' ? asc : desc;
    const orderBy: SQL[] = [];
    if (sort.by !== 'name') {
      const value = this.sortValue(sort.by, sort.numeric);
      // Subjects without the attribute go last in both directions.
      orderBy.push(sql`${value} IS NULL`, order(value));
    }
    orderBy.push(order(sql`${subjects.name} COLLATE NOCASE`), asc(subjects.id));
    const rows = this.db
      .select({ stableKey: subjects.stableKey, name: subjects.name, entity: subjects.entity, aliases: subjects.aliases })
      .from(subjects)
      .where(where)
      .orderBy(...orderBy)
      .limit(limit)
      .offset(offset)
      .all();
    const total = this.db.select({ n: sql<number>`count(*)` }).from(subjects).where(where).get()?.n ?? 0;
    return { rows, total };
  }

  cells(runId: number, subjectKeys: string[]): CellFact[] {
    if (subjectKeys.length === 0) return [];
    return this.db
      .select({ id: facts.id, subjectKey: facts.subjectKey, attribute: facts.attribute, valueText: facts.valueText })
      .from(facts)
      .where(this.where(facts.deletedAt, {}, eq(facts.runId, runId), inArray(facts.subjectKey, subjectKeys)))
      .orderBy(asc(facts.subjectKey), asc(facts.attribute), asc(facts.valueText))
      .all()
      .filter((r): r is CellFact => r.subjectKey !== null);
  }

  private subjectWhere(filter: InventoryFilter): SQL | undefined {
    const search = filter.search?.trim();
    return and(
      eq(subjects.dealId, filter.dealId),
      eq(subjects.runId, filter.runId),
      eq(subjects.domain, filter.domain),
      eq(subjects.kind, filter.kind),
      filter.entity ? eq(subjects.entity, filter.entity) : undefined,
      search ? or(containsText(subjects.name, search), containsText(subjects.aliases, search)) : undefined,
    );
  }

  /** A subject's value of one attribute, read through facts(run, subject). */
  private sortValue(attribute: string, numeric: boolean): SQL {
    const live = sql`f.deleted_at IS NULL AND f.run_id = ${subjects.runId} AND f.subject_key = ${subjects.stableKey} AND f.attribute = ${attribute}`;
    return numeric
      ? sql`(SELECT max(f.value_number) FROM facts f WHERE ${live})`
      : sql`(SELECT min(f.value_text COLLATE NOCASE) FROM facts f WHERE ${live})`;
  }
}
