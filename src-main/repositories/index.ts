import type { Db } from '../db/open';
import { DealsRepository } from './deals';
import { DocumentsRepository } from './documents';
import { FactWriter } from './fact-writer';
import { FactsRepository } from './facts';
import { FindingsRepository } from './findings';
import { GapsRepository } from './gaps';
import { RunsRepository } from './runs';

export interface Repositories {
  deals: DealsRepository;
  documents: DocumentsRepository;
  runs: RunsRepository;
  facts: FactsRepository;
  /** Prepared-statement writer for the runner's hot path (created on first use). */
  readonly factWriter: FactWriter;
  gaps: GapsRepository;
  findings: FindingsRepository;
}

export function createRepositories(db: Db): Repositories {
  let writer: FactWriter | undefined;
  return {
    deals: new DealsRepository(db),
    documents: new DocumentsRepository(db),
    runs: new RunsRepository(db),
    facts: new FactsRepository(db),
    get factWriter() {
      writer ??= new FactWriter(db);
      return writer;
    },
    gaps: new GapsRepository(db),
    findings: new FindingsRepository(db),
  };
}
