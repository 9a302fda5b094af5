import type Database from 'better-sqlite3';

// What a deal archive holds, table by table. Every table of the schema is either copied (TABLES)
// or left out on purpose (EXCLUDED); a test fails when a migration adds a table decided neither way.

/** Bumped when the archive's own layout (archive_meta, what is kept) changes incompatibly. */
export const ARCHIVE_FORMAT_VERSION = 1;
export const ARCHIVE_META_TABLE = 'archive_meta';

/** Which table's id map remaps a column; a function when it depends on the row (finding_evidence.ref_id). */
type RefTarget = string | ((row: Record<string, unknown>) => string);

export interface TableSpec {
  name: string;
  /** The integer primary key given a fresh value on import; the old → new map is kept under the table's name. */
  id?: string;
  /** Columns holding another (or the same) table's id, remapped on import. Declared and undeclared foreign keys alike. */
  refs: Record<string, RefTarget>;
  /** WHERE clause of the rows that do NOT belong to the deal @deal: deleted from the exported copy. */
  notOfDeal: string;
  /** Content-keyed rows shared across deals (a cache): imported with INSERT OR IGNORE. */
  shared?: boolean;
}

const RUNS_OF_DEAL = 'SELECT id FROM analysis_runs WHERE deal_id = @deal';
const DOCS_OF_DEAL = 'SELECT id FROM documents WHERE deal_id = @deal';

/** Parents before children: the order of import (and, reversed, of deletion from the exported copy). */
export const TABLES: readonly TableSpec[] = [
  { name: 'deals', id: 'id', refs: {}, notOfDeal: 'id <> @deal' },
  { name: 'documents', id: 'id', refs: { deal_id: 'deals', previous_version_id: 'documents' }, notOfDeal: 'deal_id <> @deal' },
  { name: 'analysis_runs', id: 'id', refs: { deal_id: 'deals', baseline_run_id: 'analysis_runs' }, notOfDeal: 'deal_id <> @deal' },
  {
    name: 'run_documents',
    refs: { run_id: 'analysis_runs', document_id: 'documents', reused_from_run_id: 'analysis_runs' },
    notOfDeal: `run_id NOT IN (${RUNS_OF_DEAL}) OR document_id NOT IN (${DOCS_OF_DEAL})`,
  },
  { name: 'run_skipped_files', refs: { run_id: 'analysis_runs' }, notOfDeal: `run_id NOT IN (${RUNS_OF_DEAL})` },
  { name: 'subjects', id: 'id', refs: { deal_id: 'deals', run_id: 'analysis_runs' }, notOfDeal: 'deal_id <> @deal' },
  { name: 'facts', id: 'id', refs: { deal_id: 'deals', run_id: 'analysis_runs' }, notOfDeal: 'deal_id <> @deal' },
  {
    name: 'fact_evidence',
    id: 'id',
    refs: { fact_id: 'facts', run_id: 'analysis_runs', document_id: 'documents' },
    notOfDeal: `fact_id NOT IN (SELECT id FROM facts WHERE deal_id = @deal) OR document_id NOT IN (${DOCS_OF_DEAL})`,
  },
  { name: 'gaps', id: 'id', refs: { deal_id: 'deals', run_id: 'analysis_runs' }, notOfDeal: 'deal_id <> @deal' },
  { name: 'findings', id: 'id', refs: { deal_id: 'deals', run_id: 'analysis_runs' }, notOfDeal: 'deal_id <> @deal' },
  {
    name: 'finding_evidence',
    refs: { finding_id: 'findings', ref_id: (row) => (row.evidence_kind === 'gap' ? 'gaps' : 'facts') },
    notOfDeal: 'finding_id NOT IN (SELECT id FROM findings WHERE deal_id = @deal)',
  },
  // Review state is per deal and stable key: stable keys are copied unchanged, so the decisions apply
  // to the imported runs and to any run made after the import.
  { name: 'reviews', refs: { deal_id: 'deals' }, notOfDeal: 'deal_id <> @deal' },
  { name: 'review_audit', id: 'id', refs: { deal_id: 'deals' }, notOfDeal: 'deal_id <> @deal' },
  // Document text is per document version: the search over the imported deal works at once.
  { name: 'document_chunks', id: 'id', refs: { document_id: 'documents' }, notOfDeal: `document_id NOT IN (${DOCS_OF_DEAL})` },
  {
    name: 'llm_run_documents',
    refs: { run_id: 'analysis_runs', document_id: 'documents' },
    notOfDeal: `run_id NOT IN (${RUNS_OF_DEAL}) OR document_id NOT IN (${DOCS_OF_DEAL})`,
  },
  // The model's answers, keyed by document content: only those about this deal's documents, so a
  // re-run on the other laptop pays for no request already answered.
  { name: 'llm_responses', refs: {}, notOfDeal: 'document_sha256 NOT IN (SELECT sha256 FROM documents WHERE deal_id = @deal)', shared: true },
];

/**
 * Left out of an archive, and why. Full-text indexes are rebuilt from the copied rows (their row
 * ids change); llm_settings is this machine's configuration, with an API key only its OS can decrypt.
 */
export const EXCLUDED: readonly (string | RegExp)[] = [
  'llm_settings',
  '__drizzle_migrations',
  'sqlite_sequence',
  ARCHIVE_META_TABLE,
  /^facts_fts(_(data|idx|docsize|config|content))?$/,
  /^document_chunks_fts(_(data|idx|docsize|config|content))?$/,
];

export function isExcluded(table: string): boolean {
  return EXCLUDED.some((rule) => (typeof rule === 'string' ? rule === table : rule.test(table)));
}

export function columnsOf(sqlite: Database.Database, table: string): string[] {
  return (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name);
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Puts a deal's rows into the external-content full-text indexes, as the runner's bulk indexer
 * would have: facts of the runs recorded as indexed, and the text of documents recorded as indexed.
 */
export function indexDealForSearch(sqlite: Database.Database, dealId: number): void {
  sqlite
    .prepare(
      `INSERT INTO facts_fts (rowid, subject_name, attribute, value_text)
       SELECT f.id, f.subject_name, f.attribute, f.value_text FROM facts f JOIN analysis_runs r ON r.id = f.run_id
        WHERE f.deal_id = ? AND r.search_indexed_at IS NOT NULL`,
    )
    .run(dealId);
  sqlite
    .prepare(
      `INSERT INTO document_chunks_fts (rowid, text)
       SELECT c.id, c.text FROM document_chunks c JOIN documents d ON d.id = c.document_id
        WHERE d.deal_id = ? AND d.text_indexed = 1`,
    )
    .run(dealId);
}

export function countRows(sqlite: Database.Database, dealId: number): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const spec of TABLES) {
    const n = sqlite.prepare(`SELECT count(*) FROM ${quoteIdent(spec.name)} WHERE NOT (${spec.notOfDeal})`).pluck().get({ deal: dealId }) as number;
    counts[spec.name] = n;
  }
  return counts;
}
