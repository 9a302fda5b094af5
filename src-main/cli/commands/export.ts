import { checkOutputFile, ExportError } from '../../services/export/common';
import { writeDealReport } from '../../services/export/html-report';
import { writeDealWorkbook } from '../../services/export/workbook';
import { CliError, requireDeal, type CliContext } from '../context';

export interface ExportArgs {
  deal?: string;
  run?: string;
  xlsx?: string;
  html?: string;
  includeDismissed?: boolean;
}

/** export <deal> [--run N] [--xlsx FILE] [--html FILE] [--include-dismissed]: the deal's results as files to share. */
export async function exportCommand(ctx: CliContext, args: ExportArgs): Promise<number> {
  if (!args.xlsx && !args.html) throw new CliError('export needs at least one of --xlsx FILE or --html FILE.');
  const deal = requireDeal(ctx, args.deal);
  let runId: number | undefined;
  if (args.run !== undefined) {
    const runNumber = Number(args.run);
    if (!Number.isInteger(runNumber) || runNumber < 1) throw new CliError(`--run must be a run number (got "${args.run}").`);
    const run = ctx.repos.runs.byNumber(deal.id, runNumber);
    if (!run) throw new CliError(`Deal "${deal.name}" has no run ${runNumber}. List its runs with: runs "${deal.name}"`);
    runId = run.id;
  }
  const includeDismissed = args.includeDismissed ?? false;
  try {
    // Both destinations are checked before either file is written: a typo in one writes neither.
    for (const file of [args.xlsx, args.html]) if (file) checkOutputFile(file);
    const workbook = args.xlsx ? await writeDealWorkbook(ctx.database.db, { dealId: deal.id, runId, file: args.xlsx, includeDismissed }) : null;
    const report = args.html ? writeDealReport(ctx.database.db, { dealId: deal.id, runId, file: args.html, includeDismissed }) : null;
    const run = ctx.repos.runs.get((workbook ?? report)!.runId)!;
    if (ctx.json) {
      ctx.out(JSON.stringify({ deal: { id: deal.id, name: deal.name }, run: run.runNumber, runId: run.id, includeDismissed, workbook, report }, null, 2));
      return 0;
    }
    ctx.out(`Deal "${deal.name}", run ${run.runNumber}${includeDismissed ? ' (dismissed findings included)' : ''}`);
    if (workbook) {
      ctx.out(`Workbook: ${workbook.file}`);
      for (const [sheet, rows] of Object.entries(workbook.sheets)) ctx.out(`  ${sheet.padEnd(14)} ${String(rows).padStart(7)} rows`);
    }
    if (report) ctx.out(`Report: ${report.file}`);
    return 0;
  } catch (error) {
    if (error instanceof ExportError) throw new CliError(error.message);
    throw error;
  }
}
