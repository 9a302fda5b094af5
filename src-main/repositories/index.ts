import type { Db } from '../db/open';
import { DealsRepository } from './deals';
import { DocumentsRepository } from './documents';
import { FactsRepository } from './facts';
import { FindingsRepository } from './findings';
import { GapsRepository } from './gaps';
import { RunsRepository } from './runs';

export interface Repositories {
  deals: DealsRepository;
  documents: DocumentsRepository;
  runs: RunsRepository;
  facts: FactsRepository;
  gaps: GapsRepository;
  findings: FindingsRepository;
}

export function createRepositories(db: Db): Repositories {
  return {
    deals: new DealsRepository(db),
    documents: new DocumentsRepository(db),
    runs: new RunsRepository(db),
    facts: new FactsRepository(db),
    gaps: new GapsRepository(db),
    findings: new FindingsRepository(db),
  };
}
