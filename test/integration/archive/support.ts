import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { AppDatabase } from '../../../src-main/db/open';
import { DealData } from '../../../src-main/deal-data/deal-data';
import { reviewLog } from '../../../src-main/services/review';

/** Drops row ids (id, dealId, runId, factId… and lists of them): the only thing an import may change. */
export function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'id' || (/Ids?$/.test(key) && key !== 'ruleId')) continue;
      out[key] = withoutIds(inner);
    }
    return out;
  }
  return value;
}

const PAGE = 500;

/** Every page of a paged list. */
function allPages<T>(fetch: (page: { limit: number; offset: number }) => { rows: T[]; total: number }): T[] {
  const rows: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = fetch({ limit: PAGE, offset });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}

/** What the app shows of a deal, read through the DealData facade: every run's lists, all pages. */
export function dealView(database: AppDatabase, dealId: number) {
  const data = new DealData(database.db);
  const runs = data.runs(dealId);
  const perRun = runs.map(({ runNumber }) => ({
    runNumber,
    dashboard: data.dashboard(dealId, runNumber),
    facts: allPages((page) => data.facts({ dealId, runNumber, page })),
    gaps: allPages((page) => data.gaps({ dealId, runNumber, page })),
    findings: allPages((page) => data.findings({ dealId, runNumber, page })),
    documents: allPages((page) => data.documents({ dealId, runNumber, page })),
  }));
  // Details resolve evidence through remapped references (fact → document, finding → facts and gaps).
  const latest = perRun.at(-1);
  const details = {
    findings: (latest?.findings ?? []).map((f) => data.finding(dealId, f.id)),
    facts: (latest?.facts ?? []).slice(0, 150).map((f) => data.fact(dealId, f.id)),
    gaps: (latest?.gaps ?? []).map((g) => data.gap(dealId, g.id)),
  };
  return {
    deal: data.deal(dealId),
    details,
    runs,
    dashboard: data.dashboard(dealId),
    perRun,
    reviews: database.sqlite
      .prepare('SELECT item_kind, stable_key, status, reason, note, severity_override, updated_at, updated_by FROM reviews WHERE deal_id = ? ORDER BY item_kind, stable_key')
      .all(dealId),
    audit: reviewLog(database.db, dealId, {}, { limit: PAGE, offset: 0 }),
  };
}

/** Finds facts of a deal by a full-text query (the index an import must rebuild). */
export function searchFacts(database: AppDatabase, dealId: number, query: string): string[] {
  return database.sqlite
    .prepare('SELECT f.stable_key FROM facts_fts JOIN facts f ON f.id = facts_fts.rowid WHERE facts_fts MATCH ? AND f.deal_id = ? ORDER BY f.run_id, f.stable_key')
    .pluck()
    .all(query, dealId) as string[];
}

export function searchText(database: AppDatabase, dealId: number, query: string): number {
  return database.sqlite
    .prepare('SELECT count(*) FROM document_chunks_fts JOIN document_chunks c ON c.id = document_chunks_fts.rowid JOIN documents d ON d.id = c.document_id WHERE document_chunks_fts MATCH ? AND d.deal_id = ?')
    .pluck()
    .get(query, dealId) as number;
}

/** The database file and its WAL, hashed after a checkpoint: what "left untouched" means. */
export function fingerprint(database: AppDatabase): string {
  const hash = createHash('sha256');
  for (const file of [database.file, `${database.file}-wal`]) if (existsSync(file)) hash.update(readFileSync(file));
  return hash.digest('hex');
}
