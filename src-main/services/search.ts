import type { Db } from '../db/open';
import { createRepositories } from '../repositories';
import type { RunRow } from '../repositories/runs';
import { ftsQuery, type DocumentHit, type FactHit } from '../repositories/search';

export type { DocumentHit, FactHit, Highlight } from '../repositories/search';

export interface SearchInput {
  dealId: number;
  /** The run to search; by default the one every view shows (latest completed, else latest). */
  runNumber?: number;
  text: string;
  /** Per kind of result; at most 100. */
  limit?: number;
}

export interface SearchResult {
  run: RunRow | null;
  documents: DocumentHit[];
  facts: FactHit[];
}

export const MAX_SEARCH_RESULTS = 100;

/**
 * Searches a deal's data room text and facts as the user types: words AND-ed, the last one as a
 * prefix, best matches first (bm25), each hit with the document location it came from.
 */
export function searchDeal(db: Db, input: SearchInput): SearchResult {
  const repos = createRepositories(db);
  const run = repos.runs.resolveForReading(input.dealId, input.runNumber) ?? null;
  const query = ftsQuery(input.text);
  if (!run || query === null) return { run, documents: [], facts: [] };
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 20), 1), MAX_SEARCH_RESULTS);
  return { run, documents: repos.search.documents(run.id, query, limit), facts: repos.search.facts(run.id, query, limit) };
}
