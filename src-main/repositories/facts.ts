import { asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Domain, Entity } from '../../src-shared/domain';
import type { SourceLocation } from '../analysis/parsers/types';
import type { FactRecord } from '../analysis/rules/types';
import { documents, factEvidence, facts } from '../db/schema';
import { BaseRepository, clampPage, containsText, type Page, type PageResult, type ScopeOptions } from './base';
import { fromStoredValue } from './fact-values';

export type FactRow = typeof facts.$inferSelect;

export interface FactFilter {
  runId: number;
  domain?: Domain;
  attribute?: string;
  subjectKind?: string;
  entity?: Entity;
  /** Case-insensitive text search over subject name, attribute and value. */
  search?: string;
}

export type FactSort = 'subject' | 'attribute' | 'value' | 'confidence';

export class FactsRepository extends BaseRepository {
  /** Every live fact of a run with its evidence, in key order: what the rules engine reads. */
  recordsForRun(runId: number): FactRecord[] {
    const rows = this.db
      .select()
      .from(facts)
      .where(this.where(facts.deletedAt, {}, eq(facts.runId, runId)))
      .orderBy(asc(facts.stableKey))
      .all();
    const evidence = this.db
      .select({ ev: factEvidence, path: documents.relativePath })
      .from(factEvidence)
      .innerJoin(documents, eq(documents.id, factEvidence.documentId))
      .where(eq(factEvidence.runId, runId))
      .orderBy(asc(documents.relativePath), asc(factEvidence.locationKey))
      .all();
    const byFact = new Map<number, FactRecord['evidence']>();
    for (const { ev, path } of evidence) {
      const list = byFact.get(ev.factId) ?? [];
      list.push({ documentId: ev.documentId, documentPath: path, location: evidenceLocation(ev), quote: ev.quote });
      byFact.set(ev.factId, list);
    }
    return rows.map((row) => toRecord(row, byFact.get(row.id) ?? []));
  }

  list(filter: FactFilter, sort: { by: FactSort; dir: 'asc' | 'desc' } = { by: 'subject', dir: 'asc' }, page?: Partial<Page>, options: ScopeOptions = {}): PageResult<FactRow> {
    const { limit, offset } = clampPage(page);
    const where = this.filterWhere(filter, options);
    const column = { subject: facts.subjectName, attribute: facts.attribute, value: facts.valueText, confidence: facts.confidence }[sort.by];
    const order = sort.dir === 'asc' ? asc : desc;
    const rows = this.db.select().from(facts).where(where).orderBy(order(column), asc(facts.id)).limit(limit).offset(offset).all();
    return { rows, total: this.count(filter, options) };
  }

  count(filter: FactFilter, options: ScopeOptions = {}): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(facts).where(this.filterWhere(filter, options)).get()?.n ?? 0;
  }

  countByDomain(runId: number): Record<string, number> {
    const rows = this.db
      .select({ domain: facts.domain, n: sql<number>`count(*)` })
      .from(facts)
      .where(this.where(facts.deletedAt, {}, eq(facts.runId, runId)))
      .groupBy(facts.domain)
      .all();
    return Object.fromEntries(rows.map((r) => [r.domain, r.n]));
  }

  evidenceFor(factId: number): Array<{ documentPath: string; location: SourceLocation; quote: string }> {
    return this.db
      .select({ ev: factEvidence, path: documents.relativePath })
      .from(factEvidence)
      .innerJoin(documents, eq(documents.id, factEvidence.documentId))
      .where(eq(factEvidence.factId, factId))
      .orderBy(asc(documents.relativePath), asc(factEvidence.locationKey))
      .all()
      .map(({ ev, path }) => ({ documentPath: path, location: evidenceLocation(ev), quote: ev.quote }));
  }

  private filterWhere(filter: FactFilter, options: ScopeOptions): SQL | undefined {
    const search = filter.search?.trim();
    return this.where(
      facts.deletedAt,
      options,
      eq(facts.runId, filter.runId),
      filter.domain ? eq(facts.domain, filter.domain) : undefined,
      filter.attribute ? eq(facts.attribute, filter.attribute) : undefined,
      filter.subjectKind ? eq(facts.subjectKind, filter.subjectKind) : undefined,
      filter.entity ? eq(facts.entity, filter.entity) : undefined,
      search
        ? or(
            containsText(facts.subjectName, search),
            containsText(facts.valueText, search),
            containsText(facts.attribute, search),
          )
        : undefined,
    );
  }
}

function evidenceLocation(ev: typeof factEvidence.$inferSelect): SourceLocation {
  const location: SourceLocation = {};
  if (ev.page !== null) location.page = ev.page;
  if (ev.sheet !== null) location.sheet = ev.sheet;
  if (ev.row !== null) location.row = ev.row;
  if (ev.line !== null) location.line = ev.line;
  if (ev.section !== null) location.section = ev.section;
  return location;
}

function toRecord(row: FactRow, evidence: FactRecord['evidence']): FactRecord {
  return {
    id: row.id,
    stableKey: row.stableKey,
    entity: row.entity,
    domain: row.domain as Domain,
    category: row.category,
    subjectKey: row.subjectKey,
    subjectKind: row.subjectKind,
    subjectName: row.subjectName,
    attribute: row.attribute,
    value: fromStoredValue(row),
    unit: row.unit,
    confidence: row.confidence,
    derivation: row.derivation,
    evidence,
  };
}
