import { sql } from 'drizzle-orm';
import { blob, check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
// A cycle with ./schema, and a safe one: the tables there are only dereferenced lazily (in references()).
import { analysisRuns, documents } from './schema';

// The optional language-model extractor (issue 8). Its answers are cached by what was asked, so a
// re-run or a resumed run never pays twice; what it contributed to a run is recorded per document;
// per fact, fact_evidence.source names the provider and model that stated it (null: the rules).

/**
 * One validated answer of a model to one request. Keyed by the document's content, the prompt
 * version, the model and the exact request text (one document is asked in parts when long): an
 * answer is reused only for exactly the same question to the same model.
 */
export const llmResponses = sqliteTable(
  'llm_responses',
  {
    documentSha256: text('document_sha256').notNull(),
    promptVersion: text('prompt_version').notNull(),
    model: text('model').notNull(),
    /** sha256 of the request (instructions, schema and this part's text). */
    requestSha256: text('request_sha256').notNull(),
    provider: text('provider').notNull(),
    /** The model's message content, kept raw: validation reruns on it, so a stricter check applies to old answers too. */
    content: text('content').notNull(),
    createdAt: text('created_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [primaryKey({ columns: [t.documentSha256, t.promptVersion, t.model, t.requestSha256] })],
);

/** What the model did for one document in one run, committed with the document's facts. */
export const llmRunDocuments = sqliteTable(
  'llm_run_documents',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => analysisRuns.id),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    promptVersion: text('prompt_version').notNull(),
    status: text('status', { enum: ['ok', 'failed'] }).notNull(),
    /** Parts the document was asked in. */
    parts: integer('parts').notNull(),
    /** Requests sent over the network in this run, retries included. */
    calls: integer('calls').notNull(),
    /** Parts answered from the cache without a request. */
    cacheHits: integer('cache_hits').notNull(),
    /** Facts the model proposed, and what became of them. */
    proposed: integer('proposed').notNull(),
    kept: integer('kept').notNull(),
    /** Quotes not found verbatim (after whitespace normalisation) in the text the model was shown. */
    rejectedQuotes: integer('rejected_quotes').notNull(),
    /** Unknown attributes, wrong subjects, values that do not parse or are not in their quote. */
    invalid: integer('invalid').notNull(),
    /** Facts the rules stated already, and readings of the same text the rules read otherwise (rules win). */
    duplicates: integer('duplicates').notNull(),
    conflicts: integer('conflicts').notNull(),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.documentId] }), index('llm_run_documents_document_idx').on(t.documentId)],
);

/**
 * The extractor's settings: one row. Off unless enabled. The API key is stored only as the
 * ciphertext of the operating system's secret store (Electron safeStorage), never as plain text.
 */
export const llmSettings = sqliteTable(
  'llm_settings',
  {
    id: integer('id').primaryKey(),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(false),
    provider: text('provider').notNull(),
    endpoint: text('endpoint').notNull(),
    model: text('model').notNull(),
    apiKeyCiphertext: blob('api_key_ciphertext', { mode: 'buffer' }),
    /** A non-loopback endpoint sends document text off this machine: only with explicit consent. */
    allowRemote: integer('allow_remote', { mode: 'boolean' }).notNull().default(false),
    timeoutMs: integer('timeout_ms').notNull(),
    maxAttempts: integer('max_attempts').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [check('llm_settings_single_row', sql`${t.id} = 1`)],
);
