import type { Evidence, FactReviewStatus, FactRow, FindingReviewStatus, FindingRow, GapRow, ReviewItemKind, ReviewState, RunInfo } from '../../src-shared/contract';
import type { Deal } from '../../src-shared/contract';
import type { Domain, DocumentKind, GapKind, RunPhase } from '../../src-shared/domain';
import { describeEndpoint } from '../analysis/llm/endpoint';
import type { SourceLocation } from '../analysis/parsers/types';
import type { DealRow } from '../repositories/deals';
import type { FactRow as FactDbRow } from '../repositories/facts';
import type { FindingRow as FindingDbRow } from '../repositories/findings';
import type { GapRow as GapDbRow } from '../repositories/gaps';
import type { ReviewRow } from '../repositories/reviews';
import type { RunRow } from '../repositories/runs';
import { formatLocation } from '../services/run-summary';
import { attributeLabel } from './labels';

// Database rows to contract shapes: only the fields a screen needs, never internal columns.

export function toDeal(row: DealRow): Deal {
  return {
    id: row.id,
    name: row.name,
    targetName: row.targetName,
    buyerName: row.buyerName,
    dealType: row.dealType,
    asOfDate: row.asOfDate,
    dataRoomPath: row.dataRoomPath,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toRunInfo(row: RunRow): RunInfo {
  return {
    id: row.id,
    dealId: row.dealId,
    runNumber: row.runNumber,
    status: row.status,
    phase: row.phase as RunPhase,
    engineVersion: row.engineVersion,
    docsTotal: row.docsTotal,
    docsDone: row.docsDone,
    docsFailed: row.docsFailed,
    factCount: row.factCount,
    gapCount: row.gapCount,
    findingCount: row.findingCount,
    startedAt: row.startedAt,
    heartbeatAt: row.heartbeatAt,
    finishedAt: row.finishedAt,
    error: row.error,
    languageModel: languageModelOf(row.settings),
  };
}

/** From the settings saved with the run (never the key): which model, and where it ran. */
function languageModelOf(settings: string): RunInfo['languageModel'] {
  try {
    const llm = (JSON.parse(settings) as { llm?: { model: string; endpoint: string } }).llm;
    if (!llm) return null;
    const destination = describeEndpoint(llm.endpoint);
    return { model: llm.model, host: destination.host, leavesMachine: destination.leavesMachine };
  } catch {
    return null;
  }
}

export function toFactRow(row: FactDbRow, evidenceCount: number, review?: ReviewRow): FactRow {
  return {
    id: row.id,
    stableKey: row.stableKey,
    entity: row.entity,
    domain: row.domain as Domain,
    category: row.category,
    subjectKind: row.subjectKind,
    subjectName: row.subjectName,
    attribute: row.attribute,
    attributeLabel: attributeLabel(row.attribute),
    value: row.valueText,
    valueType: row.valueType,
    unit: row.unit,
    confidence: row.confidence,
    derivation: row.derivation,
    evidenceCount,
    reviewStatus: factStatus(review),
  };
}

export function toGapRow(row: GapDbRow): GapRow {
  return {
    id: row.id,
    stableKey: row.stableKey,
    checklistItem: row.checklistItem,
    domain: row.domain as Domain,
    title: row.title,
    kind: row.kind as GapKind,
    importance: row.importance,
    request: row.request,
  };
}

export function toFindingRow(row: FindingDbRow, review?: ReviewRow): FindingRow {
  return {
    id: row.id,
    stableKey: row.stableKey,
    ruleId: row.ruleId,
    type: row.type,
    domain: row.domain as Domain,
    title: row.title,
    description: row.description,
    severity: row.severity,
    lens: row.lens,
    phase: row.phase,
    costBand: row.costBand,
    reviewStatus: findingStatus(review),
    effectiveSeverity: review?.severityOverride ?? row.severity,
  };
}

const FACT_STATUSES: ReadonlySet<string> = new Set<FactReviewStatus>(['confirmed', 'incorrect', 'needs_info']);
const FINDING_STATUSES: ReadonlySet<string> = new Set<FindingReviewStatus>(['accepted', 'dismissed']);

function factStatus(review: ReviewRow | undefined): FactReviewStatus | null {
  return review?.status && FACT_STATUSES.has(review.status) ? (review.status as FactReviewStatus) : null;
}

function findingStatus(review: ReviewRow | undefined): FindingReviewStatus | null {
  return review?.status && FINDING_STATUSES.has(review.status) ? (review.status as FindingReviewStatus) : null;
}

/** An item's review state; an item nobody has reviewed yet has an empty one. */
export function toReviewState(itemKind: ReviewItemKind, stableKey: string, row: ReviewRow | undefined): ReviewState {
  return {
    itemKind,
    stableKey,
    status: row?.status ?? null,
    reason: row?.reason ?? null,
    note: row?.note ?? null,
    severityOverride: row?.severityOverride ?? null,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

export function toEvidence(ev: { documentId: number; documentPath: string; documentKind: DocumentKind; location: SourceLocation; quote: string; source?: string | null }): Evidence {
  const location: Evidence['location'] = {};
  if (ev.location.page !== undefined) location.page = ev.location.page;
  if (ev.location.sheet !== undefined) location.sheet = ev.location.sheet;
  if (ev.location.row !== undefined) location.row = ev.location.row;
  if (ev.location.line !== undefined) location.line = ev.location.line;
  if (ev.location.section !== undefined) location.section = ev.location.section;
  const text = formatLocation(ev.location);
  return {
    documentId: ev.documentId,
    documentPath: ev.documentPath,
    documentKind: ev.documentKind,
    location,
    locationText: ev.location.section ? `${text} · ${ev.location.section}` : text,
    quote: ev.quote,
    source: ev.source ?? null,
  };
}
