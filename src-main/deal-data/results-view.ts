import type {
  FactDetail,
  FactRow,
  FactsListInput,
  FindingDetail,
  FindingRow,
  FindingsListInput,
  GapDetail,
  GapRow,
  GapsListInput,
  Scope,
} from '../../src-shared/contract';
import type { Domain } from '../../src-shared/domain';
import type { FactRow as FactDbRow } from '../repositories/facts';
import type { FindingRow as FindingDbRow } from '../repositories/findings';
import type { ReadContext } from './context';
import { notFound } from './errors';
import { attributeLabel, compareAttributes } from './labels';
import { toEvidence, toFactRow, toFindingRow, toGapRow, toReviewState } from './mappers';
import { parseList } from './queries/results-queries';
import { resolveScope } from './scope';

type Paged<T> = { scope: Scope; rows: T[]; total: number };

const MAX_CITED_FACTS = 50;

/** Fact rows with their evidence counts and review states: one query each for the whole page. */
export function factRows(ctx: ReadContext, rows: FactDbRow[]): FactRow[] {
  const counts = ctx.results.evidenceCounts(rows.map((r) => r.id));
  const reviews = reviewsOf(ctx, 'fact', rows);
  return rows.map((r) => toFactRow(r, counts.get(r.id) ?? 0, reviews.get(r.stableKey)));
}

/** Finding rows with their review states (status, effective severity), in one query for the page. */
export function findingRows(ctx: ReadContext, rows: FindingDbRow[]): FindingRow[] {
  const reviews = reviewsOf(ctx, 'finding', rows);
  return rows.map((r) => toFindingRow(r, reviews.get(r.stableKey)));
}

/** Rows of one deal (a run never spans deals); the review table is keyed by deal and stable key. */
function reviewsOf(ctx: ReadContext, kind: 'fact' | 'finding', rows: Array<{ dealId: number; stableKey: string }>) {
  const dealId = rows[0]?.dealId;
  if (dealId === undefined) return new Map<string, never>();
  return ctx.repos.reviews.forKeys(dealId, kind, rows.map((r) => r.stableKey));
}

export function listFacts(ctx: ReadContext, input: FactsListInput): Paged<FactRow> {
  const { scope, run } = resolveScope(ctx.repos, input.dealId, input.runNumber);
  if (!run) return { scope, rows: [], total: 0 };
  const page = ctx.repos.facts.list({ runId: run.id, ...input.filter }, input.sort ?? { by: 'subject', dir: 'asc' }, input.page);
  return { scope, rows: factRows(ctx, page.rows), total: page.total };
}

export function factAttributes(ctx: ReadContext, input: { dealId: number; runNumber?: number; domain?: Domain }) {
  const { scope, run } = resolveScope(ctx.repos, input.dealId, input.runNumber);
  const counts = run ? ctx.attributes.attributeCounts(run.id, input.domain) : [];
  const attributes = counts
    .sort((a, b) => compareAttributes(a.attribute, b.attribute))
    .map((c) => ({ attribute: c.attribute, label: attributeLabel(c.attribute), count: c.count }));
  return { scope, attributes };
}

export function factDetail(ctx: ReadContext, dealId: number, factId: number): FactDetail {
  const row = ctx.results.fact(dealId, factId);
  if (!row) throw notFound(`Fact ${factId}`);
  const run = ctx.repos.runs.get(row.runId);
  if (!run) throw notFound(`The run of fact ${factId}`);
  const subject = row.subjectKey ? (ctx.results.subject(row.runId, row.subjectKey) ?? null) : null;
  const evidence = ctx.results.evidence(row.id).map(toEvidence);
  const review = ctx.repos.reviews.get(dealId, 'fact', row.stableKey);
  return { runNumber: run.runNumber, fact: toFactRow(row, evidence.length, review), subject, evidence, review: toReviewState('fact', row.stableKey, review) };
}

export function listGaps(ctx: ReadContext, input: GapsListInput): Paged<GapRow> {
  const { scope, run } = resolveScope(ctx.repos, input.dealId, input.runNumber);
  if (!run) return { scope, rows: [], total: 0 };
  const page = ctx.repos.gaps.list({ runId: run.id, ...input.filter }, input.sort ?? { by: 'importance', dir: 'asc' }, input.page);
  return { scope, rows: page.rows.map(toGapRow), total: page.total };
}

export function gapDetail(ctx: ReadContext, dealId: number, gapId: number): GapDetail {
  const row = ctx.results.gap(dealId, gapId);
  if (!row) throw notFound(`Gap ${gapId}`);
  const run = ctx.repos.runs.get(row.runId);
  if (!run) throw notFound(`The run of gap ${gapId}`);
  const keys = parseList(row.relatedFactKeys).slice(0, MAX_CITED_FACTS);
  return { runNumber: run.runNumber, gap: toGapRow(row), reasoning: row.reasoning, relatedFacts: factRows(ctx, ctx.results.factsByKeys(row.runId, keys)) };
}

export function listFindings(ctx: ReadContext, input: FindingsListInput): Paged<FindingRow> {
  const { scope, run } = resolveScope(ctx.repos, input.dealId, input.runNumber);
  if (!run) return { scope, rows: [], total: 0 };
  const { includeDismissed, ...filter } = input.filter ?? {};
  // Findings are never soft-deleted by deleted_at (only dismissed in review), so the base
  // repository's includeDeleted is exactly "show dismissed" here: filtered and counted in SQL.
  const page = ctx.repos.findings.list({ runId: run.id, ...filter }, input.sort ?? { by: 'severity', dir: 'asc' }, input.page, { includeDeleted: includeDismissed === true });
  return { scope, rows: findingRows(ctx, page.rows), total: page.total };
}

export function findingDetail(ctx: ReadContext, dealId: number, findingId: number): FindingDetail {
  // A dismissed finding still opens (from "Show dismissed", or a link), with its decision.
  const row = ctx.results.finding(dealId, findingId, { includeDismissed: true });
  if (!row) throw notFound(`Finding ${findingId}`);
  const run = ctx.repos.runs.get(row.runId);
  if (!run) throw notFound(`The run of finding ${findingId}`);
  const cited = ctx.repos.findings.evidenceOf(row.id);
  const facts = factRows(ctx, ctx.results.factsByIds(row.runId, cited.factIds.slice(0, MAX_CITED_FACTS)));
  const review = ctx.repos.reviews.get(dealId, 'finding', row.stableKey);
  return {
    runNumber: run.runNumber,
    finding: toFindingRow(row, review),
    review: toReviewState('finding', row.stableKey, review),
    reasoning: row.reasoning,
    facts: facts.map((fact) => ({ fact, evidence: ctx.results.evidence(fact.id, 5).map(toEvidence) })),
    gaps: ctx.results.gapsByIds(row.runId, cited.gapIds).map(toGapRow),
  };
}
