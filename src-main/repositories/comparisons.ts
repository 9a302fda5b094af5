import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { facts, findings, gaps } from '../db/schema';
import { BaseRepository, type ScopeOptions } from './base';
import type { FactRow } from './facts';
import type { FindingRow } from './findings';
import type { GapRow } from './gaps';

// Run comparison by stable key (DESIGN invariant 4): the same fact, gap or finding has the same key
// in both runs, so "new", "resolved" and "changed" come from joins on the (run, stable key) unique
// indexes. Differences are found in SQL; only the differing rows are read.

export interface Paired<T> {
  before: T;
  after: T;
}

export interface FactPair extends Paired<FactRow> {
  /** The documents stating the fact in each run (paths, sorted). */
  sourcesBefore: string[];
  sourcesAfter: string[];
}

export interface FindingPair extends Paired<FindingRow> {
  /** Stable keys of the facts and gaps the finding cites in each run (sorted). */
  evidenceBefore: string[];
  evidenceAfter: string[];
}

const LIST_SEPARATOR = '\n';

/** Distinct document paths stating a fact, sorted, as one string (comparable in SQL). */
function sourcesOf(factId: SQLiteColumn): SQL<string | null> {
  return sql<string | null>`(SELECT group_concat(p, char(10)) FROM (SELECT DISTINCT d.relative_path AS p FROM fact_evidence e JOIN documents d ON d.id = e.document_id WHERE e.fact_id = ${factId} ORDER BY p))`;
}

/** Stable keys of what a finding cites, sorted, as one string. */
function citedKeysOf(findingId: SQLiteColumn): SQL<string | null> {
  return sql<string | null>`(SELECT group_concat(k, char(10)) FROM (
    SELECT CASE fe.evidence_kind WHEN 'fact' THEN (SELECT stable_key FROM facts WHERE id = fe.ref_id)
                                 ELSE (SELECT stable_key FROM gaps WHERE id = fe.ref_id) END AS k
      FROM finding_evidence fe WHERE fe.finding_id = ${findingId} ORDER BY k))`;
}

const split = (list: string | null): string[] => (list ? list.split(LIST_SEPARATOR) : []);

export class ComparisonsRepository extends BaseRepository {
  /** Facts of `runId` whose key the other run does not have. */
  factsOnlyIn(runId: number, otherRunId: number, limit: number): { rows: FactRow[]; total: number } {
    const where = this.where(facts.deletedAt, {}, eq(facts.runId, runId), sql`NOT EXISTS (SELECT 1 FROM facts o WHERE o.run_id = ${otherRunId} AND o.stable_key = ${facts.stableKey})`);
    const rows = this.db.select().from(facts).where(where).orderBy(asc(facts.domain), asc(facts.subjectName), asc(facts.attribute), asc(facts.valueText)).limit(limit).all();
    return { rows, total: this.db.select({ n: sql<number>`count(*)` }).from(facts).where(where).get()?.n ?? 0 };
  }

  /**
   * For facts of `runId` (by key), the values the other run states for the same subject and
   * attribute: what turns "new fact: RTO 5-7 days" into "RTO: was 48-72 hours".
   */
  otherValues(runId: number, otherRunId: number, stableKeys: readonly string[]): Map<string, string[]> {
    if (stableKeys.length === 0) return new Map();
    const other = alias(facts, 'other');
    const rows = this.db
      .select({ key: facts.stableKey, value: other.valueText })
      .from(facts)
      .innerJoin(other, and(eq(other.runId, otherRunId), eq(other.entity, facts.entity), eq(other.domain, facts.domain), eq(other.attribute, facts.attribute), sql`${other.subjectKey} IS ${facts.subjectKey}`))
      .where(and(eq(facts.runId, runId), sql`${facts.stableKey} IN (SELECT value FROM json_each(${JSON.stringify(stableKeys)}))`))
      .orderBy(asc(other.valueText))
      .all();
    const result = new Map<string, string[]>();
    for (const r of rows) result.set(r.key, [...(result.get(r.key) ?? []), r.value]);
    return result;
  }

  /** Facts in both runs whose wording, confidence, category, unit, subject name or sources differ. */
  factsChanged(runA: number, runB: number, limit: number): { rows: FactPair[]; total: number } {
    const prev = alias(facts, 'prev');
    const before = sourcesOf(prev.id);
    const after = sourcesOf(facts.id);
    const differs = sql`(${prev.valueText} IS NOT ${facts.valueText} OR ${prev.confidence} IS NOT ${facts.confidence} OR ${prev.category} IS NOT ${facts.category}
      OR ${prev.unit} IS NOT ${facts.unit} OR ${prev.subjectName} IS NOT ${facts.subjectName} OR ${before} IS NOT ${after})`;
    const join = and(eq(prev.runId, runA), eq(prev.stableKey, facts.stableKey));
    const where = this.where(facts.deletedAt, {}, eq(facts.runId, runB), differs);
    const rows = this.db
      .select({ after: facts, before: prev, sourcesBefore: before, sourcesAfter: after })
      .from(facts)
      .innerJoin(prev, join)
      .where(where)
      .orderBy(asc(facts.domain), asc(facts.subjectName), asc(facts.attribute))
      .limit(limit)
      .all();
    const total = this.db.select({ n: sql<number>`count(*)` }).from(facts).innerJoin(prev, join).where(where).get()?.n ?? 0;
    return { rows: rows.map((r) => ({ before: r.before, after: r.after, sourcesBefore: split(r.sourcesBefore), sourcesAfter: split(r.sourcesAfter) })), total };
  }

  gapsOnlyIn(runId: number, otherRunId: number): GapRow[] {
    return this.db
      .select()
      .from(gaps)
      .where(this.where(gaps.deletedAt, {}, eq(gaps.runId, runId), sql`NOT EXISTS (SELECT 1 FROM gaps o WHERE o.run_id = ${otherRunId} AND o.stable_key = ${gaps.stableKey})`))
      .orderBy(asc(gaps.importanceRank), asc(gaps.checklistItem))
      .all();
  }

  gapsChanged(runA: number, runB: number): Array<Paired<GapRow>> {
    const prev = alias(gaps, 'prev');
    const differs = sql`(${prev.importance} IS NOT ${gaps.importance} OR ${prev.kind} IS NOT ${gaps.kind} OR ${prev.title} IS NOT ${gaps.title} OR ${prev.request} IS NOT ${gaps.request})`;
    return this.db
      .select({ after: gaps, before: prev })
      .from(gaps)
      .innerJoin(prev, and(eq(prev.runId, runA), eq(prev.stableKey, gaps.stableKey)))
      .where(this.where(gaps.deletedAt, {}, eq(gaps.runId, runB), differs))
      .orderBy(asc(gaps.importanceRank), asc(gaps.checklistItem))
      .all();
  }

  /** Dismissed findings are left out unless asked (the base repository's soft delete). */
  findingsOnlyIn(runId: number, otherRunId: number, options: ScopeOptions = {}): FindingRow[] {
    return this.db
      .select()
      .from(findings)
      .where(this.where(findings.deletedAt, options, eq(findings.runId, runId), sql`NOT EXISTS (SELECT 1 FROM findings o WHERE o.run_id = ${otherRunId} AND o.stable_key = ${findings.stableKey})`))
      .orderBy(asc(findings.severityRank), asc(findings.title))
      .all();
  }

  /** Findings in both runs whose severity, wording, classification or cited facts and gaps differ. */
  findingsChanged(runA: number, runB: number, options: ScopeOptions = {}): FindingPair[] {
    const prev = alias(findings, 'prev');
    const before = citedKeysOf(prev.id);
    const after = citedKeysOf(findings.id);
    const differs = sql`(${prev.severity} IS NOT ${findings.severity} OR ${prev.title} IS NOT ${findings.title} OR ${prev.description} IS NOT ${findings.description}
      OR ${prev.type} IS NOT ${findings.type} OR ${prev.lens} IS NOT ${findings.lens} OR ${prev.phase} IS NOT ${findings.phase}
      OR ${prev.costBand} IS NOT ${findings.costBand} OR ${before} IS NOT ${after})`;
    return this.db
      .select({ after: findings, before: prev, evidenceBefore: before, evidenceAfter: after })
      .from(findings)
      .innerJoin(prev, and(eq(prev.runId, runA), eq(prev.stableKey, findings.stableKey)))
      .where(this.where(findings.deletedAt, options, eq(findings.runId, runB), differs))
      .orderBy(asc(findings.severityRank), asc(findings.title))
      .all()
      .map((r) => ({ before: r.before, after: r.after, evidenceBefore: split(r.evidenceBefore), evidenceAfter: split(r.evidenceAfter) }));
  }
}
