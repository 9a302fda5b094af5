import type { Dashboard, DomainOverview, InventoryListInput, InventoryPage, InventoryRow } from '../../src-shared/contract';
import { DOMAINS, FINDING_TYPES, SEVERITIES, type Domain, type DocumentKind, type FindingType, type Severity } from '../../src-shared/domain';
import type { ReadContext } from './context';
import { attributeLabel, compareAttributes, isNumericAttribute, subjectKindLabel } from './labels';
import { parseList } from './queries/results-queries';
import { resolveScope } from './scope';
import { factRows, findingRows } from './results-view';

const TOP_RISKS = 6;
const COMPANY_FACTS_LIMIT = 200;

function zeroes<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

export function dashboard(ctx: ReadContext, dealId: number, runNumber?: number): Dashboard {
  const { scope, run } = resolveScope(ctx.repos, dealId, runNumber);
  const bySeverity = zeroes(SEVERITIES);
  const byType = zeroes(FINDING_TYPES);
  const gapsByImportance = zeroes(SEVERITIES);
  const factsByDomain = zeroes(DOMAINS);
  if (!run) {
    return {
      scope,
      totals: { facts: 0, gaps: 0, findings: 0, documents: 0 },
      findingsBySeverity: SEVERITIES.map((severity) => ({ severity, count: 0 })),
      findingsByDomain: [],
      findingsByType: FINDING_TYPES.map((type) => ({ type, count: 0 })),
      gapsByImportance: SEVERITIES.map((importance) => ({ importance, count: 0 })),
      factsByDomain: DOMAINS.map((domain) => ({ domain, count: 0 })),
      topRisks: [],
      inventories: [],
      coverage: { parsed: 0, failed: 0, pending: 0, byKind: [] },
    };
  }
  const matrix = ctx.overview.findingsByDomainAndSeverity(dealId, run.id);
  for (const cell of matrix) bySeverity[cell.severity as Severity] += cell.count;
  for (const t of ctx.overview.findingsByType(dealId, run.id)) byType[t.type as FindingType] = t.count;
  for (const [importance, n] of Object.entries(ctx.repos.gaps.countByImportance(run.id))) gapsByImportance[importance as Severity] = n;
  for (const [domain, n] of Object.entries(ctx.repos.facts.countByDomain(run.id))) {
    if (domain in factsByDomain) factsByDomain[domain as Domain] = n;
  }
  const coverage = ctx.overview.coverage(run.id);
  const documents = coverage.reduce((sum, c) => sum + c.total, 0);
  const failed = coverage.reduce((sum, c) => sum + c.failed, 0);
  const pending = coverage.reduce((sum, c) => sum + c.pending, 0);
  const risks = ctx.repos.findings.list({ runId: run.id, type: 'risk' }, { by: 'severity', dir: 'asc' }, { limit: TOP_RISKS });
  return {
    scope,
    totals: {
      facts: Object.values(factsByDomain).reduce((a, b) => a + b, 0),
      gaps: Object.values(gapsByImportance).reduce((a, b) => a + b, 0),
      findings: Object.values(bySeverity).reduce((a, b) => a + b, 0),
      documents,
    },
    findingsBySeverity: SEVERITIES.map((severity) => ({ severity, count: bySeverity[severity] })),
    findingsByDomain: matrix
      .filter((c) => (DOMAINS as readonly string[]).includes(c.domain))
      .map((c) => ({ domain: c.domain as Domain, severity: c.severity as Severity, count: c.count })),
    findingsByType: FINDING_TYPES.map((type) => ({ type, count: byType[type] })),
    gapsByImportance: SEVERITIES.map((importance) => ({ importance, count: gapsByImportance[importance] })),
    factsByDomain: DOMAINS.map((domain) => ({ domain, count: factsByDomain[domain] })),
    topRisks: findingRows(ctx, risks.rows),
    inventories: ctx.inventory
      .summaries(dealId, run.id)
      .filter((s) => (DOMAINS as readonly string[]).includes(s.domain))
      .map((s) => ({ domain: s.domain as Domain, kind: s.kind, label: subjectKindLabel(s.kind), count: s.count })),
    coverage: {
      parsed: documents - failed - pending,
      failed,
      pending,
      byKind: coverage.map((c) => ({ kind: c.kind as DocumentKind, total: c.total, failed: c.failed })),
    },
  };
}

export function domainOverview(ctx: ReadContext, dealId: number, domain: Domain, runNumber?: number): DomainOverview {
  const { scope, run } = resolveScope(ctx.repos, dealId, runNumber);
  if (!run) {
    return {
      scope,
      domain,
      counts: { facts: 0, gaps: 0, findings: 0 },
      findingsBySeverity: SEVERITIES.map((severity) => ({ severity, count: 0 })),
      inventories: [],
      companyFacts: [],
      companyFactsTotal: 0,
    };
  }
  const bySeverity = zeroes(SEVERITIES);
  for (const cell of ctx.overview.findingsByDomainAndSeverity(dealId, run.id, domain)) bySeverity[cell.severity as Severity] += cell.count;
  const company = ctx.results.companyFacts(run.id, domain, COMPANY_FACTS_LIMIT);
  return {
    scope,
    domain,
    counts: {
      facts: ctx.repos.facts.count({ runId: run.id, domain }),
      gaps: ctx.repos.gaps.count({ runId: run.id, domain }),
      findings: Object.values(bySeverity).reduce((a, b) => a + b, 0),
    },
    findingsBySeverity: SEVERITIES.map((severity) => ({ severity, count: bySeverity[severity] })),
    inventories: ctx.inventory.summaries(dealId, run.id, domain).map((s) => ({ kind: s.kind, label: subjectKindLabel(s.kind), count: s.count })),
    companyFacts: factRows(ctx, company.rows),
    companyFactsTotal: company.total,
  };
}

export function inventoryPage(ctx: ReadContext, input: InventoryListInput): InventoryPage {
  const { scope, run } = resolveScope(ctx.repos, input.dealId, input.runNumber);
  const label = subjectKindLabel(input.kind);
  if (!run) return { scope, kind: input.kind, label, columns: [], rows: [], total: 0 };
  const filter = { dealId: input.dealId, runId: run.id, domain: input.domain, kind: input.kind, entity: input.entity, search: input.search };
  const attributes = ctx.inventory.attributes(filter).sort(compareAttributes);
  const by = input.sort?.by ?? 'name';
  const sortBy = by === 'name' || attributes.includes(by) ? by : 'name';
  const page = ctx.inventory.page(filter, { by: sortBy, dir: input.sort?.dir ?? 'asc', numeric: isNumericAttribute(sortBy) }, input.page);
  const cells = ctx.inventory.cells(
    run.id,
    page.rows.map((r) => r.stableKey),
  );
  const bySubject = new Map<string, InventoryRow['cells']>();
  for (const cell of cells) {
    const row = bySubject.get(cell.subjectKey) ?? {};
    const existing = row[cell.attribute];
    if (existing) {
      // Two documents stating different values: both are shown, and the cell is flagged.
      existing.text = `${existing.text} / ${cell.valueText}`;
      existing.conflict = true;
      existing.factIds.push(cell.id);
    } else {
      row[cell.attribute] = { text: cell.valueText, conflict: false, factIds: [cell.id] };
    }
    bySubject.set(cell.subjectKey, row);
  }
  return {
    scope,
    kind: input.kind,
    label,
    columns: attributes.map((attribute) => ({ attribute, label: attributeLabel(attribute), numeric: isNumericAttribute(attribute) })),
    rows: page.rows.map((r) => ({ subjectKey: r.stableKey, name: r.name, entity: r.entity, aliases: parseList(r.aliases), cells: bySubject.get(r.stableKey) ?? {} })),
    total: page.total,
  };
}
