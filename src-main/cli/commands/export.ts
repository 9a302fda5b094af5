import { checkOutputFile, ExportError } from '../../services/export/common';
import { writeDealReport } from '../../services/export/html-report';
import { writeDealWorkbook } from '../../services/export/workbook';
import { parseRunNumber, resolveUserPath } from '../args';
import { CliError, requireDeal, requireRun, type CliContext } from '../context';

export interface ExportArgs {
  deal?: string;
  run?: string;
  xlsx?: string;
  html?: string;
  includeDismissed?: boolean;
}

/** export <deal> [--run N] [--xlsx FILE] [--html FILE] [--include-dismissed]: the deal's results as files to share. */
export async function exportCommand(ctx: CliContext, args: ExportArgs): Promise<number> {
  if (args.xlsx === undefined && args.html === undefined) throw new CliError('export needs at least one of --xlsx FILE or --html FILE.');
  const deal = requireDeal(ctx, args.deal);
  const runNumber = parseRunNumber('--run', args.run);
  const runId = runNumber === undefined ? undefined : requireRun(ctx, deal, runNumber).id;
  const includeDismissed = args.includeDismissed ?? false;
  const xlsx = outputPath('--xlsx', args.xlsx);
  const html = outputPath('--html', args.html);
  try {
    // Both destinations are checked before either file is written: a typo in one writes neither.
    for (const file of [xlsx, html]) if (file) checkOutputFile(file);
    const workbook = xlsx ? await writeDealWorkbook(ctx.database.db, { dealId: deal.id, runId, file: xlsx, includeDismissed }) : null;
    const report = html ? writeDealReport(ctx.database.db, { dealId: deal.id, runId, file: html, includeDismissed }) : null;
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
    if (error instanceof ExportError) throw new CliError(error.message, error.code);
    throw error;
  }
}

function outputPath(flag: string, given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  if (given.trim() === '') throw new CliError(`${flag} needs a file name (got an empty one).`);
  return resolveUserPath(given);
}
