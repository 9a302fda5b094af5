import { and, asc, eq, sql } from 'drizzle-orm';
import type { DocumentKind } from '../../../src-shared/domain';
import { documents, findings, runDocuments } from '../../db/schema';
import { BaseRepository, clampPage, type Page } from '../../repositories/base';
import type { DocumentRow } from '../../repositories/documents';
import { effectiveSeverity } from '../../repositories/review-visibility';

export interface RunDocumentRecord {
  document: DocumentRow;
  runStatus: 'pending' | 'done' | 'failed';
  evidenceCount: number;
  runError: string | null;
}

/** Aggregates for the dashboard and the run's document ledger, grouped in SQL. */
export class OverviewQueries extends BaseRepository {
  /** Live findings (dismissed ones left out) per domain and effective severity (after overrides). */
  findingsByDomainAndSeverity(dealId: number, runId: number, domain?: string): Array<{ domain: string; severity: string; count: number }> {
    return this.db
      .select({ domain: findings.domain, severity: effectiveSeverity, count: sql<number>`count(*)` })
      .from(findings)
      .where(this.where(findings.deletedAt, {}, eq(findings.dealId, dealId), eq(findings.runId, runId), domain ? eq(findings.domain, domain) : undefined))
      .groupBy(findings.domain, effectiveSeverity)
      .all();
  }

  findingsByType(dealId: number, runId: number): Array<{ type: string; count: number }> {
    return this.db
      .select({ type: findings.type, count: sql<number>`count(*)` })
      .from(findings)
      .where(this.where(findings.deletedAt, {}, eq(findings.dealId, dealId), eq(findings.runId, runId)))
      .groupBy(findings.type)
      .all();
  }

  /** Documents of a run by kind, with how many failed or are still pending in that run. */
  coverage(runId: number): Array<{ kind: DocumentKind; total: number; failed: number; pending: number }> {
    return this.db
      .select({
        kind: documents.kind,
        total: sql<number>`count(*)`,
        failed: sql<number>`coalesce(sum(${runDocuments.status} = 'failed'), 0)`,
        pending: sql<number>`coalesce(sum(${runDocuments.status} = 'pending'), 0)`,
      })
      .from(runDocuments)
      .innerJoin(documents, eq(documents.id, runDocuments.documentId))
      .where(this.where(documents.deletedAt, {}, eq(runDocuments.runId, runId)))
      .groupBy(documents.kind)
      .orderBy(asc(documents.kind))
      .all();
  }

  /** A run's documents with their status in that run, filtered and paged on run_documents' key. */
  runDocuments(runId: number, filter: { runStatus?: 'pending' | 'done' | 'failed'; documentStatus?: 'pending' | 'parsed' | 'failed' }, page: Partial<Page>): { rows: RunDocumentRecord[]; total: number } {
    const { limit, offset } = clampPage(page);
    const where = this.where(
      documents.deletedAt,
      {},
      eq(runDocuments.runId, runId),
      filter.runStatus ? eq(runDocuments.status, filter.runStatus) : undefined,
      filter.documentStatus ? eq(documents.status, filter.documentStatus) : undefined,
    );
    const rows = this.db
      .select({ document: documents, runStatus: runDocuments.status, evidenceCount: runDocuments.evidenceCount, runError: runDocuments.error })
      .from(runDocuments)
      .innerJoin(documents, eq(documents.id, runDocuments.documentId))
      .where(where)
      .orderBy(asc(documents.relativePath), asc(documents.id))
      .limit(limit)
      .offset(offset)
      .all();
    const total =
      this.db
        .select({ n: sql<number>`count(*)` })
        .from(runDocuments)
        .innerJoin(documents, eq(documents.id, runDocuments.documentId))
        .where(and(where))
        .get()?.n ?? 0;
    return { rows, total };
  }
}
