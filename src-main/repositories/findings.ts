import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { SEVERITY_RANK, type Domain, type FindingType, type Severity } from '../../src-shared/domain';
import type { FindingDraft } from '../analysis/rules/types';
import { findingEvidence, findings } from '../db/schema';
import { BaseRepository, clampPage, containsText, type Page, type PageResult, type ScopeOptions } from './base';
import { effectiveSeverity, effectiveSeverityRank } from './review-visibility';

export type FindingRow = typeof findings.$inferSelect;

export interface FindingFilter {
  runId: number;
  domain?: Domain;
  type?: FindingType;
  severity?: Severity;
  search?: string;
}

export class FindingsRepository extends BaseRepository {
  /**
   * Idempotent: keyed by (run, stable key), with its evidence links, in one transaction so a
   * finding never exists without the facts and gaps it rests on.
   */
  upsert(ids: { dealId: number; runId: number; stableKey: string }, finding: FindingDraft, evidence: { factIds: number[]; gapIds: number[] }): number {
    const values = {
      ruleId: finding.ruleId,
      type: finding.type,
      domain: finding.domain,
      title: finding.title,
      description: finding.description,
      severity: finding.severity,
      severityRank: SEVERITY_RANK[finding.severity],
      lens: finding.lens,
      phase: finding.phase,
      costBand: finding.costBand,
      reasoning: finding.reasoning,
      subjectKeys: JSON.stringify([...finding.subjectKeys].sort()),
    };
    return this.db.transaction((tx) => {
      const id = tx
        .insert(findings)
        .values({ ...ids, ...values })
        .onConflictDoUpdate({ target: [findings.runId, findings.stableKey], set: values })
        .returning({ id: findings.id })
        .get().id;
      const links = [
        ...evidence.factIds.map((refId) => ({ findingId: id, evidenceKind: 'fact' as const, refId })),
        ...evidence.gapIds.map((refId) => ({ findingId: id, evidenceKind: 'gap' as const, refId })),
      ];
      if (links.length > 0) tx.insert(findingEvidence).values(links).onConflictDoNothing().run();
      return id;
    }, { behavior: 'immediate' });
  }

  evidenceOf(findingId: number): { factIds: number[]; gapIds: number[] } {
    const rows = this.db.select().from(findingEvidence).where(eq(findingEvidence.findingId, findingId)).all();
    return {
      factIds: rows.filter((r) => r.evidenceKind === 'fact').map((r) => r.refId),
      gapIds: rows.filter((r) => r.evidenceKind === 'gap').map((r) => r.refId),
    };
  }

  list(filter: FindingFilter, sort: { by: 'severity' | 'domain' | 'title' | 'type'; dir: 'asc' | 'desc' } = { by: 'severity', dir: 'asc' }, page?: Partial<Page>, options: ScopeOptions = {}): PageResult<FindingRow> {
    const { limit, offset } = clampPage(page);
    // Severity sorts as the reviewer set it (an override), falling back to the rule's severity.
    const column = { severity: effectiveSeverityRank, domain: findings.domain, title: findings.title, type: findings.type }[sort.by];
    const order = sort.dir === 'asc' ? asc : desc;
    const rows = this.db
      .select()
      .from(findings)
      .where(this.filterWhere(filter, options))
      .orderBy(order(column), asc(findings.title), asc(findings.id))
      .limit(limit)
      .offset(offset)
      .all();
    return { rows, total: this.count(filter, options) };
  }

  count(filter: FindingFilter, options: ScopeOptions = {}): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(findings).where(this.filterWhere(filter, options)).get()?.n ?? 0;
  }

  /** Live findings of a run per effective severity (after review overrides). */
  countBySeverity(runId: number): Record<string, number> {
    const rows = this.db
      .select({ severity: effectiveSeverity, n: sql<number>`count(*)` })
      .from(findings)
      .where(this.where(findings.deletedAt, {}, eq(findings.runId, runId)))
      .groupBy(effectiveSeverity)
      .all();
    return Object.fromEntries(rows.map((r) => [r.severity, r.n]));
  }

  private filterWhere(filter: FindingFilter, options: ScopeOptions): SQL | undefined {
    const search = filter.search?.trim();
    return this.where(
      findings.deletedAt,
      options,
      and(
        eq(findings.runId, filter.runId),
        filter.domain ? eq(findings.domain, filter.domain) : undefined,
        filter.type ? eq(findings.type, filter.type) : undefined,
        filter.severity ? sql`${effectiveSeverity} = ${filter.severity}` : undefined,
        search ? or(containsText(findings.title, search), containsText(findings.description, search)) : undefined,
      ),
    );
  }
}
