import type Database from 'better-sqlite3';
import type { TextChunk } from '../analysis/runner/document-text';
import type { Db } from '../db/open';

/**
 * Stores a document version's text for search, inside the runner's per-document transaction.
 * Replaces rather than appends, so a re-parse (after a crash, or by a newer engine) never leaves
 * two copies; the FTS index follows through triggers (migration 0003).
 */
export class DocumentTextWriter {
  private readonly deleteChunks: Database.Statement;
  private readonly insertChunk: Database.Statement;
  private readonly setCount: Database.Statement;

  constructor(db: Db) {
    const sqlite = db.$client;
    this.deleteChunks = sqlite.prepare('DELETE FROM document_chunks WHERE document_id = ?');
    this.insertChunk = sqlite.prepare('INSERT INTO document_chunks (document_id, seq, page, sheet, row, line, section, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.setCount = sqlite.prepare('UPDATE documents SET text_chunks = ? WHERE id = ?');
  }

  replace(documentId: number, chunks: readonly TextChunk[]): void {
    this.deleteChunks.run(documentId);
    chunks.forEach((chunk, seq) => {
      const l = chunk.location;
      this.insertChunk.run(documentId, seq, l.page ?? null, l.sheet ?? null, l.row ?? null, l.line ?? null, l.section ?? null, chunk.text);
    });
    this.setCount.run(chunks.length, documentId);
  }

  /** A failed parse leaves no text: a stale index would find words the document no longer yields. */
  clear(documentId: number): void {
    this.deleteChunks.run(documentId);
    this.setCount.run(null, documentId);
  }
}
