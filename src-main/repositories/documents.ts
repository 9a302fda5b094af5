import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DocumentKind, DocumentStatus, Entity } from '../../src-shared/domain';
import { documents, runDocuments } from '../db/schema';
import { BaseRepository, clampPage, type Page, type PageResult, type ScopeOptions } from './base';

export type DocumentRow = typeof documents.$inferSelect;

export interface ObservedDocument {
  dealId: number;
  entity: Entity;
  relativePath: string;
  sha256: string;
  sizeBytes: number;
  kind: DocumentKind;
}

export interface RunDocumentRow {
  document: DocumentRow;
  runStatus: 'pending' | 'done' | 'failed';
  evidenceCount: number;
  runError: string | null;
}

export class DocumentsRepository extends BaseRepository {
  /**
   * Records a file as seen now: the same path and content reuse the existing row; changed content
   * becomes a new version linked to the previous one.
   */
  recordVersion(doc: ObservedDocument): DocumentRow {
    const same = this.db
      .select()
      .from(documents)
      .where(and(eq(documents.dealId, doc.dealId), eq(documents.relativePath, doc.relativePath), eq(documents.sha256, doc.sha256)))
      .get();
    if (same) return same;
    const previous = this.db
      .select()
      .from(documents)
      .where(and(eq(documents.dealId, doc.dealId), eq(documents.relativePath, doc.relativePath)))
      .orderBy(desc(documents.version))
      .limit(1)
      .get();
    return this.db
      .insert(documents)
      .values({ ...doc, status: 'pending', version: (previous?.version ?? 0) + 1, previousVersionId: previous?.id ?? null })
      .returning()
      .get();
  }

  get(id: number): DocumentRow | undefined {
    return this.db.select().from(documents).where(eq(documents.id, id)).get();
  }

  markParsed(id: number, pageCount: number | null): void {
    this.db.update(documents).set({ status: 'parsed', pageCount, error: null, errorCode: null }).where(eq(documents.id, id)).run();
  }

  markFailed(id: number, errorCode: string, error: string): void {
    this.db.update(documents).set({ status: 'failed', errorCode, error }).where(eq(documents.id, id)).run();
  }

  /** The documents a run covers, with their per-run status, filtered and paged in SQL. */
  /** `status` is the document's latest parse; `runStatus` is what this run did with it (its ledger). */
  listForRun(runId: number, filter: { status?: DocumentStatus; runStatus?: RunDocumentRow['runStatus'] } = {}, page?: Partial<Page>, options: ScopeOptions = {}): PageResult<RunDocumentRow> {
    const { limit, offset } = clampPage(page);
    const where = this.where(
      documents.deletedAt,
      options,
      eq(runDocuments.runId, runId),
      filter.status ? eq(documents.status, filter.status) : undefined,
      filter.runStatus ? eq(runDocuments.status, filter.runStatus) : undefined,
    );
    const rows = this.db
      .select({ document: documents, runStatus: runDocuments.status, evidenceCount: runDocuments.evidenceCount, runError: runDocuments.error })
      .from(runDocuments)
      .innerJoin(documents, eq(documents.id, runDocuments.documentId))
      .where(where)
      .orderBy(asc(documents.relativePath))
      .limit(limit)
      .offset(offset)
      .all();
    const total =
      this.db
        .select({ n: sql<number>`count(*)` })
        .from(runDocuments)
        .innerJoin(documents, eq(documents.id, runDocuments.documentId))
        .where(where)
        .get()?.n ?? 0;
    return { rows, total };
  }
}
