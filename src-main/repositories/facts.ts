import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import type { Domain, Entity } from '../../src-shared/domain';
import type { ExtractedFact } from '../analysis/extract/types';
import type { SourceLocation } from '../analysis/parsers/types';
import type { FactRecord } from '../analysis/rules/types';
import { documents, factEvidence, facts, subjects } from '../db/schema';
import { BaseRepository, clampPage, containsText, type Page, type PageResult, type ScopeOptions } from './base';
import { fromStoredValue, toStoredValue } from './fact-values';

export type FactRow = typeof facts.$inferSelect;

export interface FactIdentity {
  dealId: number;
  runId: number;
  entity: Entity;
  stableKey: string;
  subjectKey: string | null;
}

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

export function locationKey(location: SourceLocation): string {
  const parts: string[] = [];
  if (location.page !== undefined) parts.push(`p${location.page}`);
  if (location.sheet !== undefined) parts.push(`s:${location.sheet}`);
  if (location.row !== undefined) parts.push(`r${location.row}`);
  if (location.line !== undefined) parts.push(`l${location.line}`);
  return parts.join(' ') || 'document';
}

export class FactsRepository extends BaseRepository {
  /** Records a subject once per run; other names it appears under become sorted aliases. */
  upsertSubject(input: { dealId: number; runId: number; entity: Entity; domain: Domain; kind: string; name: string; alias: string; stableKey: string }): void {
    const { alias, ...values } = input;
    const existing = this.db
      .select({ id: subjects.id, name: subjects.name, aliases: subjects.aliases })
      .from(subjects)
      .where(and(eq(subjects.runId, input.runId), eq(subjects.stableKey, input.stableKey)))
      .get();
    if (!existing) {
      this.db
        .insert(subjects)
        .values({ ...values, aliases: JSON.stringify(alias === input.name ? [] : [alias]) })
        .run();
      return;
    }
    const aliases = new Set<string>(JSON.parse(existing.aliases) as string[]);
    if (alias === existing.name || aliases.has(alias)) return;
    aliases.add(alias);
    this.db
      .update(subjects)
      .set({ aliases: JSON.stringify([...aliases].sort()) })
      .where(eq(subjects.id, existing.id))
      .run();
  }

  /** Idempotent: keyed by (run, stable key). Returns the fact's id. */
  upsertFact(identity: FactIdentity, fact: ExtractedFact): number {
    const stored = toStoredValue(fact.value);
    const row = this.db
      .insert(facts)
      .values({
        ...identity,
        ...stored,
        domain: fact.domain,
        category: fact.category,
        subjectKind: fact.subject?.kind ?? null,
        subjectName: fact.subject?.name ?? null,
        attribute: fact.attribute,
        unit: fact.unit ?? null,
        confidence: fact.confidence,
        derivation: fact.derivation,
      })
      .onConflictDoUpdate({
        target: [facts.runId, facts.stableKey],
        // Two places stating one fact may differ in confidence; keep the strongest.
        set: { confidence: sql`max(${facts.confidence}, excluded.confidence)` },
      })
      .returning({ id: facts.id })
      .get();
    return row.id;
  }

  /** Idempotent: one evidence row per (fact, document, location). Returns true if it was new. */
  addEvidence(factId: number, runId: number, documentId: number, location: SourceLocation, quote: string): boolean {
    const result = this.db
      .insert(factEvidence)
      .values({
        factId,
        runId,
        documentId,
        locationKey: locationKey(location),
        page: location.page ?? null,
        sheet: location.sheet ?? null,
        row: location.row ?? null,
        line: location.line ?? null,
        section: location.section ?? null,
        quote,
      })
      .onConflictDoNothing()
      .run();
    return result.changes === 1;
  }

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
