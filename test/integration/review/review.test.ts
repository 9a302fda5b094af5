// Review (issue 6, item 1): decisions are stored per deal and stable key, so they carry over to
// later runs; dismissed findings leave default views through the base repository's soft delete
// and come back when restored; every change is in the audit log with who and when.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src-main/db/open';
import { createRepositories, type Repositories } from '../../../src-main/repositories';
import { ReviewError, reviewFact, reviewFinding, reviewLog, reviewStates } from '../../../src-main/services/review';
import { analyse } from '../../support/rooms';
import { sample } from '../../support/paths';
import { suiteDatabase } from '../../support/suite-db';
import { tempDatabase } from '../../support/temp';
import { writeRoom } from '../../support/rooms';
import { ReportQueries } from '../../../src-main/repositories/report';
import { readFileSync } from 'node:fs';

let database: AppDatabase;
let repos: Repositories;
let dealId: number;
let run1: number;
let run2: number;

beforeAll(async () => {
  const suite = suiteDatabase('dd-review-');
  database = suite.database;
  repos = createRepositories(database.db);
  const first = await analyse(database, sample('scenarios'), { name: 'Scenarios', asOfDate: '2026-02-01' });
  const second = await analyse(database, sample('scenarios'), { name: 'Scenarios', asOfDate: '2026-02-01' });
  dealId = first.dealId;
  run1 = first.runId;
  run2 = second.runId;
  return suite.dispose;
});

const findingsOf = (runId: number, includeDeleted = false) => repos.findings.list({ runId }, undefined, { limit: 500 }, { includeDeleted }).rows;

describe('review decisions', () => {
  it('a finding dismissed on run 1 is hidden on run 2 (same stable key), can be shown, and comes back when restored', () => {
    const target = findingsOf(run1)[0]!;
    const total = findingsOf(run2).length;
    const review = reviewFinding(database.db, { dealId, finding: { id: target.id }, status: 'dismissed', reason: 'Already remediated before signing' }, 'alice');
    expect(review).toMatchObject({ stableKey: target.stableKey, status: 'dismissed', reason: 'Already remediated before signing', updatedBy: 'alice' });

    const inRun2 = findingsOf(run2, true).find((f) => f.stableKey === target.stableKey)!;
    expect(inRun2.id).not.toBe(target.id);
    expect(reviewStates(database.db, dealId, 'finding', [inRun2.stableKey]).get(inRun2.stableKey)?.status).toBe('dismissed');
    expect(findingsOf(run2).map((f) => f.id)).not.toContain(inRun2.id);
    expect(findingsOf(run2)).toHaveLength(total - 1);
    expect(repos.findings.count({ runId: run2 })).toBe(total - 1);
    expect(findingsOf(run2, true)).toHaveLength(total);
    // The run's own record does not change with review state.
    expect(repos.runs.get(run2)!.findingCount).toBe(total);

    reviewFinding(database.db, { dealId, finding: { stableKey: target.stableKey }, status: null }, 'bob');
    expect(findingsOf(run2)).toHaveLength(total);
    expect(repos.reviews.get(dealId, 'finding', target.stableKey)).toMatchObject({ status: null, reason: null, updatedBy: 'bob' });
  });

  it('a fact confirmed on run 1 shows as confirmed on run 2, with its note', () => {
    const fact = repos.facts.list({ runId: run1 }).rows[0]!;
    reviewFact(database.db, { dealId, fact: { id: fact.id }, status: 'confirmed', note: '  Checked with the CIO  ' }, 'alice');
    const inRun2 = repos.facts.list({ runId: run2, attribute: fact.attribute }, undefined, { limit: 500 }).rows.find((f) => f.stableKey === fact.stableKey)!;
    expect(inRun2).toBeDefined();
    expect(reviewStates(database.db, dealId, 'fact', [inRun2.stableKey]).get(inRun2.stableKey)).toMatchObject({ status: 'confirmed', note: 'Checked with the CIO' });
  });

  it('a severity override orders, filters and counts findings by the reviewed severity', () => {
    const low = findingsOf(run2).filter((f) => f.severity === 'low' || f.severity === 'medium').at(-1)!;
    const before = repos.findings.countBySeverity(run2);
    reviewFinding(database.db, { dealId, finding: { id: low.id }, severityOverride: 'critical' }, 'carol');
    expect(findingsOf(run2)[0]!.stableKey).toBe(low.stableKey);
    expect(repos.findings.list({ runId: run2, severity: 'critical' }, undefined, { limit: 500 }).rows.map((f) => f.stableKey)).toContain(low.stableKey);
    expect(repos.findings.list({ runId: run2, severity: low.severity as 'low' }, undefined, { limit: 500 }).rows.map((f) => f.stableKey)).not.toContain(low.stableKey);
    // Exactly one finding moved: an override must not leak onto other findings of the deal.
    const moved = { ...before, critical: (before.critical ?? 0) + 1, [low.severity]: (before[low.severity as keyof typeof before] ?? 0) - 1 };
    expect(repos.findings.countBySeverity(run2)).toEqual(Object.fromEntries(Object.entries(moved).filter(([, n]) => n > 0)));
    reviewFinding(database.db, { dealId, finding: { id: low.id }, severityOverride: null }, 'carol');
    expect(repos.findings.countBySeverity(run2)).toEqual(before);
  });

  it('keeps an audit log of who changed which field from what to what', () => {
    const log = reviewLog(database.db, dealId, { itemKind: 'finding' }, { limit: 100 }).rows;
    const first = findingsOf(run1)[0]!;
    const ofFirst = log.filter((e) => e.stableKey === first.stableKey).reverse();
    expect(ofFirst.map((e) => [e.actor, e.field, e.before, e.after])).toEqual([
      ['alice', 'status', null, 'dismissed'],
      ['alice', 'reason', null, 'Already remediated before signing'],
      ['bob', 'status', 'dismissed', null],
      ['bob', 'reason', 'Already remediated before signing', null],
    ]);
    for (const entry of log) expect(Date.parse(entry.at)).not.toBeNaN();
  });

  it('refuses a dismissal without a reason, statuses of the other kind, and unknown items', () => {
    const finding = findingsOf(run2)[1]!;
    const fact = repos.facts.list({ runId: run2 }).rows[1]!;
    expect(() => reviewFinding(database.db, { dealId, finding: { id: finding.id }, status: 'dismissed' })).toThrow(/needs a reason/);
    expect(() => reviewFinding(database.db, { dealId, finding: { id: finding.id }, status: 'confirmed' as 'accepted' })).toThrow(ReviewError);
    expect(() => reviewFact(database.db, { dealId, fact: { id: fact.id }, status: 'dismissed' as 'confirmed' })).toThrow(/one of confirmed, incorrect, needs_info/);
    expect(() => reviewFact(database.db, { dealId, fact: { id: 987654 }, status: 'confirmed' })).toThrow(/no fact 987654/);
    expect(() => reviewFact(database.db, { dealId: dealId + 1, fact: { id: fact.id }, status: 'confirmed' })).toThrow(ReviewError);
    expect(repos.reviews.get(dealId, 'finding', finding.stableKey)).toBeUndefined();
  });
});

describe('a severity override in a deal whose only review is that override', () => {
  it('changes that finding alone, in counts, lists and the report', async () => {
    const { database: db, repos: fresh } = tempDatabase();
    const { runId, dealId: freshDeal } = await analyse(db, writeRoom({ 'legacy.txt': readFileSync(sample('scenarios', 'scenario_2_legacy_nightmare.txt')) }));
    const all = fresh.findings.list({ runId }, undefined, { limit: 500 }).rows;
    const before = fresh.findings.countBySeverity(runId);
    const target = all.find((f) => f.severity !== 'low')!;
    reviewFinding(db.db, { dealId: freshDeal, finding: { id: target.id }, severityOverride: 'low' }, 'dana');
    const after = fresh.findings.countBySeverity(runId);
    expect(after.low).toBe((before.low ?? 0) + 1);
    expect(Object.values(after).reduce((a, b) => a + b, 0)).toBe(all.length);
    expect(after[target.severity]).toBe((before[target.severity] ?? 0) - 1);
    const report = new ReportQueries(db.db).findings(runId);
    expect(report.filter((r) => r.severity !== r.finding.severity).map((r) => r.finding.stableKey)).toEqual([target.stableKey]);
  });
});

