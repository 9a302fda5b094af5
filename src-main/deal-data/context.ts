import type { Db } from '../db/open';
import { createRepositories, type Repositories } from '../repositories';
import { DocumentTextQueries } from './queries/document-text-queries';
import { InventoryQueries } from './queries/inventory-queries';
import { OverviewQueries } from './queries/overview-queries';
import { AttributeQueries, ResultQueries } from './queries/results-queries';

/** Everything a read needs: the repositories and the extra queries, over one connection. */
export interface ReadContext {
  repos: Repositories;
  results: ResultQueries;
  attributes: AttributeQueries;
  inventory: InventoryQueries;
  overview: OverviewQueries;
  documentText: DocumentTextQueries;
}

export function createReadContext(db: Db): ReadContext {
  return {
    repos: createRepositories(db),
    results: new ResultQueries(db),
    attributes: new AttributeQueries(db),
    inventory: new InventoryQueries(db),
    overview: new OverviewQueries(db),
    documentText: new DocumentTextQueries(db),
  };
}
