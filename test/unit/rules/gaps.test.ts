import { describe, expect, it } from 'vitest';
import { CHECKLIST, deriveGaps } from '../../../src-main/analysis/rules';
import type { GapDraft } from '../../../src-main/analysis/rules/types';
import { cleanCompany, deal, fact } from './fixtures';

function gap(gaps: GapDraft[], id: string): GapDraft | undefined {
  return gaps.find((g) => g.checklistItem === id);
}

describe('checklist', () => {
  it('covers every item of CHECKLIST.md with unique ids and a request', () => {
    expect(CHECKLIST.length).toBe(70);
    expect(new Set(CHECKLIST.map((i) => i.id)).size).toBe(CHECKLIST.length);
    const prefix = { applications: 'APP', organization: 'ORG', infrastructure: 'INF', cybersecurity: 'SEC', identity_access: 'IAM', network: 'NET' };
    for (const item of CHECKLIST) {
      expect(item.id.startsWith(`${prefix[item.domain]}-`)).toBe(true);
      expect(item.request).toMatch(/^Please /);
    }
  });
});

describe('deriveGaps', () => {
  it('makes every checklist item a missing gap, with its request, when nothing is known', () => {
    const gaps = deriveGaps({ deal: deal('carve_out'), facts: [] });
    expect(gaps.map((g) => g.checklistItem)).toEqual(CHECKLIST.map((i) => i.id).sort());
    for (const g of gaps) {
      expect(g.kind).toBe('missing');
      expect(g.request.length).toBeGreaterThan(20);
      expect(g.reasoning).toContain(g.checklistItem);
      expect(g.relatedFactKeys).toEqual([]);
    }
  });

  it('raises parent and TSA items in a carve-out, and in an acquisition only when a parent provides services', () => {
    const acquisition = deriveGaps({ deal: deal('acquisition'), facts: [] });
    const carveOut = deriveGaps({ deal: deal('carve_out'), facts: [] });
    // A standalone company is not asked for TSA terms.
    expect(gap(acquisition, 'ORG-11')).toBeUndefined();
    expect(gap(acquisition, 'IAM-10')).toBeUndefined();
    const parent = fact('parent_provided_service', 'Email and identity from the group');
    expect(gap(deriveGaps({ deal: deal('acquisition'), facts: [parent] }), 'ORG-11')?.importance).toBe('low');
    expect(gap(carveOut, 'ORG-11')?.importance).toBe('critical');
    expect(gap(acquisition, 'APP-02')?.importance).toBe('high');
    expect(gap(carveOut, 'APP-02')?.importance).toBe('critical');
    expect(gap(carveOut, 'IAM-10')?.importance).toBe('critical');
    // Items no parent provides keep their importance.
    expect(gap(carveOut, 'APP-08')?.importance).toBe(gap(acquisition, 'APP-08')?.importance);
  });

  it('reports figures two documents disagree on as contradictory, citing both', () => {
    const a = fact('it_headcount', 47, { doc: 1 });
    const b = fact('it_headcount', 52, { doc: 2 });
    const g = gap(deriveGaps({ deal: deal(), facts: [a, b] }), 'ORG-02');
    expect(g?.kind).toBe('contradictory');
    expect(g?.relatedFactKeys).toEqual([a.stableKey, b.stableKey].sort());
    expect(g?.request).toContain('47');
    expect(g?.request).toContain('52');
  });

  it('does not call the same figure stated twice a contradiction', () => {
    const gaps = deriveGaps({ deal: deal(), facts: [fact('it_headcount', 47, { doc: 1 }), fact('it_headcount', 47, { doc: 2 }), fact('it_contractor_count', 3)] });
    expect(gap(gaps, 'ORG-02')).toBeUndefined();
  });

  it('marks an inventory without costs as sparse and asks for what is missing', () => {
    const facts = ['CRM', 'ERP'].flatMap((name) => [
      fact('app_vendor', 'Vendor', { subject: name }),
      fact('app_version', '1.0', { subject: name }),
      fact('app_hosting', 'SaaS', { subject: name }),
      fact('app_criticality', 'High', { subject: name }),
      fact('app_owner', 'Finance', { subject: name }),
    ]);
    const g = gap(deriveGaps({ deal: deal(), facts }), 'APP-01');
    expect(g?.kind).toBe('sparse');
    expect(g?.importance).toBe('medium');
    expect(g?.request).toMatch(/annual cost/i);
    expect(g?.relatedFactKeys.length).toBe(facts.length);
  });

  it('marks areas the parent provides in a carve-out, until a TSA line states term and price', () => {
    const parent = fact('parent_provided_service', 'ERP (SAP) hosting and application support');
    const erp = fact('erp_platform', 'SAP ECC 6.0');
    const crm = fact('crm_platform', 'Salesforce');
    const withoutTerms = deriveGaps({ deal: deal('carve_out'), facts: [parent, erp, crm] });
    expect(gap(withoutTerms, 'APP-02')).toMatchObject({ kind: 'provided_by_parent', importance: 'critical' });
    expect(gap(withoutTerms, 'APP-02')?.relatedFactKeys).toContain(parent.stableKey);

    const tsa = [
      fact('tsa_provider', 'Parent Group IT', { subject: 'SAP ERP hosting' }),
      fact('tsa_duration_months', 18, { subject: 'SAP ERP hosting' }),
      fact('tsa_monthly_cost', 40_000, { subject: 'SAP ERP hosting' }),
    ];
    const covered = deriveGaps({ deal: deal('carve_out'), facts: [parent, erp, crm, ...tsa] });
    expect(gap(covered, 'APP-02')).toBeUndefined();

    // An acquisition has no TSA to negotiate: the area is simply answered.
    expect(gap(deriveGaps({ deal: deal('acquisition'), facts: [parent, erp, crm] }), 'APP-02')).toBeUndefined();
    // ERP without CRM answers only half the item.
    expect(gap(deriveGaps({ deal: deal('acquisition'), facts: [erp] }), 'APP-02')?.kind).toBe('sparse');
  });

  it('answers the buyer-portfolio item from buyer facts only', () => {
    const targetApp = fact('app_vendor', 'SAP', { subject: 'ERP' });
    expect(gap(deriveGaps({ deal: deal(), facts: [targetApp] }), 'APP-12')?.kind).toBe('missing');
    const buyerApp = fact('app_vendor', 'Oracle', { subject: 'ERP', entity: 'buyer' });
    expect(gap(deriveGaps({ deal: deal(), facts: [targetApp, buyerApp] }), 'APP-12')).toBeUndefined();
  });

  it('closes the items a clean company answers and is deterministic', () => {
    const facts = cleanCompany();
    const gaps = deriveGaps({ deal: deal(), facts });
    for (const id of ['IAM-03', 'SEC-05', 'SEC-06', 'INF-07', 'INF-08']) expect(gap(gaps, id)).toBeUndefined();
    const reversed = deriveGaps({ deal: deal(), facts: [...facts].reverse() });
    expect(reversed).toEqual(gaps);
    expect(gaps.map((g) => g.checklistItem)).toEqual([...gaps.map((g) => g.checklistItem)].sort());
  });

  it('calls an item stale when its only dated evidence is old', () => {
    const gaps = (facts: ReturnType<typeof fact>[]) => deriveGaps({ deal: deal(), facts });
    const old = gap(gaps([fact('last_pen_test', '2023-03')]), 'SEC-05');
    expect(old).toMatchObject({ kind: 'stale', importance: 'high' });
    expect(old?.request).toContain('latest 2023-03-31');
    expect(gap(gaps([fact('last_pen_test', '2025-06')]), 'SEC-05')).toBeUndefined();
    // A hand-drawn network diagram from 2009 is documentation, but not current documentation.
    expect(gap(gaps([fact('architecture_docs', 'Network diagram: Hand-drawn, 2009, mostly accurate')]), 'NET-11')?.kind).toBe('stale');
    // Every certification expired: only old figures.
    expect(gap(gaps([fact('certification_expiry', '2025-06-30', { subject: 'ISO 27001' })]), 'SEC-09')?.kind).toBe('stale');
  });

  it('takes a cloud-only company at its word on data centres, hypervisors and hardware', () => {
    const gaps = deriveGaps({ deal: deal(), facts: [fact('hosting_model', 'cloud-only')] });
    for (const id of ['INF-01', 'INF-03', 'INF-05']) expect(gap(gaps, id), id).toBeUndefined();
  });

  it('answers the licence, service-account and deferred-investment items from what the documents disclose', () => {
    const gaps = deriveGaps({
      deal: deal(),
      facts: [fact('licence_exposure', 'SAP audit scheduled Q2 2025'), fact('service_accounts', '127 service accounts with non-expiring passwords'), fact('deferred_investment', 'Generator repair $180K unfunded')],
    });
    for (const id of ['APP-04', 'IAM-05', 'ORG-08']) expect(gap(gaps, id), id).toBeUndefined();
  });
});

