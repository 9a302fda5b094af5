import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// The database is the product's only store (DESIGN invariant 1). Every result row carries its
// deal and run, so one read path can scope to a run with an index; soft-deletable rows carry
// deleted_at, which only the base repository interprets (invariant 9).

const timestamps = {
  createdAt: text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
};

export const deals = sqliteTable(
  'deals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    targetName: text('target_name'),
    buyerName: text('buyer_name'),
    dealType: text('deal_type', { enum: ['acquisition', 'carve_out', 'divestiture'] }).notNull(),
    asOfDate: text('as_of_date').notNull(),
    dataRoomPath: text('data_room_path'),
    ...timestamps,
    updatedAt: text('updated_at'),
    deletedAt: text('deleted_at'),
  },
  (t) => [uniqueIndex('deals_name_live_uq').on(t.name).where(sql`deleted_at IS NULL`)],
);

export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id),
    entity: text('entity', { enum: ['target', 'buyer'] }).notNull(),
    relativePath: text('relative_path').notNull(),
    sha256: text('sha256').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    kind: text('kind', { enum: ['pdf', 'docx', 'xlsx', 'csv', 'markdown', 'text'] }).notNull(),
    pageCount: integer('page_count'),
    status: text('status', { enum: ['pending', 'parsed', 'failed'] }).notNull(),
    error: text('error'),
    errorCode: text('error_code'),
    version: integer('version').notNull(),
    previousVersionId: integer('previous_version_id'),
    /**
     * How many text chunks of this version are stored for search; null until a parse by a build
     * that stores them (or after a failed parse). A document's results are reused in a later run
     * only when this is set, so its text is always searchable.
     */
    textChunks: integer('text_chunks'),
    /** Whether those chunks are in the full-text index (it is built in bulk, once per run; migration 0005). */
    textIndexed: integer('text_indexed', { mode: 'boolean' }).notNull().default(false),
    ...timestamps,
    deletedAt: text('deleted_at'),
  },
  (t) => [
    uniqueIndex('documents_deal_path_hash_uq').on(t.dealId, t.relativePath, t.sha256),
    index('documents_deal_status_idx').on(t.dealId, t.status),
  ],
);

export const analysisRuns = sqliteTable(
  'analysis_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id),
    runNumber: integer('run_number').notNull(),
    status: text('status', { enum: ['running', 'completed', 'failed', 'cancelled', 'interrupted'] }).notNull(),
    engineVersion: text('engine_version').notNull(),
    settings: text('settings').notNull(),
    phase: text('phase').notNull(),
    docsTotal: integer('docs_total').notNull().default(0),
    docsDone: integer('docs_done').notNull().default(0),
    docsFailed: integer('docs_failed').notNull().default(0),
    factCount: integer('fact_count').notNull().default(0),
    gapCount: integer('gap_count').notNull().default(0),
    findingCount: integer('finding_count').notNull().default(0),
    ownerPid: integer('owner_pid'),
    ownerHost: text('owner_host'),
    startedAt: text('started_at').notNull(),
    heartbeatAt: text('heartbeat_at').notNull(),
    finishedAt: text('finished_at'),
    error: text('error'),
    /** The deal's latest completed run when this one started: what "new, changed, removed" documents are relative to. */
    baselineRunId: integer('baseline_run_id'),
    /** When the run's facts went into the full-text index (null: not yet; search then finds none of them). */
    searchIndexedAt: text('search_indexed_at'),
  },
  (t) => [
    uniqueIndex('runs_deal_number_uq').on(t.dealId, t.runNumber),
    index('runs_deal_status_finished_idx').on(t.dealId, t.status, t.finishedAt),
    index('runs_status_idx').on(t.status),
  ],
);

/** The resume ledger: which documents a run has finished (or failed), committed with their facts. */
export const runDocuments = sqliteTable(
  'run_documents',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => analysisRuns.id),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    status: text('status', { enum: ['pending', 'done', 'failed'] }).notNull(),
    evidenceCount: integer('evidence_count').notNull().default(0),
    error: text('error'),
    finishedAt: text('finished_at'),
    /** Against the run's baseline: a path not seen there, a new version of a path, or the same document. */
    change: text('change', { enum: ['new', 'changed', 'unchanged'] }),
    /** Set when the document's results were copied from this earlier run instead of parsing it again. */
    reusedFromRunId: integer('reused_from_run_id'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.documentId] }), index('run_documents_document_idx').on(t.documentId)],
);

/**
 * Files of the data room a run did not analyse, and why (an unsupported type, a link leading out of
 * the room): a deal team must see what the tool did not read, not only what it did.
 */
export const runSkippedFiles = sqliteTable(
  'run_skipped_files',
  {
    runId: integer('run_id')
      .notNull()
      .references(() => analysisRuns.id),
    relativePath: text('relative_path').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.relativePath] })],
);

export const subjects = sqliteTable(
  'subjects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id),
    runId: integer('run_id')
      .notNull()
      .references(() => analysisRuns.id),
    stableKey: text('stable_key').notNull(),
    entity: text('entity', { enum: ['target', 'buyer'] }).notNull(),
    domain: text('domain').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** JSON array of the other names the subject was found under, sorted. */
    aliases: text('aliases').notNull().default('[]'),
  },
  (t) => [
    uniqueIndex('subjects_run_key_uq').on(t.runId, t.stableKey),
    index('subjects_deal_run_kind_idx').on(t.dealId, t.runId, t.domain, t.kind),
  ],
);

export const facts = sqliteTable(
  'facts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stableKey: text('stable_key').notNull(),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id),
    runId: integer('run_id')
      .notNull()
      .references(() => analysisRuns.id),
    entity: text('entity', { enum: ['target', 'buyer'] }).notNull(),
    domain: text('domain').notNull(),
    category: text('category').notNull(),
    subjectKey: text('subject_key'),
    subjectKind: text('subject_kind'),
    subjectName: text('subject_name'),
    attribute: text('attribute').notNull(),
    valueType: text('value_type', { enum: ['text', 'number', 'money', 'percent', 'date', 'boolean'] }).notNull(),
    /** Display text for every type; the searchable, sortable form of text values. */
    valueText: text('value_text').notNull(),
    valueNumber: real('value_number'),
    currency: text('currency'),
    unit: text('unit'),
    confidence: real('confidence').notNull(),
    derivation: text('derivation', { enum: ['stated', 'computed'] }).notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    uniqueIndex('facts_run_key_uq').on(t.runId, t.stableKey),
    index('facts_deal_run_domain_idx').on(t.dealId, t.runId, t.domain),
    index('facts_run_attribute_idx').on(t.runId, t.attribute),
    index('facts_run_subject_idx').on(t.runId, t.subjectKey),
  ],
);

/** One row per place that states a fact. */
export const factEvidence = sqliteTable(
  'fact_evidence',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    factId: integer('fact_id')
      .notNull()
      .references(() => facts.id, { onDelete: 'cascade' }),
    runId: integer('run_id').notNull(),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    /** Canonical text of the location (for uniqueness): "p3 l12", "s:Apps r7", "l45". */
    locationKey: text('location_key').notNull(),
    page: integer('page'),
    sheet: text('sheet'),
    row: integer('row'),
    line: integer('line'),
    section: text('section'),
    quote: text('quote').notNull(),
    // How this place states the fact. Two documents may word the same fact differently ("SaaS",
    // "Saas") or with other confidence; the fact row keeps the first wording and the highest
    // confidence. Keeping each document's own contribution lets a later run copy an unchanged
    // document's results exactly (no re-parse) without taking another document's wording.
    confidence: real('confidence'),
    category: text('category'),
    subjectName: text('subject_name'),
    writtenName: text('written_name'),
    valueText: text('value_text'),
    unit: text('unit'),
    derivation: text('derivation', { enum: ['stated', 'computed'] }),
    /** Who stated the fact here: null for the rules, "provider/model" for a language model (issue 8). */
    source: text('source'),
  },
  (t) => [
    uniqueIndex('fact_evidence_uq').on(t.factId, t.documentId, t.locationKey),
    index('fact_evidence_document_idx').on(t.documentId),
    index('fact_evidence_run_document_idx').on(t.runId, t.documentId),
  ],
);

export const gaps = sqliteTable(
  'gaps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stableKey: text('stable_key').notNull(),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id),
    runId: integer('run_id')
      .notNull()
      .references(() => analysisRuns.id),
    checklistItem: text('checklist_item').notNull(),
    domain: text('domain').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    importance: text('importance', { enum: ['critical', 'high', 'medium', 'low'] }).notNull(),
    importanceRank: integer('importance_rank').notNull(),
    request: text('request').notNull(),
    reasoning: text('reasoning').notNull(),
    relatedFactKeys: text('related_fact_keys').notNull().default('[]'),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    uniqueIndex('gaps_run_key_uq').on(t.runId, t.stableKey),
    index('gaps_deal_run_domain_idx').on(t.dealId, t.runId, t.domain),
    index('gaps_deal_run_importance_idx').on(t.dealId, t.runId, t.importanceRank),
  ],
);

export const findings = sqliteTable(
  'findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stableKey: text('stable_key').notNull(),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id),
    runId: integer('run_id')
      .notNull()
      .references(() => analysisRuns.id),
    ruleId: text('rule_id').notNull(),
    type: text('type', { enum: ['risk', 'work_item', 'recommendation', 'strategic_consideration'] }).notNull(),
    domain: text('domain').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    severity: text('severity', { enum: ['critical', 'high', 'medium', 'low'] }).notNull(),
    severityRank: integer('severity_rank').notNull(),
    lens: text('lens').notNull(),
    phase: text('phase'),
    costBand: text('cost_band'),
    reasoning: text('reasoning').notNull(),
    subjectKeys: text('subject_keys').notNull().default('[]'),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    uniqueIndex('findings_run_key_uq').on(t.runId, t.stableKey),
    index('findings_deal_run_type_severity_idx').on(t.dealId, t.runId, t.type, t.severityRank),
    index('findings_deal_run_domain_idx').on(t.dealId, t.runId, t.domain),
  ],
);

/** Links a finding to the facts and gaps it rests on. */
export const findingEvidence = sqliteTable(
  'finding_evidence',
  {
    findingId: integer('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    evidenceKind: text('evidence_kind', { enum: ['fact', 'gap'] }).notNull(),
    refId: integer('ref_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.findingId, t.evidenceKind, t.refId] })],
);


// Review state and document text live in their own file; re-exported so `import * as schema` sees one schema.
export * from './schema-workflow';
export * from './schema-llm';
