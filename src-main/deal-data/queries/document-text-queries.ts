import { and, asc, eq, gte, sql, type SQL } from 'drizzle-orm';
import { documentChunks, documents } from '../../db/schema';
import { BaseRepository } from '../../repositories/base';

export type ChunkRow = typeof documentChunks.$inferSelect;

/** A document's stored text (the chunks search indexes), read a window at a time on (document, seq). */
export class DocumentTextQueries extends BaseRepository {
  document(dealId: number, documentId: number) {
    return this.db
      .select({ id: documents.id, path: documents.relativePath, kind: documents.kind, pageCount: documents.pageCount, status: documents.status })
      .from(documents)
      .where(this.where(documents.deletedAt, {}, eq(documents.id, documentId), eq(documents.dealId, dealId)))
      .get();
  }

  /** The first chunk at a place (page, sheet, row, line: those given must all match), or null. */
  seqAt(documentId: number, near: { page?: number; sheet?: string; row?: number; line?: number }): number | null {
    const conditions: SQL[] = [];
    if (near.page !== undefined) conditions.push(eq(documentChunks.page, near.page));
    if (near.sheet !== undefined) conditions.push(eq(documentChunks.sheet, near.sheet));
    if (near.row !== undefined) conditions.push(eq(documentChunks.row, near.row));
    if (near.line !== undefined) conditions.push(eq(documentChunks.line, near.line));
    if (conditions.length === 0) return null;
    const row = this.db
      .select({ seq: sql<number>`min(${documentChunks.seq})` })
      .from(documentChunks)
      .where(and(eq(documentChunks.documentId, documentId), ...conditions))
      .get();
    return row?.seq ?? null;
  }

  window(documentId: number, fromSeq: number, limit: number): ChunkRow[] {
    return this.db
      .select()
      .from(documentChunks)
      .where(and(eq(documentChunks.documentId, documentId), gte(documentChunks.seq, fromSeq)))
      .orderBy(asc(documentChunks.seq))
      .limit(limit)
      .all();
  }

  count(documentId: number): number {
    return this.db.select({ n: sql<number>`count(*)` }).from(documentChunks).where(eq(documentChunks.documentId, documentId)).get()?.n ?? 0;
  }
}
