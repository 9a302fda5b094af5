import { DOMAINS, FINDING_TYPES, SEVERITIES, type Domain, type FindingType, type Severity } from '../../../src-shared/domain';
import { findingEvidence } from '../../services/run-summary';
import { CliError, requireDeal, type CliContext } from '../context';
import { table, truncate } from '../format';

export function dealsCommand(ctx: CliContext): number {
  const deals = ctx.repos.deals.list();
  const rows = deals.map((deal) => {
    const run = ctx.repos.runs.latest(deal.id);
    return { deal, run };
  });
  if (ctx.json) {
    ctx.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (rows.length === 0) {
    ctx.out('No deals yet. Analyse a data room with: analyze <folder> [--deal NAME]');
    return 0;
  }
  for (const line of table(
    ['id', 'deal', 'type', 'as of', 'last run', 'status', 'facts', 'gaps', 'findings'],
    rows.map(({ deal, run }) => [
      String(deal.id),
      deal.name,
      deal.dealType.replace('_', '-'),
      deal.asOfDate,
      run ? `#${run.runNumber}` : '—',
      run?.status ?? 'never run',
      String(run?.factCount ?? ''),
      String(run?.gapCount ?? ''),
      String(run?.findingCount ?? ''),
    ]),
  ))
    ctx.out(line);
  return 0;
}

export function runsCommand(ctx: CliContext, dealRef: string | undefined): number {
  const deal = requireDeal(ctx, dealRef);
  const runs = ctx.repos.runs.list(deal.id);
  if (ctx.json) {
    ctx.out(JSON.stringify(runs, null, 2));
    return 0;
  }
  if (runs.length === 0) {
    ctx.out(`Deal "${deal.name}" has no runs yet.`);
    return 0;
  }
  for (const line of table(
    ['run', 'status', 'started', 'duration', 'documents', 'failed', 'facts', 'gaps', 'findings', 'engine'],
    runs.map((r) => [
      `#${r.runNumber}`,
      r.status,
      r.startedAt.replace('T', ' ').slice(0, 19),
      r.finishedAt ? `${((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000).toFixed(1)} s` : '—',
      `${r.docsDone}/${r.docsTotal}`,
      String(r.docsFailed),
      String(r.factCount),
      String(r.gapCount),
      String(r.findingCount),
      r.engineVersion,
    ]),
  ))
    ctx.out(line);
  for (const r of runs.filter((run) => run.error)) ctx.out(`run #${r.runNumber}: ${r.error}`);
  return 0;
}

export interface FindingsArgs {
  deal?: string;
  severity?: string;
  domain?: string;
  type?: string;
  run?: string;
  search?: string;
  limit?: string;
}

export function findingsCommand(ctx: CliContext, args: FindingsArgs): number {
  const deal = requireDeal(ctx, args.deal);
  const severity = oneOf<Severity>('--severity', args.severity, SEVERITIES);
  const domain = oneOf<Domain>('--domain', args.domain?.replace(/-/g, '_'), DOMAINS);
  const type = oneOf<FindingType>('--type', args.type?.replace(/-/g, '_'), FINDING_TYPES);
  const runNumber = args.run === undefined ? undefined : Number(args.run);
  if (runNumber !== undefined && !Number.isInteger(runNumber)) throw new CliError(`--run must be a run number (got "${args.run}").`);
  const run = ctx.repos.runs.resolveForReading(deal.id, runNumber);
  if (!run) {
    throw new CliError(runNumber === undefined ? `Deal "${deal.name}" has no runs yet.` : `Deal "${deal.name}" has no run ${runNumber}.`);
  }
  const limit = args.limit === undefined ? 50 : Number(args.limit);
  const page = ctx.repos.findings.list({ runId: run.id, severity, domain, type, search: args.search }, { by: 'severity', dir: 'asc' }, { limit });
  if (ctx.json) {
    ctx.out(JSON.stringify({ run: run.runNumber, total: page.total, findings: page.rows.map((f) => ({ ...f, evidence: findingEvidence(ctx.repos, f.id) })) }, null, 2));
    return 0;
  }
  const scope = run.status === 'completed' ? '' : ` (${run.status}: results so far)`;
  ctx.out(`Deal "${deal.name}", run ${run.runNumber}${scope}: ${page.total} findings${page.total > page.rows.length ? `, showing ${page.rows.length}` : ''}`);
  for (const f of page.rows) {
    ctx.out('');
    ctx.out(`[${f.severity.toUpperCase()}] ${f.title}`);
    ctx.out(`  ${f.type.replace(/_/g, ' ')} · ${f.domain.replace('_', ' & ')} · ${f.lens.replace(/_/g, ' ')}${f.phase ? ` · ${f.phase.replace(/_/g, ' ')}` : ''}${f.costBand ? ` · ${f.costBand}` : ''}`);
    ctx.out(`  ${truncate(f.description, 300)}`);
    for (const ev of findingEvidence(ctx.repos, f.id, 2)) ctx.out(`  “${truncate(ev.quote, 110)}” — ${ev.documentPath}, ${ev.location}`);
  }
  return 0;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`${flag} must be one of: ${allowed.join(', ')} (got "${value}").`);
  return value as T;
}
