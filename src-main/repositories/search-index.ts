import type Database from 'better-sqlite3';
import type { Db } from '../db/open';

/**
 * Builds the full-text index in bulk: a run's facts, and the deal's document text not indexed yet.
 * Row-by-row upkeep (triggers) tripled the cost of committing each document; one statement per
 * run costs a fraction of that. Idempotent and atomic: what is indexed is recorded in the same
 * transaction (analysis_runs.search_indexed_at, documents.text_indexed), so a crash or a second
 * call never indexes anything twice, and a resumed run indexes what is missing.
 */
export class SearchIndexer {
  private readonly runState: Database.Statement;
  private readonly indexFacts: Database.Statement;
  private readonly markRun: Database.Statement;
  private readonly indexChunks: Database.Statement;
  private readonly markDocuments: Database.Statement;

  constructor(private readonly db: Db) {
    const sqlite = db.$client;
    this.runState = sqlite.prepare('SELECT deal_id AS dealId, search_indexed_at AS indexedAt FROM analysis_runs WHERE id = ?');
    this.indexFacts = sqlite.prepare('INSERT INTO facts_fts (rowid, subject_name, attribute, value_text) SELECT id, subject_name, attribute, value_text FROM facts WHERE run_id = ?');
    this.markRun = sqlite.prepare("UPDATE analysis_runs SET search_indexed_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE id = ?");
    this.indexChunks = sqlite.prepare(
      `INSERT INTO document_chunks_fts (rowid, text)
       SELECT c.id, c.text FROM documents d JOIN document_chunks c ON c.document_id = d.id
        WHERE d.deal_id = ? AND d.text_indexed = 0 AND d.text_chunks IS NOT NULL`,
    );
    this.markDocuments = sqlite.prepare('UPDATE documents SET text_indexed = 1 WHERE deal_id = ? AND text_indexed = 0 AND text_chunks IS NOT NULL');
  }

  /** Indexes a run's facts (once) and its deal's unindexed document text. Call when its facts are final. */
  indexRun(runId: number): void {
    this.db.$client
      .transaction(() => {
        const run = this.runState.get(runId) as { dealId: number; indexedAt: string | null } | undefined;
        if (!run) return;
        if (run.indexedAt === null) {
          this.indexFacts.run(runId);
          this.markRun.run(runId);
        }
        this.indexChunks.run(run.dealId);
        this.markDocuments.run(run.dealId);
      })
      .immediate();
  }
}
