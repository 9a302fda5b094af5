import path from 'node:path';
import { DEAL_TYPES, isCalendarDate, type DealType } from '../../../src-shared/domain';
import { assertDataRoom, assertHasDocuments } from '../../analysis/ingest/walk';
import type { RunEventListener } from '../../analysis/runner/events';
import { resumeAnalysis, startAnalysis, type RunResult } from '../../analysis/runner/runner';
import { summarizeRun } from '../../services/run-summary';
import { CliError, requireDeal, type CliContext } from '../context';
import { formatSummary } from '../format';
import { progressBar } from '../progress-bar';

export interface AnalyzeArgs {
  dataRoom: string;
  deal?: string;
  asOf?: string;
  type?: string;
  target?: string;
  buyer?: string;
}

export function parseDealType(type: string | undefined): DealType | undefined {
  if (type === undefined) return undefined;
  const normalized = type.replace(/-/g, '_');
  if (!(DEAL_TYPES as readonly string[]).includes(normalized)) {
    throw new CliError(`Unknown deal type "${type}". Use one of: ${DEAL_TYPES.join(', ')}.`);
  }
  return normalized as DealType;
}

export function parseAsOf(asOf: string | undefined): string | undefined {
  if (asOf === undefined) return undefined;
  if (!isCalendarDate(asOf)) {
    throw new CliError(`--as-of must be a calendar date like 2026-02-01 (got "${asOf}").`);
  }
  return asOf;
}

/** analyze <data-room>: finds or creates the deal, runs it with a live progress bar, prints the summary. */
export async function analyzeCommand(ctx: CliContext, args: AnalyzeArgs): Promise<number> {
  const dealType = parseDealType(args.type);
  const asOf = parseAsOf(args.asOf);
  const root = await assertDataRoom(args.dataRoom);
  await assertHasDocuments(root); // before the deal is created, so a wrong folder leaves nothing behind
  const name = args.deal ?? path.basename(root);
  let deal = ctx.repos.deals.findByName(name);
  if (!deal) {
    deal = ctx.repos.deals.create({
      name,
      targetName: args.target ?? null,
      buyerName: args.buyer ?? null,
      dealType: dealType ?? 'acquisition',
      asOfDate: asOf ?? new Date().toISOString().slice(0, 10),
      dataRoomPath: root,
    });
  } else {
    const changes = {
      dataRoomPath: root,
      ...(dealType ? { dealType } : {}),
      ...(asOf ? { asOfDate: asOf } : {}),
      ...(args.target ? { targetName: args.target } : {}),
      ...(args.buyer ? { buyerName: args.buyer } : {}),
    };
    ctx.repos.deals.update(deal.id, changes);
    deal = ctx.repos.deals.get(deal.id)!;
  }
  if (!ctx.json) ctx.err(`Analysing ${root} as deal "${deal.name}" (${deal.dealType.replace('_', '-')}, as of ${deal.asOfDate})`);
  const result = await withProgress(ctx, (onEvent, signal) => startAnalysis({ database: ctx.database, dealId: deal.id, dataRoomPath: root, onEvent, signal }));
  return report(ctx, result, deal.name);
}

/** resume <deal>: continues the deal's interrupted run. */
export async function resumeCommand(ctx: CliContext, dealRef: string | undefined): Promise<number> {
  const deal = requireDeal(ctx, dealRef);
  const run = ctx.repos.runs.list(deal.id).find((r) => r.status === 'interrupted');
  if (!run) throw new CliError(`Deal "${deal.name}" has no interrupted run to resume.`);
  if (!ctx.json) ctx.err(`Resuming run ${run.runNumber} of deal "${deal.name}"`);
  const result = await withProgress(ctx, (onEvent, signal) => resumeAnalysis({ database: ctx.database, runId: run.id, onEvent, signal }));
  return report(ctx, result, deal.name);
}

async function withProgress(ctx: CliContext, start: (onEvent: RunEventListener, signal: AbortSignal) => Promise<RunResult>): Promise<RunResult> {
  const bar = progressBar(ctx.isTty, (text) => process.stderr.write(text));
  const controller = new AbortController();
  const onSigint = () => {
    ctx.err('\nCancelling… (everything analysed so far is kept)');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  try {
    return await start((event) => {
      bar.onEvent(event);
      if (process.env.DILIGENCE_DESK_REPORT_DOCS === '1') reportForCrashTests(event);
    }, controller.signal);
  } finally {
    process.off('SIGINT', onSigint);
    bar.done();
  }
}

function report(ctx: CliContext, result: RunResult, dealName: string): number {
  const run = ctx.repos.runs.get(result.runId)!;
  const summary = summarizeRun(ctx.repos, run);
  if (ctx.json) ctx.out(JSON.stringify(summary, null, 2));
  else for (const line of formatSummary(summary, dealName)) ctx.out(line);
  return result.status === 'completed' ? 0 : 1;
}

/**
 * Machine-readable lines for the crash tests: each is written only after the state it reports
 * has been committed, so a test that saw the line may demand the state after a SIGKILL.
 */
function reportForCrashTests(event: Parameters<RunEventListener>[0]): void {
  if (event.type === 'started') process.stdout.write(`RUN_STARTED ${event.runId}\n`);
  if (event.type === 'document' && event.status === 'done') process.stdout.write(`DOC_DONE ${event.documentId} ${event.evidenceCount}\n`);
}
