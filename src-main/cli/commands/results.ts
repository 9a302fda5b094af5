import { DOMAIN_LABELS, DOMAINS, SEVERITIES, type Domain } from '../../../src-shared/domain';
import { DealData } from '../../deal-data/deal-data';
import { formatLocation } from '../../services/run-summary';
import { parseChoice, parseLimit, parseRunNumber } from '../args';
import { CliError, requireDeal, requireRun, type CliContext } from '../context';
import { summaryWidth, table, wrap } from '../format';
import { pageThrough } from './lists';

export interface GapsArgs {
  deal?: string;
  run?: string;
  domain?: string;
  importance?: string;
  search?: string;
  limit?: string;
}

/** gaps <deal>: the request list, what to ask the target for, most important first (as the app lists it). */
export function gapsCommand(ctx: CliContext, args: GapsArgs): number {
  const deal = requireDeal(ctx, args.deal);
  const domain = parseChoice('--domain', args.domain, DOMAINS);
  const importance = parseChoice('--importance', args.importance, SEVERITIES);
  const limit = parseLimit(args.limit);
  const run = requireRun(ctx, deal, parseRunNumber('--run', args.run));
  const data = new DealData(ctx.database.db);
  const filter = { domain, importance, search: searchText(args.search) };
  const page = pageThrough(limit, (p) => data.gaps({ dealId: deal.id, runNumber: run.runNumber, filter, page: p }));
  if (ctx.json) {
    ctx.out(JSON.stringify({ run: run.runNumber, total: page.total, gaps: page.rows }, null, 2));
    return 0;
  }
  const width = summaryWidth(ctx.outWidth);
  const scope = run.status === 'completed' ? '' : ` (${run.status}: results so far)`;
  ctx.out(`Deal "${deal.name}", run ${run.runNumber}${scope}: ${page.total} requests to the target${page.total > page.rows.length ? `, showing ${page.rows.length} (--limit N for more)` : ''}`);
  for (const g of page.rows) {
    ctx.out('');
    for (const line of wrap(`[${g.importance.toUpperCase()}] ${g.checklistItem} ${g.title} · ${g.kind.replace(/_/g, ' ')} · ${DOMAIN_LABELS[g.domain]}`, width, '    ')) ctx.out(line);
    for (const line of wrap(`  Request: ${g.request}`, width, '    ')) ctx.out(line);
  }
  return 0;
}

export interface FactsArgs {
  deal?: string;
  run?: string;
  domain?: string;
  attribute?: string;
  search?: string;
  limit?: string;
}

/** facts <deal>: what the documents state, each with the document and place it was read from. */
export function factsCommand(ctx: CliContext, args: FactsArgs): number {
  const deal = requireDeal(ctx, args.deal);
  const domain = parseChoice('--domain', args.domain, DOMAINS);
  const limit = parseLimit(args.limit);
  const run = requireRun(ctx, deal, parseRunNumber('--run', args.run));
  const data = new DealData(ctx.database.db);
  const attribute = args.attribute === undefined ? undefined : resolveAttribute(data, deal.id, run.runNumber, domain, args.attribute);
  const filter = { domain, attribute, search: searchText(args.search) };
  const page = pageThrough(limit, (p) => data.facts({ dealId: deal.id, runNumber: run.runNumber, filter, page: p }));
  const withSource = page.rows.map((fact) => {
    const evidence = ctx.repos.facts.evidenceFor(fact.id);
    return { fact, evidence: evidence.map((ev) => ({ documentPath: ev.documentPath, location: formatLocation(ev.location), quote: ev.quote })) };
  });
  if (ctx.json) {
    ctx.out(JSON.stringify({ run: run.runNumber, total: page.total, facts: withSource.map(({ fact, evidence }) => ({ ...fact, evidence })) }, null, 2));
    return 0;
  }
  const scope = run.status === 'completed' ? '' : ` (${run.status}: results so far)`;
  ctx.out(`Deal "${deal.name}", run ${run.runNumber}${scope}: ${page.total} facts${page.total > page.rows.length ? `, showing ${page.rows.length} (--limit N for more)` : ''}`);
  if (page.rows.length === 0) return 0;
  ctx.out('');
  const rows = withSource.map(({ fact, evidence }) => {
    const first = evidence[0];
    const more = evidence.length > 1 ? ` (+${evidence.length - 1})` : '';
    return [
      fact.subjectName ?? '—',
      fact.attributeLabel,
      fact.unit && !fact.value.includes(fact.unit) ? `${fact.value} ${fact.unit}` : fact.value,
      first ? `${first.documentPath}:${first.location}${more}` : fact.derivation === 'computed' ? '(computed)' : '—',
    ];
  });
  for (const line of table(['subject', 'attribute', 'value', 'document:location'], rows, { width: ctx.outWidth, flex: 2 })) ctx.out(line);
  return 0;
}

function searchText(search: string | undefined): string | undefined {
  if (search === undefined) return undefined;
  const text = search.trim();
  if (text === '') throw new CliError('--search needs some text (got a blank one).');
  if (text.length > 200) throw new CliError(`--search text can be at most 200 characters (this one has ${text.length}).`);
  return text;
}

/** --attribute as its name (operating_system) or its label (Operating system), any case. */
function resolveAttribute(data: DealData, dealId: number, runNumber: number, domain: Domain | undefined, given: string): string {
  const { attributes } = data.factAttributes({ dealId, runNumber, domain });
  const wanted = given.trim().toLowerCase();
  const asName = wanted.replace(/[-\s]+/g, '_');
  const match = attributes.find((a) => a.attribute === asName || a.label.toLowerCase() === wanted);
  if (match) return match.attribute;
  const known = attributes.map((a) => a.attribute);
  throw new CliError(
    `No fact of run ${runNumber}${domain ? ` in ${DOMAIN_LABELS[domain]}` : ''} has the attribute "${given}". ` +
      (known.length ? `Its attributes: ${known.slice(0, 30).join(', ')}${known.length > 30 ? ', …' : ''}.` : 'It has no facts.'),
    'not_found',
  );
}
