import { ArchiveError, exportDealArchive, importDealArchive } from '../../services/archive';
import { parseDealName, resolveUserPath } from '../args';
import { CliError, requireDeal, type CliContext } from '../context';

/** What the one-line summaries name, in this order (the JSON output has every table's count). */
const SUMMARY: Array<[string, string]> = [
  ['documents', 'documents'],
  ['analysis_runs', 'runs'],
  ['facts', 'facts'],
  ['gaps', 'gaps'],
  ['findings', 'findings'],
  ['reviews', 'review decisions'],
];

function summary(counts: Record<string, number>): string {
  return SUMMARY.map(([table, label]) => `${counts[table] ?? 0} ${label}`).join(', ');
}

/** archive <deal> <file>: writes one deal, with its runs, results and review state, to one SQLite file. */
export async function archiveCommand(ctx: CliContext, args: { deal?: string; file?: string }): Promise<number> {
  const deal = requireDeal(ctx, args.deal);
  if (!args.file?.trim()) throw new CliError('archive needs the file to write: archive <deal> <file>');
  try {
    const result = await exportDealArchive(ctx.database.db, { dealId: deal.id, file: resolveUserPath(args.file) });
    if (ctx.json) ctx.out(JSON.stringify({ deal: { id: deal.id, name: deal.name }, ...result }, null, 2));
    else ctx.out(`Deal "${deal.name}" archived to ${result.file}: ${summary(result.counts)}.`);
    return 0;
  } catch (error) {
    if (error instanceof ArchiveError) throw new CliError(error.message, error.code);
    throw error;
  }
}

/** import <file> [--as NAME]: adds the deal of an archive to the database, never over an existing deal. */
export function importCommand(ctx: CliContext, args: { file?: string; as?: string }): number {
  if (!args.file?.trim()) throw new CliError('import needs an archive file: import <file> [--as NAME]');
  const file = resolveUserPath(args.file);
  const as = parseDealName('--as', args.as);
  try {
    const result = importDealArchive(ctx.database.db, { file, as });
    if (ctx.json) ctx.out(JSON.stringify(result, null, 2));
    else ctx.out(`Imported deal "${result.name}" (id ${result.dealId}) from ${file}: ${summary(result.counts)}.`);
    return 0;
  } catch (error) {
    if (error instanceof ArchiveError) throw new CliError(error.message, error.code);
    throw error;
  }
}
