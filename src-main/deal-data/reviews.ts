import type { AuditEntry, AuditListInput, FactReviewInput, FindingReviewInput, ReviewItemKind, ReviewState } from '../../src-shared/contract';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { facts, findings } from '../db/schema';
import { reviewFact, reviewFinding } from '../services/review';
import type { ReadContext } from './context';
import { notFound } from './errors';
import { toReviewState } from './mappers';

/** The audit log of a deal, or of one item (named by its row id in any run), newest first. */
export function auditLog(ctx: ReadContext, db: Db, input: AuditListInput): { rows: AuditEntry[]; total: number } {
  if (!ctx.repos.deals.get(input.dealId)) throw notFound(`Deal ${input.dealId}`);
  const filter: { itemKind?: ReviewItemKind; stableKey?: string } = {};
  if (input.item) {
    filter.itemKind = input.item.kind;
    filter.stableKey = stableKeyOf(db, input.dealId, input.item.kind, input.item.id);
  }
  const page = ctx.repos.audit.list(input.dealId, filter, input.page);
  return {
    rows: page.rows.map((r) => ({ id: r.id, itemKind: r.itemKind, stableKey: r.stableKey, field: r.field, before: r.before, after: r.after, actor: r.actor, at: r.at })),
    total: page.total,
  };
}

/** Any row of the deal, dismissed findings included: the audit of a dismissed finding must stay readable. */
function stableKeyOf(db: Db, dealId: number, kind: ReviewItemKind, id: number): string {
  const table = kind === 'fact' ? facts : findings;
  const row = db.select({ key: table.stableKey }).from(table).where(and(eq(table.id, id), eq(table.dealId, dealId))).get();
  if (!row) throw notFound(`${kind === 'fact' ? 'Fact' : 'Finding'} ${id}`);
  return row.key;
}

/**
 * The write side of reviews (give it the writer connection): the contract's explicit 'none' and
 * empty texts become the service's "clear", and the new state comes back as the detail view shows it.
 */
export class ReviewCommands {
  constructor(
    private readonly db: Db,
    private readonly actor?: () => string,
  ) {}

  fact(input: FactReviewInput): ReviewState {
    const row = reviewFact(
      this.db,
      { dealId: input.dealId, fact: { id: input.factId }, status: clearable(input.status), note: input.note },
      ...this.who(),
    );
    return toReviewState('fact', row.stableKey, row);
  }

  finding(input: FindingReviewInput): ReviewState {
    const row = reviewFinding(
      this.db,
      {
        dealId: input.dealId,
        finding: { id: input.findingId },
        status: clearable(input.status),
        reason: input.reason,
        severityOverride: clearable(input.severityOverride),
        note: input.note,
      },
      ...this.who(),
    );
    return toReviewState('finding', row.stableKey, row);
  }

  private who(): [] | [string] {
    return this.actor ? [this.actor()] : [];
  }
}

/** 'none' clears; undefined leaves the field as it is. */
function clearable<T extends string>(value: T | 'none' | undefined): Exclude<T, 'none'> | null | undefined {
  if (value === undefined) return undefined;
  return value === 'none' ? null : (value as Exclude<T, 'none'>);
}
