import type { Db } from '../db/open';
import { AuditRepository } from './audit';
import { ComparisonsRepository } from './comparisons';
import { DealsRepository } from './deals';
import { DocumentChangesRepository } from './document-changes';
import { DocumentTextWriter } from './document-text';
import { DocumentsRepository } from './documents';
import { FactWriter } from './fact-writer';
import { FactsRepository } from './facts';
import { FindingsRepository } from './findings';
import { GapsRepository } from './gaps';
import { ResultReuse } from './reuse';
import { ReviewsRepository } from './reviews';
import { RunsRepository } from './runs';
import { SearchRepository } from './search';
import { SearchIndexer } from './search-index';

export interface Repositories {
  deals: DealsRepository;
  documents: DocumentsRepository;
  runs: RunsRepository;
  facts: FactsRepository;
  /** Prepared-statement writer for the runner's hot path (created on first use). */
  readonly factWriter: FactWriter;
  gaps: GapsRepository;
  findings: FindingsRepository;
  documentChanges: DocumentChangesRepository;
  /** Review decisions per deal and stable key, and their audit log. */
  reviews: ReviewsRepository;
  audit: AuditRepository;
  /** Full-text search over a run's document text and facts. */
  search: SearchRepository;
  /** What differs between two runs, by stable key. */
  comparisons: ComparisonsRepository;
  /** Builds the search index in bulk, once per run (created on first use). */
  readonly searchIndex: SearchIndexer;
  /** The runner's writer of document text for search (created on first use). */
  readonly documentText: DocumentTextWriter;
  /** Copies an unchanged document's results from an earlier run (created on first use). */
  readonly reuse: ResultReuse;
}

export function createRepositories(db: Db): Repositories {
  let writer: FactWriter | undefined;
  let textWriter: DocumentTextWriter | undefined;
  let reuse: ResultReuse | undefined;
  let indexer: SearchIndexer | undefined;
  const factWriter = () => (writer ??= new FactWriter(db));
  return {
    deals: new DealsRepository(db),
    documents: new DocumentsRepository(db),
    runs: new RunsRepository(db),
    facts: new FactsRepository(db),
    get factWriter() {
      return factWriter();
    },
    gaps: new GapsRepository(db),
    findings: new FindingsRepository(db),
    documentChanges: new DocumentChangesRepository(db),
    reviews: new ReviewsRepository(db),
    audit: new AuditRepository(db),
    search: new SearchRepository(db),
    comparisons: new ComparisonsRepository(db),
    get searchIndex() {
      return (indexer ??= new SearchIndexer(db));
    },
    get documentText() {
      return (textWriter ??= new DocumentTextWriter(db));
    },
    get reuse() {
      return (reuse ??= new ResultReuse(db, factWriter()));
    },
  };
}
