import { DOMAINS, FINDING_TYPES, SEVERITIES } from '../../../src-shared/domain';
import type { PageResult } from '../../repositories/base';
import { findingEvidence } from '../../services/run-summary';
import { cliCommand, parseChoice, parseLimit, parseRunNumber } from '../args';
import { requireDeal, requireRun, type CliContext } from '../context';
import { summaryWidth, table, truncate, wrap } from '../format';

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
    ctx.out(`No deals yet. Analyse a data room with: ${cliCommand('analyze', '<folder>', ...ctx.dbArgs)} [--deal NAME]`);
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
    { width: ctx.outWidth, flex: 1 },
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
    { width: ctx.outWidth, flex: 9 },
  ))
    ctx.out(line);
  for (const r of runs.filter((run) => run.error)) for (const line of wrap(`run #${r.runNumber}: ${r.error}`, summaryWidth(ctx.outWidth), '  ')) ctx.out(line);
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
  /** The whole description, the reasoning and every quote, instead of a cut description and two quotes. */
  full?: boolean;
}

export function findingsCommand(ctx: CliContext, args: FindingsArgs): number {
  const deal = requireDeal(ctx, args.deal);
  const severity = parseChoice('--severity', args.severity, SEVERITIES);
  const domain = parseChoice('--domain', args.domain, DOMAINS);
  const type = parseChoice('--type', args.type, FINDING_TYPES);
  const limit = parseLimit(args.limit);
  const run = requireRun(ctx, deal, parseRunNumber('--run', args.run));
  const page = pageThrough(limit, (p) => ctx.repos.findings.list({ runId: run.id, severity, domain, type, search: args.search }, { by: 'severity', dir: 'asc' }, p));
  if (ctx.json) {
    const evidenceLimit = args.full ? 10_000 : 3;
    const findings = page.rows.map((f) => ({ ...f, evidence: findingEvidence(ctx.repos, f.id, evidenceLimit) }));
    ctx.out(JSON.stringify({ run: run.runNumber, total: page.total, findings }, null, 2));
    return 0;
  }
  const width = summaryWidth(ctx.outWidth);
  const scope = run.status === 'completed' ? '' : ` (${run.status}: results so far)`;
  ctx.out(`Deal "${deal.name}", run ${run.runNumber}${scope}: ${page.total} findings${page.total > page.rows.length ? `, showing ${page.rows.length} (--limit N for more)` : ''}`);
  for (const f of page.rows) {
    ctx.out('');
    const title = `[${f.severity.toUpperCase()}] ${f.title}`;
    ctx.out(ctx.outWidth ? truncate(title, ctx.outWidth - 1) : title);
    ctx.out(`  ${f.type.replace(/_/g, ' ')} · ${f.domain.replace('_', ' & ')} · ${f.lens.replace(/_/g, ' ')}${f.phase ? ` · ${f.phase.replace(/_/g, ' ')}` : ''}${f.costBand ? ` · ${f.costBand}` : ''}`);
    if (args.full) {
      for (const line of wrap(`  ${f.description}`, width, '  ')) ctx.out(line);
      ctx.out('  Reasoning:');
      for (const line of wrap(`    ${f.reasoning}`, width, '    ')) ctx.out(line);
      const evidence = findingEvidence(ctx.repos, f.id, 10_000);
      ctx.out(`  Evidence (${evidence.length}):`);
      for (const ev of evidence) for (const line of wrap(`    “${ev.quote}” — ${ev.documentPath}, ${ev.location}`, width, '      ')) ctx.out(line);
    } else {
      for (const line of wrap(`  ${truncate(f.description, 300)}`, width, '  ')) ctx.out(line);
      for (const ev of findingEvidence(ctx.repos, f.id, 2)) for (const line of wrap(`  “${truncate(ev.quote, 110)}” — ${ev.documentPath}, ${ev.location}`, width, '    ')) ctx.out(line);
    }
  }
  return 0;
}

/** Up to `limit` rows, read in the repositories' pages (at most 500 a query), filtered in SQL. */
export function pageThrough<T>(limit: number, read: (page: { limit: number; offset: number }) => PageResult<T>): PageResult<T> {
  const rows: T[] = [];
  let total = 0;
  for (let offset = 0; offset < limit; ) {
    const page = read({ limit: Math.min(500, limit - offset), offset });
    total = page.total;
    rows.push(...page.rows);
    if (page.rows.length === 0) break;
    offset += page.rows.length;
    if (offset >= total) break;
  }
  return { rows, total };
}
