import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Domain, DocumentKind } from '../../../src-shared/domain';
import type { SourceLocation } from '../../analysis/parsers/types';
import { documents, factEvidence, facts, findings, gaps, subjects } from '../../db/schema';
import { BaseRepository } from '../../repositories/base';
import type { FactRow } from '../../repositories/facts';
import type { FindingRow } from '../../repositories/findings';
import type { GapRow } from '../../repositories/gaps';

export interface EvidenceRecord {
  documentId: number;
  documentPath: string;
  documentKind: DocumentKind;
  location: SourceLocation;
  quote: string;
  /** "provider/model" when a language model stated it here; null for the rules. */
  source: string | null;
}

/**
 * Reads the repositories do not offer yet: single rows by id, evidence with its document, counts
 * per fact. Extends the base repository so soft delete stays interpreted in one place.
 */
export class ResultQueries extends BaseRepository {
  fact(dealId: number, factId: number): FactRow | undefined {
    return this.db
      .select()
      .from(facts)
      .where(this.where(facts.deletedAt, {}, eq(facts.id, factId), eq(facts.dealId, dealId)))
      .get();
  }

  factsByIds(runId: number, ids: number[]): FactRow[] {
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(facts)
      .where(this.where(facts.deletedAt, {}, eq(facts.runId, runId), inArray(facts.id, ids)))
      .orderBy(asc(facts.subjectName), asc(facts.attribute), asc(facts.id))
      .all();
  }

  factsByKeys(runId: number, keys: string[]): FactRow[] {
    if (keys.length === 0) return [];
    return this.db
      .select()
      .from(facts)
      .where(this.where(facts.deletedAt, {}, eq(facts.runId, runId), inArray(facts.stableKey, keys)))
      .orderBy(asc(facts.subjectName), asc(facts.attribute), asc(facts.id))
      .all();
  }

  /** Facts about the company itself (no subject) in a domain, on the (run, subject) index. */
  companyFacts(runId: number, domain: Domain, limit: number): { rows: FactRow[]; total: number } {
    const where = this.where(facts.deletedAt, {}, eq(facts.runId, runId), isNull(facts.subjectKey), eq(facts.domain, domain));
    const rows = this.db.select().from(facts).where(where).orderBy(asc(facts.attribute), asc(facts.valueText), asc(facts.id)).limit(limit).all();
    const total = this.db.select({ n: sql<number>`count(*)` }).from(facts).where(where).get()?.n ?? 0;
    return { rows, total };
  }

  evidenceCounts(factIds: number[]): Map<number, number> {
    if (factIds.length === 0) return new Map();
    const rows = this.db
      .select({ factId: factEvidence.factId, n: sql<number>`count(*)` })
      .from(factEvidence)
      .where(inArray(factEvidence.factId, factIds))
      .groupBy(factEvidence.factId)
      .all();
    return new Map(rows.map((r) => [r.factId, r.n]));
  }

  evidence(factId: number, limit = 50): EvidenceRecord[] {
    return this.db
      .select({ ev: factEvidence, path: documents.relativePath, kind: documents.kind })
      .from(factEvidence)
      .innerJoin(documents, eq(documents.id, factEvidence.documentId))
      .where(eq(factEvidence.factId, factId))
      .orderBy(asc(documents.relativePath), asc(factEvidence.id))
      .limit(limit)
      .all()
      .map(({ ev, path, kind }) => ({ documentId: ev.documentId, documentPath: path, documentKind: kind, location: locationOf(ev), quote: ev.quote, source: ev.source }));
  }

  subject(runId: number, stableKey: string): { name: string; kind: string; aliases: string[] } | undefined {
    const row = this.db
      .select({ name: subjects.name, kind: subjects.kind, aliases: subjects.aliases })
      .from(subjects)
      .where(and(eq(subjects.runId, runId), eq(subjects.stableKey, stableKey)))
      .get();
    return row ? { name: row.name, kind: row.kind, aliases: parseList(row.aliases) } : undefined;
  }

  gap(dealId: number, gapId: number): GapRow | undefined {
    return this.db
      .select()
      .from(gaps)
      .where(this.where(gaps.deletedAt, {}, eq(gaps.id, gapId), eq(gaps.dealId, dealId)))
      .get();
  }

  gapsByIds(runId: number, ids: number[]): GapRow[] {
    if (ids.length === 0) return [];
    return this.db
      .select()
      .from(gaps)
      .where(this.where(gaps.deletedAt, {}, eq(gaps.runId, runId), inArray(gaps.id, ids)))
      .orderBy(asc(gaps.importanceRank), asc(gaps.checklistItem))
      .all();
  }

  /** A finding by id; a dismissed one only when asked (a soft-deleted one never). */
  finding(dealId: number, findingId: number, options: { includeDismissed?: boolean } = {}): FindingRow | undefined {
    const where = options.includeDismissed
      ? this.where(findings.deletedAt, { includeDeleted: true }, isNull(findings.deletedAt), eq(findings.id, findingId), eq(findings.dealId, dealId))
      : this.where(findings.deletedAt, {}, eq(findings.id, findingId), eq(findings.dealId, dealId));
    return this.db.select().from(findings).where(where).get();
  }
}

export function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function locationOf(ev: typeof factEvidence.$inferSelect): SourceLocation {
  const location: SourceLocation = {};
  if (ev.page !== null) location.page = ev.page;
  if (ev.sheet !== null) location.sheet = ev.sheet;
  if (ev.row !== null) location.row = ev.row;
  if (ev.line !== null) location.line = ev.line;
  if (ev.section !== null) location.section = ev.section;
  return location;
}

export class AttributeQueries extends BaseRepository {
  /** Attributes present in a run (optionally one domain), with counts: the facts filter's choices. */
  attributeCounts(runId: number, domain?: Domain): Array<{ attribute: string; count: number }> {
    return this.db
      .select({ attribute: facts.attribute, count: sql<number>`count(*)` })
      .from(facts)
      .where(this.where(facts.deletedAt, {}, eq(facts.runId, runId), domain ? eq(facts.domain, domain) : undefined))
      .groupBy(facts.attribute)
      .all();
  }
}
