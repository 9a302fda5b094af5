import { and, asc, eq, sql } from 'drizzle-orm';
import type { FindingType, Severity } from '../../src-shared/domain';
import { documents, factEvidence, facts, findingEvidence, findings, gaps, reviews, runDocuments } from '../db/schema';
import { BaseRepository, type ScopeOptions } from './base';
import type { FindingRow } from './findings';
import type { GapRow } from './gaps';
import { effectiveSeverity, effectiveSeverityRank } from './review-visibility';

export interface ReviewColumns {
  /** accepted / dismissed (findings); confirmed / incorrect / needs_info (facts); null: not reviewed. */
  reviewStatus: string | null;
  reviewReason: string | null;
  reviewNote: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface ReportFindingRow extends ReviewColumns {
  finding: FindingRow;
  /** After the reviewer's override, if any (finding.severity keeps the rule's). */
  severity: Severity;
  /** How many facts and gaps the finding cites. */
  factCount: number;
  gapCount: number;
}

/** A fact as the export lists it: flat, with its review and the first place (by path, location) that states it. */
export interface ReportFactRow extends ReviewColumns {
  id: number;
  entity: string;
  domain: string;
  category: string;
  subjectKind: string | null;
  subjectName: string | null;
  attribute: string;
  valueType: string;
  valueText: string;
  valueNumber: number | null;
  currency: string | null;
  unit: string | null;
  confidence: number;
  derivation: string;
  /** How many places state it. */
  sourceCount: number;
  sourcePath: string | null;
  sourcePage: number | null;
  sourceSheet: string | null;
  sourceRow: number | null;
  sourceLine: number | null;
  sourceQuote: string | null;
}

/** Where a page of facts ended: the last row's sort key. */
export type FactCursor = readonly [string, string, string, string, string, number];

export function factCursor(row: ReportFactRow): FactCursor {
  return [row.domain, row.subjectKind ?? '', row.subjectName ?? '', row.attribute, row.valueText, row.id];
}

export interface ReportQuote {
  findingId: number;
  documentPath: string;
  page: number | null;
  sheet: string | null;
  row: number | null;
  line: number | null;
  quote: string;
}

export interface ReportCounts {
  facts: number;
  gaps: number;
  findings: number;
  documents: number;
  failedDocuments: number;
  findingsBySeverity: Record<string, number>;
  findingsByType: Record<string, number>;
  /** domain → severity → count, for the by-domain chart. */
  findingsByDomain: Record<string, Record<string, number>>;
  gapsByImportance: Record<string, number>;
  /** What review decided on this run's rows (dismissed findings are counted even when left out). */
  dismissedFindings: number;
  severityOverrides: number;
  factsByReviewStatus: Record<string, number>;
}

const reviewOf = (kind: 'fact' | 'finding', table: typeof facts | typeof findings) =>
  and(eq(reviews.dealId, table.dealId), eq(reviews.itemKind, kind), eq(reviews.stableKey, table.stableKey));

const reviewColumns = {
  reviewStatus: reviews.status,
  reviewReason: reviews.reason,
  reviewNote: reviews.note,
  reviewedBy: reviews.updatedBy,
  reviewedAt: reviews.updatedAt,
};

/**
 * Everything an export shows of one run, read and filtered in SQL. Review decisions apply as in
 * every view: dismissed findings are left out by the base repository's soft delete unless
 * `includeDeleted` is set, severities are the reviewed ones, and review state comes along as columns.
 */
export class ReportQueries extends BaseRepository {
  /**
   * The run's findings, most severe first (after overrides); only work items when `type` says so,
   * then ordered by when they fall due (day 1, day 100, after), then severity.
   */
  findings(runId: number, options: ScopeOptions = {}, type?: FindingType): ReportFindingRow[] {
    const phaseRank = sql`CASE ${findings.phase} WHEN 'day_1' THEN 0 WHEN 'day_100' THEN 1 WHEN 'post_100' THEN 2 ELSE 3 END`;
    const order = type === 'work_item' ? [phaseRank, effectiveSeverityRank] : [effectiveSeverityRank];
    const cited = (kind: 'fact' | 'gap') =>
      sql<number>`(SELECT count(*) FROM ${findingEvidence} WHERE ${findingEvidence.findingId} = ${findings.id} AND ${findingEvidence.evidenceKind} = ${kind})`;
    return this.db
      .select({ finding: findings, severity: effectiveSeverity, ...reviewColumns, factCount: cited('fact'), gapCount: cited('gap') })
      .from(findings)
      .leftJoin(reviews, reviewOf('finding', findings))
      .where(this.where(findings.deletedAt, options, eq(findings.runId, runId), type ? eq(findings.type, type) : undefined))
      .orderBy(...order, asc(findings.domain), asc(findings.title), asc(findings.id))
      .all();
  }

  /**
   * Up to `perFinding` quotes behind each finding of the run: the places stating the facts it
   * cites, each place once (two facts read from one line share it), one place per fact before any
   * fact gets a second (so a finding comparing two sides shows both), then path and location order.
   */
  findingQuotes(runId: number, perFinding: number, options: ScopeOptions = {}): ReportQuote[] {
    const live = this.where(findings.deletedAt, options) ?? sql`1`;
    return this.db.all<ReportQuote>(sql`
      SELECT findingId, documentPath, page, sheet, row, line, quote FROM (
        SELECT findingId, documentPath, page, sheet, row, line, quote,
               row_number() OVER (PARTITION BY findingId ORDER BY round, factId, documentPath, locationKey) AS n
          FROM (SELECT findingId, documentPath, locationKey, min(page) AS page, min(sheet) AS sheet, min(row) AS row,
                       min(line) AS line, min(quote) AS quote, min(round) AS round, min(factId) AS factId
                  FROM (SELECT fe.finding_id AS findingId, fe.ref_id AS factId, e.document_id AS documentId, d.relative_path AS documentPath,
                               e.location_key AS locationKey, e.page AS page, e.sheet AS sheet, e.row AS row, e.line AS line, e.quote AS quote,
                               row_number() OVER (PARTITION BY fe.finding_id, fe.ref_id ORDER BY d.relative_path, e.location_key) AS round
                          FROM findings JOIN finding_evidence fe ON fe.finding_id = findings.id AND fe.evidence_kind = 'fact'
                          JOIN fact_evidence e ON e.fact_id = fe.ref_id JOIN documents d ON d.id = e.document_id
                         WHERE findings.run_id = ${runId} AND ${live})
                 GROUP BY findingId, documentId, locationKey))
       WHERE n <= ${perFinding} ORDER BY findingId, n`);
  }

  /** The request list: the run's gaps, most important first. */
  gaps(runId: number): GapRow[] {
    return this.db
      .select()
      .from(gaps)
      .where(this.where(gaps.deletedAt, {}, eq(gaps.runId, runId)))
      .orderBy(asc(gaps.importanceRank), asc(gaps.domain), asc(gaps.checklistItem), asc(gaps.id))
      .all();
  }

  /**
   * One page of the run's live facts (a large room has 100k of them, so exports read them in
   * pages), with their review and the first place, by path and location, that states them. Pages
   * follow the sort key (keyset: pass the last row's `cursor`), so each costs the same however deep.
   */
  factsPage(runId: number, after: FactCursor | null, limit: number): ReportFactRow[] {
    const first = sql`(SELECT x.id FROM fact_evidence x JOIN documents xd ON xd.id = x.document_id WHERE x.fact_id = ${facts.id} ORDER BY xd.relative_path, x.location_key, x.id LIMIT 1)`;
    const key = [facts.domain, sql`coalesce(${facts.subjectKind}, '')`, sql`coalesce(${facts.subjectName}, '')`, facts.attribute, facts.valueText, facts.id] as const;
    const rows = this.db
      .select({
        id: facts.id,
        entity: facts.entity,
        domain: facts.domain,
        category: facts.category,
        subjectKind: facts.subjectKind,
        subjectName: facts.subjectName,
        attribute: facts.attribute,
        valueType: facts.valueType,
        valueText: facts.valueText,
        valueNumber: facts.valueNumber,
        currency: facts.currency,
        unit: facts.unit,
        confidence: facts.confidence,
        derivation: facts.derivation,
        ...reviewColumns,
        sourceCount: sql<number>`(SELECT count(*) FROM fact_evidence c WHERE c.fact_id = ${facts.id})`,
        sourcePath: documents.relativePath,
        sourcePage: factEvidence.page,
        sourceSheet: factEvidence.sheet,
        sourceRow: factEvidence.row,
        sourceLine: factEvidence.line,
        sourceQuote: factEvidence.quote,
      })
      .from(facts)
      .leftJoin(reviews, reviewOf('fact', facts))
      .leftJoin(factEvidence, eq(factEvidence.id, first))
      .leftJoin(documents, eq(documents.id, factEvidence.documentId))
      .where(
        this.where(
          facts.deletedAt,
          {},
          eq(facts.runId, runId),
          after ? sql`(${sql.join([...key], sql`, `)}) > (${sql.join(after.map((v) => sql`${v}`), sql`, `)})` : undefined,
        ),
      )
      .orderBy(...key.map((k) => asc(k)))
      .limit(limit)
      .all();
    return rows as ReportFactRow[];
  }

  /** The documents the run covered, by path. */
  documents(runId: number) {
    return this.db
      .select({
        document: documents,
        runStatus: runDocuments.status,
        runError: runDocuments.error,
        evidenceCount: runDocuments.evidenceCount,
        change: runDocuments.change,
        reusedFromRunId: runDocuments.reusedFromRunId,
      })
      .from(runDocuments)
      .innerJoin(documents, eq(documents.id, runDocuments.documentId))
      .where(this.where(documents.deletedAt, {}, eq(runDocuments.runId, runId)))
      .orderBy(asc(documents.relativePath), asc(documents.id))
      .all();
  }

  /** Row counts and breakdowns, each counted in SQL with the same filters as the lists above. */
  counts(runId: number, options: ScopeOptions = {}): ReportCounts {
    const count = (query: { get(): { n: number } | undefined }) => query.get()?.n ?? 0;
    const n = sql<number>`count(*)`;
    const liveFindings = this.where(findings.deletedAt, options, eq(findings.runId, runId));
    const bySeverity = this.db.select({ key: effectiveSeverity, n }).from(findings).where(liveFindings).groupBy(effectiveSeverity).all();
    const byDomain = this.db
      .select({ domain: findings.domain, severity: effectiveSeverity, n })
      .from(findings)
      .where(liveFindings)
      .groupBy(findings.domain, effectiveSeverity)
      .all();
    const byType = this.db.select({ key: findings.type, n }).from(findings).where(liveFindings).groupBy(findings.type).all();
    const findingsByDomain: Record<string, Record<string, number>> = {};
    for (const row of byDomain) (findingsByDomain[row.domain] ??= {})[row.severity] = row.n;
    const byImportance = this.db.select({ key: gaps.importance, n }).from(gaps).where(this.where(gaps.deletedAt, {}, eq(gaps.runId, runId))).groupBy(gaps.importance).all();
    const docs = this.db
      .select({ n, failed: sql<number>`coalesce(sum(${runDocuments.status} = 'failed'), 0)` })
      .from(runDocuments)
      .innerJoin(documents, eq(documents.id, runDocuments.documentId))
      .where(this.where(documents.deletedAt, {}, eq(runDocuments.runId, runId)))
      .get();
    const findingReviews = this.db
      .select({ dismissed: sql<number>`coalesce(sum(${reviews.status} = 'dismissed'), 0)`, overrides: sql<number>`count(${reviews.severityOverride})` })
      .from(findings)
      .innerJoin(reviews, reviewOf('finding', findings))
      .where(and(eq(findings.runId, runId), sql`${findings.deletedAt} IS NULL`))
      .get();
    const factReviews = this.db
      .select({ key: reviews.status, n })
      .from(facts)
      .innerJoin(reviews, reviewOf('fact', facts))
      .where(this.where(facts.deletedAt, {}, eq(facts.runId, runId), sql`${reviews.status} IS NOT NULL`))
      .groupBy(reviews.status)
      .all();
    return {
      facts: count(this.db.select({ n }).from(facts).where(this.where(facts.deletedAt, {}, eq(facts.runId, runId)))),
      gaps: byImportance.reduce((sum, r) => sum + r.n, 0),
      findings: bySeverity.reduce((sum, r) => sum + r.n, 0),
      documents: docs?.n ?? 0,
      failedDocuments: docs?.failed ?? 0,
      findingsBySeverity: Object.fromEntries(bySeverity.map((r) => [r.key, r.n])),
      findingsByType: Object.fromEntries(byType.map((r) => [r.key, r.n])),
      findingsByDomain,
      gapsByImportance: Object.fromEntries(byImportance.map((r) => [r.key, r.n])),
      dismissedFindings: findingReviews?.dismissed ?? 0,
      severityOverrides: findingReviews?.overrides ?? 0,
      factsByReviewStatus: Object.fromEntries(factReviews.map((r) => [r.key ?? '', r.n])),
    };
  }
}

export type ReportDocumentRow = ReturnType<ReportQueries['documents']>[number];
