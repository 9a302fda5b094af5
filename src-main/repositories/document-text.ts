import type Database from 'better-sqlite3';
import type { TextChunk } from '../analysis/runner/document-text';
import type { Db } from '../db/open';

/**
 * Stores a document version's text for search, inside the runner's per-document transaction.
 * Replaces rather than appends, so a re-parse (after a crash, or by a newer engine) never leaves
 * two copies. The full-text index is not touched here except to take out text it holds: indexing
 * happens in bulk once per run (SearchIndexer), which keeps this write path cheap.
 */
export class DocumentTextWriter {
  private readonly unindex: Database.Statement;
  private readonly deleteChunks: Database.Statement;
  private readonly insertChunk: Database.Statement;
  private readonly setState: Database.Statement;

  constructor(db: Db) {
    const sqlite = db.$client;
    // An external-content FTS5 index is told what to forget with the exact text it indexed; only
    // chunks of a document marked indexed are in it, so only those may be named here.
    this.unindex = sqlite.prepare(
      `INSERT INTO document_chunks_fts (document_chunks_fts, rowid, text)
       SELECT 'delete', c.id, c.text FROM document_chunks c JOIN documents d ON d.id = c.document_id
        WHERE c.document_id = ? AND d.text_indexed = 1`,
    );
    this.deleteChunks = sqlite.prepare('DELETE FROM document_chunks WHERE document_id = ?');
    this.insertChunk = sqlite.prepare('INSERT INTO document_chunks (document_id, seq, page, sheet, row, line, section, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.setState = sqlite.prepare('UPDATE documents SET text_chunks = ?, text_indexed = 0 WHERE id = ?');
  }

  replace(documentId: number, chunks: readonly TextChunk[]): void {
    this.remove(documentId);
    chunks.forEach((chunk, seq) => {
      const l = chunk.location;
      this.insertChunk.run(documentId, seq, l.page ?? null, l.sheet ?? null, l.row ?? null, l.line ?? null, l.section ?? null, chunk.text);
    });
    this.setState.run(chunks.length, documentId);
  }

  /** A failed parse leaves no text: a stale index would find words the document no longer yields. */
  clear(documentId: number): void {
    this.remove(documentId);
    this.setState.run(null, documentId);
  }

  private remove(documentId: number): void {
    this.unindex.run(documentId);
    this.deleteChunks.run(documentId);
  }
}
