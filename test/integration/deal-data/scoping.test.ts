import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { DealData } from '../../../src-main/deal-data/deal-data';
import { DealDataError } from '../../../src-main/deal-data/errors';
import { onCleanup, tempDatabase } from '../../support/temp';
import { seeder, type Seeder } from './seed';

// DESIGN invariant 7 through the read facade: latest completed run by default, any run by
// explicit choice, the run in progress (or an empty state) when nothing completed, never a mix.

function setup() {
  const { database, file } = tempDatabase();
  const reader = openDatabase(file, { mode: 'read' });
  onCleanup(() => reader.close());
  return { seed: seeder(database.sqlite), data: new DealData(reader.db), writer: database };
}

const page = { limit: 50, offset: 0 };

/** A run with `apps` applications (vendor facts) and one risk finding and one gap. */
function fillRun(seed: Seeder, dealId: number, runId: number, apps: string[]): void {
  const doc = seed.document(dealId, runId, `inventory-${runId}.md`);
  for (const name of apps) {
    const subjectKey = seed.subject(dealId, runId, 'applications', 'application', name);
    const factId = seed.fact({ dealId, runId, domain: 'applications', attribute: 'app_vendor', value: `${name} Inc.`, subjectKey, subjectKind: 'application', subjectName: name });
    seed.evidence(factId, runId, doc, `| ${name} | ${name} Inc. |`, 3);
  }
  seed.gap({ dealId, runId, domain: 'cybersecurity', item: 'SEC-01', importance: 'high' });
  seed.finding({ dealId, runId, domain: 'applications', title: `Finding of run ${runId}`, severity: 'high' });
}

function expectError(fn: () => unknown, code: DealDataError['code']): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DealDataError);
    expect((error as DealDataError).code).toBe(code);
    return;
  }
  throw new Error(`expected a ${code} error`);
}

describe('DealData scoping', () => {
  it('shows an empty state for a deal with no run', () => {
    const { seed, data } = setup();
    const dealId = seed.deal('Empty');
    const dashboard = data.dashboard(dealId);
    expect(dashboard.scope).toMatchObject({ mode: 'none', run: null, activeRun: null, latestCompletedRunNumber: null });
    expect(dashboard.totals).toEqual({ facts: 0, gaps: 0, findings: 0, documents: 0 });
    expect(data.facts({ dealId, page })).toMatchObject({ rows: [], total: 0 });
    expect(data.inventory({ dealId, domain: 'applications', kind: 'application', page })).toMatchObject({ rows: [], total: 0 });
  });

  it('shows the run in progress, as results so far, when nothing has completed', () => {
    const { seed, data } = setup();
    const dealId = seed.deal('First run');
    const run = seed.run(dealId, 'running');
    fillRun(seed, dealId, run.id, ['Alpha', 'Beta']);
    const dashboard = data.dashboard(dealId);
    expect(dashboard.scope.mode).toBe('latest_unfinished');
    expect(dashboard.scope.run?.runNumber).toBe(1);
    expect(dashboard.scope.activeRun).toBeNull();
    expect(data.facts({ dealId, page }).total).toBe(2);
  });

  it('keeps showing the latest completed run while a newer run is in progress, then switches when it completes', () => {
    const { seed, data } = setup();
    const dealId = seed.deal('Two runs');
    const run1 = seed.run(dealId, 'completed');
    fillRun(seed, dealId, run1.id, ['Alpha', 'Beta', 'Gamma']);
    const run2 = seed.run(dealId, 'running');
    fillRun(seed, dealId, run2.id, ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']);

    const during = data.dashboard(dealId);
    expect(during.scope).toMatchObject({ mode: 'latest_completed', latestCompletedRunNumber: 1 });
    expect(during.scope.run?.runNumber).toBe(1);
    expect(during.scope.activeRun?.runNumber).toBe(2);
    expect(during.inventories).toEqual([{ domain: 'applications', kind: 'application', label: 'Applications', count: 3 }]);
    const facts = data.facts({ dealId, page });
    expect(facts.total).toBe(3);
    expect(facts.rows.every((f) => f.value !== 'Delta Inc.')).toBe(true);
    expect(data.findings({ dealId, page }).rows.map((f) => f.title)).toEqual([`Finding of run ${run1.id}`]);

    // Run 2 chosen explicitly while it runs.
    const explicit = data.inventory({ dealId, runNumber: 2, domain: 'applications', kind: 'application', page });
    expect(explicit.scope).toMatchObject({ mode: 'explicit' });
    expect(explicit.total).toBe(5);

    seed.finish(run2.id, 'completed');
    const after = data.dashboard(dealId);
    expect(after.scope).toMatchObject({ mode: 'latest_completed', latestCompletedRunNumber: 2, activeRun: null });
    expect(after.scope.run?.runNumber).toBe(2);
    expect(data.facts({ dealId, page }).total).toBe(5);

    // Run 1 still available by explicit choice.
    const back = data.facts({ dealId, runNumber: 1, page });
    expect(back.scope.mode).toBe('explicit');
    expect(back.total).toBe(3);
  });

  it('ignores failed, cancelled and interrupted runs by default', () => {
    const { seed, data } = setup();
    const dealId = seed.deal('Failures');
    const good = seed.run(dealId, 'completed', { finishedAt: '2026-01-01T00:00:00.000Z' });
    fillRun(seed, dealId, good.id, ['Alpha']);
    for (const status of ['failed', 'cancelled', 'interrupted'] as const) {
      const bad = seed.run(dealId, status);
      fillRun(seed, dealId, bad.id, ['Noise', 'More noise']);
    }
    expect(data.dashboard(dealId).scope.run?.runNumber).toBe(1);
    expect(data.facts({ dealId, page }).total).toBe(1);
    expect(data.facts({ dealId, runNumber: 3, page }).total).toBe(2);
  });

  it('reads what writers committed on the next call (no cache between calls)', () => {
    const { seed, data } = setup();
    const dealId = seed.deal('Live');
    const run = seed.run(dealId, 'running');
    expect(data.facts({ dealId, page }).total).toBe(0);
    fillRun(seed, dealId, run.id, ['Alpha']);
    expect(data.facts({ dealId, page }).total).toBe(1);
  });

  it('hides soft-deleted rows', () => {
    const { seed, data, writer } = setup();
    const dealId = seed.deal('Deleted');
    const run = seed.run(dealId, 'completed');
    fillRun(seed, dealId, run.id, ['Alpha', 'Beta']);
    writer.sqlite.prepare("UPDATE facts SET deleted_at = '2026-01-01' WHERE value_text = 'Beta Inc.'").run();
    writer.sqlite.prepare("UPDATE findings SET deleted_at = '2026-01-01'").run();
    expect(data.facts({ dealId, page }).total).toBe(1);
    expect(data.findings({ dealId, page }).total).toBe(0);
    expect(data.dashboard(dealId).totals.findings).toBe(0);
  });

  it('refuses unknown runs, archived deals and other deals’ rows', () => {
    const { seed, data, writer } = setup();
    const a = seed.deal('A');
    const b = seed.deal('B');
    const runA = seed.run(a, 'completed');
    fillRun(seed, a, runA.id, ['Alpha']);
    const factId = data.facts({ dealId: a, page }).rows[0]!.id;
    const findingId = data.findings({ dealId: a, page }).rows[0]!.id;
    const gapId = data.gaps({ dealId: a, page }).rows[0]!.id;
    expect(data.fact(a, factId).evidence[0]).toMatchObject({ documentPath: `inventory-${runA.id}.md`, locationText: 'line 3', quote: '| Alpha | Alpha Inc. |' });
    expectError(() => data.fact(b, factId), 'not_found');
    expectError(() => data.finding(b, findingId), 'not_found');
    expectError(() => data.gap(b, gapId), 'not_found');
    expectError(() => data.dashboard(a, 9), 'not_found');
    expectError(() => data.dashboard(999), 'not_found');
    writer.sqlite.prepare("UPDATE deals SET deleted_at = '2026-01-01' WHERE id = ?").run(a);
    expectError(() => data.facts({ dealId: a, page }), 'not_found');
    expect(data.deals().map((d) => d.deal.name)).toEqual(['B']);
  });

  it('pivots an inventory: one row per subject, attributes as columns, disagreements flagged, sorted by a value', () => {
    const { seed, data } = setup();
    const dealId = seed.deal('Inventory');
    const { id: runId } = seed.run(dealId, 'completed');
    const rows: Array<[string, number, string[]]> = [
      ['Zeta CRM', 50, ['Zeta']],
      ['Alpha ERP', 900, []],
      ['Mid HR', 300, []],
    ];
    for (const [name, users, aliases] of rows) {
      const subjectKey = seed.subject(dealId, runId, 'applications', 'application', name, aliases);
      seed.fact({ dealId, runId, domain: 'applications', attribute: 'app_users', value: String(users), number: users, subjectKey, subjectKind: 'application', subjectName: name });
      seed.fact({ dealId, runId, domain: 'applications', attribute: 'app_hosting', value: 'SaaS', subjectKey, subjectKind: 'application', subjectName: name });
    }
    const zeta = 'sub_application_zeta crm';
    seed.fact({ dealId, runId, domain: 'applications', attribute: 'app_hosting', value: 'On-prem', subjectKey: zeta, subjectKind: 'application', subjectName: 'Zeta CRM' });

    const byName = data.inventory({ dealId, domain: 'applications', kind: 'application', page });
    expect(byName.label).toBe('Applications');
    expect(byName.columns.map((c) => c.attribute)).toEqual(['app_hosting', 'app_users']);
    expect(byName.columns.find((c) => c.attribute === 'app_users')).toMatchObject({ label: 'Users', numeric: true });
    expect(byName.rows.map((r) => r.name)).toEqual(['Alpha ERP', 'Mid HR', 'Zeta CRM']);
    const zetaRow = byName.rows[2]!;
    expect(zetaRow.aliases).toEqual(['Zeta']);
    expect(zetaRow.cells.app_hosting).toMatchObject({ text: 'On-prem / SaaS', conflict: true });
    expect(zetaRow.cells.app_hosting!.factIds).toHaveLength(2);

    const byUsers = data.inventory({ dealId, domain: 'applications', kind: 'application', sort: { by: 'app_users', dir: 'desc' }, page });
    expect(byUsers.rows.map((r) => r.name)).toEqual(['Alpha ERP', 'Mid HR', 'Zeta CRM']);
    const asc = data.inventory({ dealId, domain: 'applications', kind: 'application', sort: { by: 'app_users', dir: 'asc' }, page });
    expect(asc.rows.map((r) => r.name)).toEqual(['Zeta CRM', 'Mid HR', 'Alpha ERP']);
    const search = data.inventory({ dealId, domain: 'applications', kind: 'application', search: 'zeta', page: { limit: 1, offset: 0 } });
    expect(search.total).toBe(1);
    const unknownSort = data.inventory({ dealId, domain: 'applications', kind: 'application', sort: { by: 'no_such_attribute', dir: 'asc' }, page });
    expect(unknownSort.rows.map((r) => r.name)).toEqual(['Alpha ERP', 'Mid HR', 'Zeta CRM']);
  });

  it('builds the dashboard aggregates from the shown run only', () => {
    const { seed, data } = setup();
    const dealId = seed.deal('Dash');
    const { id: runId } = seed.run(dealId, 'completed');
    fillRun(seed, dealId, runId, ['Alpha', 'Beta']);
    seed.finding({ dealId, runId, domain: 'network', title: 'Flat network', severity: 'critical' });
    seed.document(dealId, runId, 'broken.pdf', 'failed');
    const other = seed.run(dealId, 'running');
    fillRun(seed, dealId, other.id, ['Noise']);
    const d = data.dashboard(dealId);
    expect(d.totals).toEqual({ facts: 2, gaps: 1, findings: 2, documents: 2 });
    expect(d.findingsBySeverity).toEqual([
      { severity: 'critical', count: 1 },
      { severity: 'high', count: 1 },
      { severity: 'medium', count: 0 },
      { severity: 'low', count: 0 },
    ]);
    expect(d.topRisks.map((f) => f.title)).toEqual(['Flat network', `Finding of run ${runId}`]);
    expect(d.coverage).toMatchObject({ parsed: 1, failed: 1, pending: 0 });
    expect(d.factsByDomain.find((f) => f.domain === 'applications')?.count).toBe(2);
  });
});
