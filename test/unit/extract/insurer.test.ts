import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalSubjectName } from '../../../src-main/analysis/knowledge/aliases';
import type { ExtractedFact } from '../../../src-main/analysis/extract/types';
import { factsOf, values } from './load';

// The product's acceptance test: the insurer's application inventory (Markdown, with citation
// markers in the cells) becomes 33 application subjects, and both the stated rollup and the
// engine's own sum of the rows are recorded, so their $3 difference can surface as a finding.

const DOC = ['great-insurance', 'Great_Insurance_Document_2_Application_Inventory.md'] as const;
const REQUIRED = ['app_vendor', 'app_version', 'app_hosting', 'app_users', 'app_annual_cost'];

describe('insurer application inventory', () => {
  let facts: ExtractedFact[];
  beforeAll(async () => {
    facts = await factsOf(...DOC);
  });

  it('yields 33 applications, each with vendor, version, hosting, users and annual cost', () => {
    const apps = new Map<string, Set<string>>();
    for (const f of facts) {
      if (f.subject?.kind !== 'application') continue;
      const attrs = apps.get(f.subject.name) ?? new Set<string>();
      attrs.add(f.attribute);
      apps.set(f.subject.name, attrs);
    }
    expect(apps.size).toBe(33);
    for (const [name, attrs] of apps) {
      for (const a of REQUIRED) expect(attrs.has(a), `${name} lacks ${a}`).toBe(true);
    }
  });

  it('records the computed sum of the rows and the stated rollup side by side', () => {
    const computed = facts.filter((f) => f.attribute === 'app_total_annual_cost_computed');
    expect(computed).toHaveLength(1);
    expect(computed[0]?.value).toEqual({ type: 'money', number: 7_183_698, currency: 'USD' });
    expect(computed[0]?.derivation).toBe('computed');
    // Evidence of a computed figure is the table it was computed from: its header row.
    expect(computed[0]?.evidence.quote.startsWith('Application | Vendor | Category | Version')).toBe(true);
    expect(computed[0]?.evidence.location.line).toBe(48);

    const stated = facts.filter((f) => f.attribute === 'app_total_annual_cost');
    expect(stated.map((f) => f.value)).toEqual([{ type: 'money', number: 7_183_701, currency: 'USD' }]);
    expect(stated[0]?.derivation).toBe('stated');

    expect(values(facts, 'application_count')).toEqual(['33']);
    expect(values(facts, 'application_count_computed')).toEqual(['33']);
  });

  it('reads cells as clean, typed values', () => {
    const duck = facts.filter((f) => f.subject?.name === 'Duck Creek Policy');
    const byAttr = Object.fromEntries(duck.map((f) => [f.attribute, f.value]));
    expect(byAttr['app_users']).toEqual({ type: 'number', number: 1407 });
    expect(byAttr['app_annual_cost']).toEqual({ type: 'money', number: 546_257, currency: 'USD' });
    expect(byAttr['app_criticality']).toEqual({ type: 'text', text: 'CRITICAL' });
    expect(byAttr['app_hosting']).toEqual({ type: 'text', text: 'On Prem' });
    const row = duck[0];
    expect(row?.confidence).toBe(0.9);
    expect(row?.evidence.quote).toBe('Duck Creek Policy | Duck Creek | Policy Administration | 12 | On Prem | 1,407 | $546,257 | CRITICAL | N | N | >180d');
    expect(row?.evidence.location.line).toBe(50);
  });

  it('resolves aliased names and reads the injected hook columns', () => {
    // Subjects keep the name the document writes; it resolves to the canonical subject (and its key).
    const names = new Set(facts.flatMap((f) => (f.subject ? [canonicalSubjectName(f.subject.kind, f.subject.name)] : [])));
    expect(names.has('Salesforce')).toBe(true);
    expect(names.has('Microsoft Entra ID')).toBe(true);
    expect(facts.some((f) => f.subject?.name === 'Salesforce Sales Cloud')).toBe(true);
    expect(values(facts, 'app_parent_dependency', 'Netcracker Revenue Management')).toEqual(['parent-hosted / TSA-locked until Day-180']);
    expect(values(facts, 'app_renewal_window', 'ServiceNow')).toEqual(['<90d']);
  });

  it('reads the same inventory from the XLSX export', async () => {
    const xlsx = await factsOf('office-formats', 'Great_Insurance_Application_Inventory.xlsx');
    expect(values(xlsx, 'app_total_annual_cost_computed')).toEqual(['7183698']);
    expect(new Set(xlsx.filter((f) => f.subject?.kind === 'application').map((f) => f.subject?.name)).size).toBe(33);
  });
});
