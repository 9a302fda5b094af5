import type Database from 'better-sqlite3';

/** Identifies one question to one model: the cache key. */
export interface CacheKey {
  documentSha256: string;
  promptVersion: string;
  model: string;
  requestSha256: string;
}

/** The per-document ledger row: what the model did for one document in one run. */
export interface LlmDocumentRecord {
  provider: string;
  model: string;
  promptVersion: string;
  status: 'ok' | 'failed';
  parts: number;
  calls: number;
  cacheHits: number;
  proposed: number;
  kept: number;
  rejectedQuotes: number;
  invalid: number;
  duplicates: number;
  conflicts: number;
  error: string | null;
}

/**
 * The extractor's SQLite access, on prepared statements. Answers are cached the moment they arrive,
 * in their own write outside any document transaction: an answer paid for survives a crash before
 * the document commits, which is what lets a resumed run skip the call.
 */
export class LlmStore {
  private readonly getAnswer: Database.Statement;
  private readonly putAnswer: Database.Statement;
  private readonly putRecord: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.getAnswer = sqlite
      .prepare('SELECT content FROM llm_responses WHERE document_sha256 = ? AND prompt_version = ? AND model = ? AND request_sha256 = ?')
      .pluck();
    this.putAnswer = sqlite.prepare(
      `INSERT INTO llm_responses (document_sha256, prompt_version, model, request_sha256, provider, content) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET provider = excluded.provider, content = excluded.content, created_at = excluded.created_at`,
    );
    // Replacing keeps a re-committed document (the same run recomputing it) at one row.
    this.putRecord = sqlite.prepare(
      `INSERT OR REPLACE INTO llm_run_documents (run_id, document_id, provider, model, prompt_version, status, parts, calls, cache_hits,
                                                proposed, kept, rejected_quotes, invalid, duplicates, conflicts, error)
       VALUES (@runId, @documentId, @provider, @model, @promptVersion, @status, @parts, @calls, @cacheHits,
               @proposed, @kept, @rejectedQuotes, @invalid, @duplicates, @conflicts, @error)`,
    );
  }

  cached(key: CacheKey): string | undefined {
    return this.getAnswer.get(key.documentSha256, key.promptVersion, key.model, key.requestSha256) as string | undefined;
  }

  remember(key: CacheKey, provider: string, content: string): void {
    this.putAnswer.run(key.documentSha256, key.promptVersion, key.model, key.requestSha256, provider, content);
  }

  /** Call inside the document's transaction, so the ledger commits with the facts it describes. */
  record(runId: number, documentId: number, record: LlmDocumentRecord): void {
    this.putRecord.run({ runId, documentId, ...record });
  }
}
