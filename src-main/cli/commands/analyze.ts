import { realpathSync } from 'node:fs';
import path from 'node:path';
import { DEAL_TYPES, isCalendarDate, type DealType } from '../../../src-shared/domain';
import { assertDataRoom, assertHasDocuments } from '../../analysis/ingest/walk';
import type { RunEventListener } from '../../analysis/runner/events';
import { recoverOrphanedRuns } from '../../analysis/runner/ownership';
import { resumeAnalysis, RunConflictError, startAnalysis, type RunResult } from '../../analysis/runner/runner';
import type { DealRow } from '../../repositories/deals';
import { summarizeRun } from '../../services/run-summary';
import { cliCommand, parseChoice, parseDealName, resolveUserPath } from '../args';
import { CliError, requireDeal, type CliContext } from '../context';
import { formatSummary, summaryWidth } from '../format';
import { modelRunOptions, resumeModelOptions, type ModelArgs } from '../model-options';
import { progressBar } from '../progress-bar';

export interface AnalyzeArgs {
  dataRoom: string;
  deal?: string;
  asOf?: string;
  type?: string;
  target?: string;
  buyer?: string;
  model?: ModelArgs;
}

export function parseDealType(type: string | undefined): DealType | undefined {
  return parseChoice('--type', type, DEAL_TYPES);
}

export function parseAsOf(asOf: string | undefined): string | undefined {
  if (asOf === undefined) return undefined;
  if (!isCalendarDate(asOf.trim())) {
    throw new CliError(`--as-of must be a calendar date like 2026-02-01 (got "${asOf}").`);
  }
  return asOf.trim();
}

/** analyze <data-room>: finds or creates the deal, runs it with a live progress bar, prints the summary. */
export async function analyzeCommand(ctx: CliContext, args: AnalyzeArgs): Promise<number> {
  const dealType = parseDealType(args.type);
  const asOf = parseAsOf(args.asOf);
  const explicitName = parseDealName('--deal', args.deal);
  const llm = modelRunOptions(args.model ?? {}, (line) => ctx.err(line));
  const root = await assertDataRoom(resolveUserPath(args.dataRoom));
  await assertHasDocuments(root); // before the deal is created, so a wrong folder leaves nothing behind
  const name = explicitName ?? path.basename(root);
  // Checked and changed under the write lock: a refused analysis leaves the deal exactly as it was.
  const deal = ctx.database.sqlite
    .transaction((): DealRow => {
      const existing = ctx.repos.deals.findByName(name);
      if (!existing) {
        return ctx.repos.deals.create({
          name,
          targetName: args.target ?? null,
          buyerName: args.buyer ?? null,
          dealType: dealType ?? 'acquisition',
          asOfDate: asOf ?? new Date().toISOString().slice(0, 10),
          dataRoomPath: root,
        });
      }
      assertNoActiveRun(ctx, existing);
      const movedFrom = existing.dataRoomPath && !samePath(existing.dataRoomPath, root) ? existing.dataRoomPath : null;
      if (movedFrom && explicitName === undefined) {
        throw new CliError(
          `Deal "${name}" analyses ${movedFrom}, not ${root}. ` +
            `To analyse this folder as a new deal, name it: ${cliCommand('analyze', root, '--deal', 'NEW NAME', ...ctx.dbArgs)}. ` +
            `To point "${name}" at this folder from now on: ${cliCommand('analyze', root, '--deal', name, ...ctx.dbArgs)}`,
          'data_room_mismatch',
        );
      }
      if (movedFrom) ctx.err(`Note: deal "${name}" now analyses ${root} (it analysed ${movedFrom}).`);
      ctx.repos.deals.update(existing.id, {
        dataRoomPath: root,
        ...(dealType ? { dealType } : {}),
        ...(asOf ? { asOfDate: asOf } : {}),
        ...(args.target ? { targetName: args.target } : {}),
        ...(args.buyer ? { buyerName: args.buyer } : {}),
      });
      return ctx.repos.deals.get(existing.id)!;
    })
    .immediate();
  if (!ctx.json) ctx.err(`Analysing ${root} as deal "${deal.name}" (${deal.dealType.replace('_', '-')}, as of ${deal.asOfDate})`);
  const result = await withProgress(ctx, (onEvent, signal) => startAnalysis({ database: ctx.database, dealId: deal.id, dataRoomPath: root, onEvent, signal, ...(llm ? { llm } : {}) }));
  return report(ctx, result, deal.name);
}

/** The runner's own check, made before the deal is touched (after recovering runs whose process died). */
function assertNoActiveRun(ctx: CliContext, deal: DealRow): void {
  recoverOrphanedRuns(ctx.repos, deal.id);
  const active = ctx.repos.runs.activeRuns(deal.id)[0];
  if (active) {
    throw new RunConflictError(
      `Deal "${deal.name}" already has run ${active.runNumber} in progress (pid ${active.ownerPid} on ${active.ownerHost}). Wait for it to finish or cancel it first; the deal was not changed.`,
    );
  }
}

function samePath(saved: string, root: string): boolean {
  let real = saved;
  try {
    real = realpathSync(saved);
  } catch {
    // The saved folder is gone (moved or unmounted): compare what was saved.
  }
  return path.resolve(real) === path.resolve(root);
}

/** resume <deal>: continues the deal's latest interrupted or cancelled run where it stopped. */
export async function resumeCommand(ctx: CliContext, dealRef: string | undefined): Promise<number> {
  const deal = requireDeal(ctx, dealRef);
  const runs = ctx.repos.runs.list(deal.id);
  const run = runs.find((r) => r.status === 'interrupted' || r.status === 'cancelled');
  if (!run) {
    const latest = runs[0];
    throw new CliError(
      `Deal "${deal.name}" has no interrupted or cancelled run to resume${latest ? ` (its latest run, ${latest.runNumber}, is ${latest.status})` : ' (it has no runs yet)'}.`,
      'nothing_to_resume',
    );
  }
  if (!ctx.json) ctx.err(`Resuming run ${run.runNumber} of deal "${deal.name}" (${run.status})`);
  const result = await withProgress(ctx, (onEvent, signal) => resumeAnalysis({ database: ctx.database, runId: run.id, onEvent, signal, llm: resumeModelOptions() }));
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
  else {
    const resumable = run.status === 'cancelled' || run.status === 'interrupted';
    const options = { width: summaryWidth(ctx.outWidth), resumeCommand: resumable ? cliCommand('resume', dealName, ...ctx.dbArgs) : undefined };
    for (const line of formatSummary(summary, dealName, options)) ctx.out(line);
  }
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
