import os from 'node:os';
import { and, eq, inArray } from 'drizzle-orm';
import { SEVERITIES, type Severity } from '../../src-shared/domain';
import type { Db } from '../db/open';
import { analysisRuns, facts, findings } from '../db/schema';
import { createRepositories } from '../repositories';
import type { AuditRow } from '../repositories/audit';
import type { Page, PageResult } from '../repositories/base';
import {
  FACT_REVIEW_STATUSES,
  FINDING_REVIEW_STATUSES,
  type FactReviewStatus,
  type FindingReviewStatus,
  type ReviewChanges,
  type ReviewItemKind,
  type ReviewRow,
} from '../repositories/reviews';

/** A review request that cannot be applied: unknown item, or a value that does not fit. */
export class ReviewError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

/** An item named by its row id in any run of the deal, or by its stable key. */
export type ItemRef = { id: number } | { stableKey: string };

export interface FactReviewInput {
  dealId: number;
  fact: ItemRef;
  status?: FactReviewStatus | null;
  note?: string | null;
}

export interface FindingReviewInput {
  dealId: number;
  finding: ItemRef;
  /** 'dismissed' needs a reason (given now or already recorded). */
  status?: FindingReviewStatus | null;
  reason?: string | null;
  severityOverride?: Severity | null;
  note?: string | null;
}

/** Who made a decision: the OS account name, which needs no login and is honest about its limits. */
export function currentUser(): string {
  try {
    return os.userInfo().username || fallbackUser();
  } catch {
    return fallbackUser();
  }
}

function fallbackUser(): string {
  return process.env.USER ?? process.env.USERNAME ?? 'unknown';
}

/** Records a decision on a fact (confirmed, incorrect, needs info; a note). It applies to every run. */
export function reviewFact(db: Db, input: FactReviewInput, actor = currentUser()): ReviewRow {
  if (input.status != null && !(FACT_REVIEW_STATUSES as readonly string[]).includes(input.status)) {
    throw new ReviewError('invalid', `A fact's review status is one of ${FACT_REVIEW_STATUSES.join(', ')} (got "${String(input.status)}").`);
  }
  const stableKey = resolveKey(db, 'fact', input.dealId, input.fact);
  return applyChanges(db, input.dealId, 'fact', stableKey, { status: input.status, note: cleanText(input.note) }, actor);
}

/**
 * Records a decision on a finding: accepted, or dismissed with a reason (which hides it from
 * default views in every run), a severity override, a note. Clearing the status restores it.
 */
export function reviewFinding(db: Db, input: FindingReviewInput, actor = currentUser()): ReviewRow {
  if (input.status != null && !(FINDING_REVIEW_STATUSES as readonly string[]).includes(input.status)) {
    throw new ReviewError('invalid', `A finding's review status is one of ${FINDING_REVIEW_STATUSES.join(', ')} (got "${String(input.status)}").`);
  }
  if (input.severityOverride != null && !(SEVERITIES as readonly string[]).includes(input.severityOverride)) {
    throw new ReviewError('invalid', `A severity override is one of ${SEVERITIES.join(', ')} (got "${String(input.severityOverride)}").`);
  }
  const stableKey = resolveKey(db, 'finding', input.dealId, input.finding);
  const current = createRepositories(db).reviews.get(input.dealId, 'finding', stableKey);
  const status = input.status === undefined ? (current?.status ?? null) : input.status;
  let reason = input.reason === undefined ? (current?.reason ?? null) : cleanText(input.reason);
  if (status === 'dismissed' && !reason) {
    throw new ReviewError('invalid', 'Say why the finding is dismissed: a dismissal needs a reason.');
  }
  // A reason explains a dismissal only; restoring or accepting the finding retires it (the audit keeps it).
  if (status !== 'dismissed') reason = null;
  return applyChanges(db, input.dealId, 'finding', stableKey, { status: input.status, reason, severityOverride: input.severityOverride, note: cleanText(input.note) }, actor);
}

/** Review states for a page of items (for lists: one query, not one per row). */
export function reviewStates(db: Db, dealId: number, itemKind: ReviewItemKind, stableKeys: readonly string[]): Map<string, ReviewRow> {
  return createRepositories(db).reviews.forKeys(dealId, itemKind, stableKeys);
}

/** Who changed what and when, newest first; for one item when a key is given. */
export function reviewLog(db: Db, dealId: number, filter: { itemKind?: ReviewItemKind; stableKey?: string } = {}, page?: Partial<Page>): PageResult<AuditRow> {
  return createRepositories(db).audit.list(dealId, filter, page);
}

function applyChanges(db: Db, dealId: number, itemKind: ReviewItemKind, stableKey: string, changes: ReviewChanges, actor: string): ReviewRow {
  const repos = createRepositories(db);
  // The state and its audit entries commit together: no decision without its record.
  return db.$client
    .transaction(() => {
      const { row, audit } = repos.reviews.apply(dealId, itemKind, stableKey, changes, actor);
      repos.audit.record(audit);
      return row;
    })
    .immediate();
}

function cleanText(text: string | null | undefined): string | null | undefined {
  if (text === undefined || text === null) return text;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** The stable key of a fact or finding of the deal; review state is keyed by it, not by row ids. */
function resolveKey(db: Db, itemKind: ReviewItemKind, dealId: number, ref: ItemRef): string {
  const table = itemKind === 'fact' ? facts : findings;
  // By key: the deal's runs let SQLite use the (run, stable key) unique index instead of a scan.
  const runs = db.select({ id: analysisRuns.id }).from(analysisRuns).where(eq(analysisRuns.dealId, dealId));
  const condition = 'id' in ref ? eq(table.id, ref.id) : and(inArray(table.runId, runs), eq(table.stableKey, ref.stableKey));
  const row = db.select({ key: table.stableKey }).from(table).where(and(eq(table.dealId, dealId), condition)).limit(1).get();
  if (!row) {
    const what = 'id' in ref ? `${itemKind} ${ref.id}` : `${itemKind} with key ${ref.stableKey}`;
    throw new ReviewError('not_found', `The deal has no ${what}.`);
  }
  return row.key;
}
