import type { AuditListInput, CompareInput, DocumentTextInput, RunComparison, SearchInput, SearchResult } from '../../src-shared/contract';
import type { Dashboard, DealListItem, DomainOverview, FactDetail, FactsListInput, FindingDetail, FindingsListInput, GapDetail, GapsListInput, InventoryListInput, InventoryPage, RunInfo } from '../../src-shared/contract';
import type { Domain, DocumentStatus } from '../../src-shared/domain';
import type { Db } from '../db/open';
import { compare } from './compare-view';
import { createReadContext, type ReadContext } from './context';
import { getDeal, listDeals, listDocuments, listRuns, listSkippedFiles, runById, runProgress } from './deals-view';
import { dashboard, domainOverview, inventoryPage } from './overview-view';
import { factAttributes, factDetail, findingDetail, gapDetail, listFacts, listFindings, listGaps } from './results-view';
import { auditLog } from './reviews';
import { documentText, search } from './search-view';

/**
 * The read side of the app, one method per use case. Every call reads SQLite through the
 * repositories (nothing is cached here), scoped by one rule: the latest completed run unless the
 * caller names a run (DESIGN invariant 7). Give it a read-only connection beside the writers.
 */
export class DealData {
  private readonly ctx: ReadContext;

  constructor(private readonly db: Db) {
    this.ctx = createReadContext(db);
  }

  deals(): DealListItem[] {
    return listDeals(this.ctx);
  }

  deal(dealId: number): DealListItem {
    return getDeal(this.ctx, dealId);
  }

  runs(dealId: number): RunInfo[] {
    return listRuns(this.ctx, dealId);
  }

  run(runId: number): RunInfo {
    return runById(this.ctx, runId);
  }

  /** The raw run row, for the run controller's progress events. */
  runRow(runId: number) {
    return this.ctx.repos.runs.get(runId);
  }

  runProgress(input: Parameters<typeof runProgress>[1]) {
    return runProgress(this.ctx, input);
  }

  dashboard(dealId: number, runNumber?: number): Dashboard {
    return dashboard(this.ctx, dealId, runNumber);
  }

  domain(dealId: number, domain: Domain, runNumber?: number): DomainOverview {
    return domainOverview(this.ctx, dealId, domain, runNumber);
  }

  inventory(input: InventoryListInput): InventoryPage {
    return inventoryPage(this.ctx, input);
  }

  facts(input: FactsListInput) {
    return listFacts(this.ctx, input);
  }

  factAttributes(input: { dealId: number; runNumber?: number; domain?: Domain }) {
    return factAttributes(this.ctx, input);
  }

  fact(dealId: number, factId: number): FactDetail {
    return factDetail(this.ctx, dealId, factId);
  }

  gaps(input: GapsListInput) {
    return listGaps(this.ctx, input);
  }

  gap(dealId: number, gapId: number): GapDetail {
    return gapDetail(this.ctx, dealId, gapId);
  }

  findings(input: FindingsListInput) {
    return listFindings(this.ctx, input);
  }

  finding(dealId: number, findingId: number): FindingDetail {
    return findingDetail(this.ctx, dealId, findingId);
  }

  documents(input: { dealId: number; runNumber?: number; status?: DocumentStatus; page: { limit: number; offset: number } }) {
    return listDocuments(this.ctx, input);
  }

  /** The files of the data room the shown run did not analyse, with the reason for each. */
  skippedFiles(input: { dealId: number; runNumber?: number }) {
    return listSkippedFiles(this.ctx, input);
  }

  /** Who changed which review decision, newest first: the deal's, or one fact's or finding's. */
  reviewAudit(input: AuditListInput) {
    return auditLog(this.ctx, this.db, input);
  }

  /** What changed between two runs of the deal, section by section. */
  compare(input: CompareInput): RunComparison {
    return compare(this.ctx, this.db, input);
  }

  /** Full-text search over the shown run's document text and facts. */
  search(input: SearchInput): SearchResult {
    return search(this.ctx, this.db, input);
  }

  /** A window of a document's stored text, near a place when one is given. */
  documentText(input: DocumentTextInput) {
    return documentText(this.ctx, input);
  }
}
