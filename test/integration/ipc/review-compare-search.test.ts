// Issue 6 through the contract: review decisions (and what they do to lists, the dashboard and
// later runs), run comparison and search, over the real router and a database holding the
// manufacturer's room before (run 1) and after (run 2) the target's follow-up memo.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, EventName, Output } from '../../../src-shared/contract';
import { createBackend, type Backend } from '../../../src-main/ipc/backend';
import { analyse } from '../../support/rooms';
import { sample } from '../../support/paths';
import { suiteDatabase } from '../../support/suite-db';

const TRUSTED = { senderUrl: 'app://renderer/index.html' };
const PAGE = { limit: 500, offset: 0 };
let backend: Backend;
let dealId: number;
let dispose: () => void;
const events: Array<{ name: EventName; payload: unknown }> = [];

beforeAll(async () => {
  const suite = suiteDatabase('dd-ipc-review-');
  dispose = suite.dispose;
  dealId = (await analyse(suite.database, sample('atlas-v1'), { name: 'Atlas', asOfDate: '2026-02-01' })).dealId;
  await analyse(suite.database, sample('atlas-v2'), { name: 'Atlas', asOfDate: '2026-02-01' });
  backend = createBackend({
    dbFile: suite.file,
    demoDir: null,
    spawnWorker: () => {
      throw new Error('No run starts here.');
    },
    platform: { shell: 'bridge', canPickFolder: false, pickFolder: async () => null },
    isTrustedSender: (url) => url === TRUSTED.senderUrl,
    app: { name: 'Diligence Desk', version: 'test' },
  });
  backend.subscribe((name, payload) => events.push({ name, payload }));
}, 120_000);

afterAll(async () => {
  await backend?.close();
  dispose?.();
});

async function call<C extends ChannelName>(channel: C, input: unknown): Promise<Output<C>> {
  const reply = await backend.router.dispatch({ channel, input }, TRUSTED);
  if (!reply.ok) throw Object.assign(new Error(`${channel}: ${reply.error.code} ${reply.error.message}`), { code: reply.error.code });
  return reply.data as Output<C>;
}

async function failure(channel: ChannelName, input: unknown): Promise<string> {
  const reply = await backend.router.dispatch({ channel, input }, TRUSTED);
  expect(reply.ok, `${channel} should fail`).toBe(false);
  return reply.ok ? '' : reply.error.code;
}

describe('finding reviews', () => {
  it('dismissing needs a reason; a dismissed finding leaves the list and the dashboard, "show dismissed" brings it back', async () => {
    const before = await call('findings.list', { dealId, page: PAGE });
    const dashBefore = await call('dashboard.get', { dealId });
    expect(before.rows.every((f) => f.reviewStatus === null && f.effectiveSeverity === f.severity)).toBe(true);
    const target = before.rows[0]!;

    expect(await failure('reviews.finding.set', { dealId, findingId: target.id, status: 'dismissed' })).toBe('validation');
    expect(await failure('reviews.finding.set', { dealId, findingId: target.id, status: 'dismissed', reason: '   ' })).toBe('validation');

    events.length = 0;
    const state = await call('reviews.finding.set', { dealId, findingId: target.id, status: 'dismissed', reason: 'Already remediated per management call' });
    expect(state).toMatchObject({ itemKind: 'finding', stableKey: target.stableKey, status: 'dismissed', reason: 'Already remediated per management call' });
    expect(state.updatedBy).toBeTruthy();
    expect(events).toContainEqual({ name: 'deals.changed', payload: { dealId } });

    const after = await call('findings.list', { dealId, page: PAGE });
    expect(after.total).toBe(before.total - 1);
    expect(after.rows.map((f) => f.id)).not.toContain(target.id);
    const dashAfter = await call('dashboard.get', { dealId });
    expect(dashAfter.totals.findings).toBe(dashBefore.totals.findings - 1);

    const all = await call('findings.list', { dealId, filter: { includeDismissed: true }, page: PAGE });
    expect(all.total).toBe(before.total);
    expect(all.rows.find((f) => f.id === target.id)?.reviewStatus).toBe('dismissed');

    const detail = await call('findings.get', { dealId, findingId: target.id });
    expect(detail.review).toMatchObject({ status: 'dismissed', reason: 'Already remediated per management call' });

    // Restoring it retires the reason; the audit keeps every step, newest first.
    await call('reviews.finding.set', { dealId, findingId: target.id, status: 'none' });
    expect((await call('findings.list', { dealId, page: PAGE })).total).toBe(before.total);
    const audit = await call('reviews.audit', { dealId, item: { kind: 'finding', id: target.id }, page: { limit: 50, offset: 0 } });
    // Newest change first; the fields of one change share its time.
    const steps = audit.rows.map((r) => `${r.field}: ${r.before} → ${r.after}`);
    expect(steps.slice(0, 2).sort()).toEqual(['reason: Already remediated per management call → null', 'status: dismissed → null']);
    expect(steps.slice(2).sort()).toEqual(['reason: null → Already remediated per management call', 'status: null → dismissed']);
    expect(audit.rows.every((r) => r.actor && r.at && r.stableKey === target.stableKey)).toBe(true);
  });

  it('a severity override is the severity lists show, filter and count by', async () => {
    const list = await call('findings.list', { dealId, page: PAGE });
    const target = list.rows.find((f) => f.severity !== 'low')!;
    const lowBefore = (await call('findings.list', { dealId, filter: { severity: 'low' }, page: PAGE })).total;
    await call('reviews.finding.set', { dealId, findingId: target.id, severityOverride: 'low', note: 'Compensating control in place' });
    const row = (await call('findings.list', { dealId, filter: { severity: 'low' }, page: PAGE })).rows.find((f) => f.id === target.id);
    expect(row).toMatchObject({ severity: target.severity, effectiveSeverity: 'low', reviewStatus: null });
    expect((await call('findings.list', { dealId, filter: { severity: 'low' }, page: PAGE })).total).toBe(lowBefore + 1);
    const dash = await call('dashboard.get', { dealId });
    expect(dash.findingsBySeverity.find((s) => s.severity === 'low')?.count).toBe(lowBefore + 1);
    await call('reviews.finding.set', { dealId, findingId: target.id, severityOverride: 'none', note: '' });
    const detail = await call('findings.get', { dealId, findingId: target.id });
    expect(detail.review).toMatchObject({ severityOverride: null, note: null });
    expect(detail.finding.effectiveSeverity).toBe(target.severity);
  });
});

describe('fact reviews', () => {
  it('a decision made on run 1 shows on the same fact in run 2', async () => {
    const run1 = await call('facts.list', { dealId, runNumber: 1, page: PAGE });
    const fact = run1.rows[0]!;
    await call('reviews.fact.set', { dealId, factId: fact.id, status: 'confirmed', note: 'Matches the CMDB export' });
    const run2 = await call('facts.list', { dealId, runNumber: 2, page: PAGE });
    const same = run2.rows.find((f) => f.stableKey === fact.stableKey);
    expect(same).toBeDefined();
    expect(same!.id).not.toBe(fact.id);
    expect(same!.reviewStatus).toBe('confirmed');
    const detail = await call('facts.get', { dealId, factId: same!.id });
    expect(detail.review).toMatchObject({ status: 'confirmed', note: 'Matches the CMDB export' });
    const log = await call('reviews.audit', { dealId, item: { kind: 'fact', id: same!.id }, page: { limit: 10, offset: 0 } });
    expect(log.rows.map((r) => r.field).sort()).toEqual(['note', 'status']);
  });

  it('unknown items and other deals’ items are not found; a finding status is no fact status', async () => {
    expect(await failure('reviews.fact.set', { dealId, factId: 99_999_999, status: 'confirmed' })).toBe('not_found');
    expect(await failure('reviews.finding.set', { dealId: dealId + 1, findingId: 1, status: 'accepted' })).toBe('not_found');
    expect(await failure('reviews.fact.set', { dealId, factId: 1, status: 'dismissed' })).toBe('validation');
    expect(await failure('reviews.audit', { dealId, item: { kind: 'fact', id: 99_999_999 }, page: PAGE })).toBe('not_found');
  });
});

describe('runs.compare', () => {
  it('shows the memo as the new document and the findings it changed, field by field', async () => {
    const diff = await call('runs.compare', { dealId, runA: 1, runB: 2 });
    expect(diff.runA.runNumber).toBe(1);
    expect(diff.runB.runNumber).toBe(2);
    expect(diff.documents.rows).toEqual([expect.objectContaining({ path: 'it_discovery_followup.txt', change: 'new' })]);
    expect(diff.facts.new.total).toBeGreaterThan(10);
    expect(diff.findings.new.total).toBeGreaterThan(0);
    expect(diff.findings.changed.total).toBeGreaterThan(0);
    for (const change of diff.findings.changed.rows) {
      expect(change.before.stableKey).toBe(change.after.stableKey);
      expect(change.fields.length).toBeGreaterThan(0);
      for (const f of change.fields) expect(f.label).not.toBe('');
    }
    expect(diff.facts.resolved.total).toBe(0);
  });

  it('bounds every section by the limit and keeps the full counts', async () => {
    const diff = await call('runs.compare', { dealId, runA: 1, runB: 2, limit: 2 });
    expect(diff.facts.new.rows).toHaveLength(2);
    expect(diff.facts.new.total).toBeGreaterThan(2);
    expect(diff.findings.new.rows.length).toBeLessThanOrEqual(2);
    expect(await failure('runs.compare', { dealId, runA: 1, runB: 9 })).toBe('not_found');
  });
});

describe('search', () => {
  it('finds document text and facts with the matched words marked, and opens the document there', async () => {
    const result = await call('search.query', { dealId, text: 'vsph' });
    expect(result.scope.run?.runNumber).toBe(2);
    expect(result.words).toEqual(['vsph']);
    expect(result.documents.length).toBeGreaterThan(0);
    for (const hit of result.documents) {
      expect(hit.highlights.length).toBeGreaterThan(0);
      for (const [start, end] of hit.highlights) expect(hit.snippet.slice(start, end).toLowerCase()).toMatch(/^vsph/);
    }
    expect(result.facts.some((f) => /vsphere/i.test(f.value) || /vsphere/i.test(f.subjectName ?? ''))).toBe(true);

    const hit = result.documents[0]!;
    const text = await call('documents.text', { dealId, documentId: hit.documentId, near: { line: hit.location.line, page: hit.location.page }, page: { limit: 40, offset: 0 } });
    expect(text.document.path).toBe(hit.path);
    expect(text.focusSeq).not.toBeNull();
    const focus = text.chunks.find((c) => c.seq === text.focusSeq);
    expect(focus?.text).toMatch(/vsphere/i);

    expect((await call('search.query', { dealId, text: ' "*" ' })).documents).toEqual([]);
    expect(await failure('documents.text', { dealId: dealId + 1, documentId: hit.documentId, page: PAGE })).toBe('not_found');
  });
});



