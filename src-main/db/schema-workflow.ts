import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
// A cycle with ./schema, and a safe one: the tables there are only dereferenced lazily (in references()).
import { deals, documents } from './schema';

// Review state is per deal and stable key, never per run row: a decision made while looking at run 1
// applies to the same fact or finding in run 2, and no run's rows are copied or rewritten for it.
export const REVIEW_STATUSES = ['confirmed', 'incorrect', 'needs_info', 'accepted', 'dismissed'] as const;

export const reviews = sqliteTable(
  'reviews',
  {
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id),
    itemKind: text('item_kind', { enum: ['fact', 'finding'] }).notNull(),
    stableKey: text('stable_key').notNull(),
    /** Facts: confirmed, incorrect, needs_info. Findings: accepted, dismissed. Null: no decision. */
    status: text('status', { enum: REVIEW_STATUSES }),
    /** Why a finding was dismissed (required when dismissed). */
    reason: text('reason'),
    note: text('note'),
    severityOverride: text('severity_override', { enum: ['critical', 'high', 'medium', 'low'] }),
    /** SEVERITY_RANK of the override, so lists sort and filter by effective severity in SQL. */
    severityOverrideRank: integer('severity_override_rank'),
    updatedAt: text('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dealId, t.itemKind, t.stableKey] }), index('reviews_deal_status_idx').on(t.dealId, t.itemKind, t.status)],
);

/** Who changed which review field, from what to what, and when. Append-only. */
export const reviewAudit = sqliteTable(
  'review_audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id),
    itemKind: text('item_kind', { enum: ['fact', 'finding'] }).notNull(),
    stableKey: text('stable_key').notNull(),
    field: text('field', { enum: ['status', 'reason', 'note', 'severity_override'] }).notNull(),
    before: text('before'),
    after: text('after'),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('review_audit_deal_at_idx').on(t.dealId, t.at), index('review_audit_item_idx').on(t.dealId, t.itemKind, t.stableKey)],
);

/**
 * A document version's text, one row per located piece (a line, paragraph or table row), written
 * with its parse. It is per document, not per run: the same file has the same text in every run.
 * The full-text index over it (document_chunks_fts) is maintained by triggers (migration 0003).
 */
export const documentChunks = sqliteTable(
  'document_chunks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: integer('document_id')
      .notNull()
      .references(() => documents.id),
    seq: integer('seq').notNull(),
    page: integer('page'),
    sheet: text('sheet'),
    row: integer('row'),
    line: integer('line'),
    section: text('section'),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('document_chunks_doc_seq_uq').on(t.documentId, t.seq)],
);
