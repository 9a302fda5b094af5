import type { DealListItem, DocumentRow, RunInfo, RunProgress, Scope } from '../../src-shared/contract';
import type { DocumentStatus } from '../../src-shared/domain';
import type { DealRow } from '../repositories/deals';
import type { ReadContext } from './context';
import { notFound } from './errors';
import { toDeal, toRunInfo } from './mappers';
import type { RunDocumentRecord } from './queries/overview-queries';
import { resolveScope } from './scope';

export function listDeals(ctx: ReadContext): DealListItem[] {
  return ctx.repos.deals.list().map((deal) => dealItem(ctx, deal));
}

export function getDeal(ctx: ReadContext, dealId: number): DealListItem {
  const deal = ctx.repos.deals.get(dealId);
  if (!deal) throw notFound(`Deal ${dealId}`);
  return dealItem(ctx, deal);
}

function dealItem(ctx: ReadContext, deal: DealRow): DealListItem {
  const last = ctx.repos.runs.latest(deal.id);
  const completed = ctx.repos.runs.latestCompleted(deal.id);
  return { deal: toDeal(deal), lastRun: last ? toRunInfo(last) : null, latestCompleted: completed ? toRunInfo(completed) : null };
}

export function listRuns(ctx: ReadContext, dealId: number): RunInfo[] {
  if (!ctx.repos.deals.get(dealId)) throw notFound(`Deal ${dealId}`);
  return ctx.repos.runs.list(dealId).map(toRunInfo);
}

export function runById(ctx: ReadContext, runId: number): RunInfo {
  const run = ctx.repos.runs.get(runId);
  if (!run || !ctx.repos.deals.get(run.dealId)) throw notFound(`Run ${runId}`);
  return toRunInfo(run);
}

/** The progress page follows the deal's newest run of any status, unless a run is named. */
export function runProgress(
  ctx: ReadContext,
  input: { dealId: number; runNumber?: number; status?: 'pending' | 'done' | 'failed'; page?: { limit: number; offset: number } },
): Omit<RunProgress, 'live'> {
  const deal = ctx.repos.deals.get(input.dealId);
  if (!deal) throw notFound(`Deal ${input.dealId}`);
  const run = input.runNumber === undefined ? ctx.repos.runs.latest(deal.id) : ctx.repos.runs.byNumber(deal.id, input.runNumber);
  if (input.runNumber !== undefined && !run) throw notFound(`Run ${input.runNumber} of deal "${deal.name}"`);
  if (!run) return { run: null, documents: [], documentsTotal: 0 };
  const page = ctx.overview.runDocuments(run.id, { runStatus: input.status }, input.page ?? { limit: 500, offset: 0 });
  // The run row's progress is throttled; the ledger is committed with each document, so document
  // counts come from the ledger and always agree with the list below.
  const ledger = ctx.repos.runs.documentCounts(run.id);
  const info = toRunInfo(run);
  return {
    run: ledger.total > 0 ? { ...info, docsTotal: ledger.total, docsDone: ledger.done + ledger.failed, docsFailed: ledger.failed } : info,
    documentsTotal: page.total,
    documents: page.rows.map((r) => ({
      documentId: r.document.id,
      path: r.document.relativePath,
      entity: r.document.entity,
      kind: r.document.kind,
      sizeBytes: r.document.sizeBytes,
      pageCount: r.document.pageCount,
      runStatus: r.runStatus,
      documentStatus: r.document.status,
      evidenceCount: r.evidenceCount,
      error: r.runError ?? (r.runStatus === 'failed' ? r.document.error : null),
    })),
  };
}

export function listDocuments(
  ctx: ReadContext,
  input: { dealId: number; runNumber?: number; status?: DocumentStatus; page: { limit: number; offset: number } },
): { scope: Scope; rows: DocumentRow[]; total: number } {
  const { scope, run } = resolveScope(ctx.repos, input.dealId, input.runNumber);
  if (!run) return { scope, rows: [], total: 0 };
  // Status within the shown run (a document parsed later by another run is still failed here).
  const runStatus = input.status === undefined ? undefined : ({ pending: 'pending', parsed: 'done', failed: 'failed' } as const)[input.status];
  const page = ctx.overview.runDocuments(run.id, { runStatus }, input.page);
  return { scope, rows: page.rows.map(toDocumentRow), total: page.total };
}

export function listSkippedFiles(ctx: ReadContext, input: { dealId: number; runNumber?: number }): { scope: Scope; files: Array<{ path: string; reason: string }> } {
  const { scope, run } = resolveScope(ctx.repos, input.dealId, input.runNumber);
  if (!run) return { scope, files: [] };
  return { scope, files: ctx.repos.runs.skippedFiles(run.id).map((f) => ({ path: f.relativePath, reason: f.reason })) };
}

function toDocumentRow(r: RunDocumentRecord): DocumentRow {
  return {
    id: r.document.id,
    path: r.document.relativePath,
    entity: r.document.entity,
    kind: r.document.kind,
    sizeBytes: r.document.sizeBytes,
    pageCount: r.document.pageCount,
    version: r.document.version,
    status: r.document.status,
    runStatus: r.runStatus,
    evidenceCount: r.evidenceCount,
    error: r.runError ?? r.document.error,
  };
}
