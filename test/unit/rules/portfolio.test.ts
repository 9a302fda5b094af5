import { describe, expect, it } from 'vitest';
import { deriveFindings, deriveGaps } from '../../../src-main/analysis/rules';
import type { DealSettings, FactRecord, FindingDraft } from '../../../src-main/analysis/rules/types';
import { deal, fact } from './fixtures';

function run(facts: FactRecord[], settings: DealSettings = deal()): FindingDraft[] {
  return deriveFindings({ deal: settings, facts, gaps: deriveGaps({ deal: settings, facts }) });
}

const byRule = (findings: FindingDraft[], ruleId: string): FindingDraft[] => findings.filter((f) => f.ruleId === ruleId);

let row = 10;

/** An inventory row: category and users on a line of its own. */
function app(name: string, category: string): FactRecord[] {
  row += 1;
  return [fact('app_category', category, { subject: name, line: row }), fact('app_users', 100, { subject: name, line: row })];
}

describe('platforms doing one job', () => {
  it('recommends consolidating two EDR products stated side by side', () => {
    const facts = [fact('edr_product', 'SentinelOne', { line: 3 }), fact('edr_product', 'CrowdStrike Falcon', { line: 9 })];
    const [rec] = byRule(run(facts), 'apps.duplicate_platform');
    expect(rec).toMatchObject({ type: 'recommendation', lens: 'synergy_opportunity', domain: 'cybersecurity', severity: 'medium' });
    expect(rec?.title).toBe('EDR: 2 platforms in use (CrowdStrike Falcon, SentinelOne)');
  });

  it('treats one stack written on one line as one platform, and editions of one product as one', () => {
    const stack = [fact('siem_product', 'Datadog Security Monitoring', { line: 5 }), fact('siem_product', 'AWS Security Hub', { line: 5 })];
    expect(byRule(run(stack), 'apps.duplicate_platform')).toEqual([]);
    const editions = [fact('edr_product', 'SentinelOne', { line: 1 }), fact('edr_product', 'SentinelOne Singularity Complete', { line: 8 })];
    expect(byRule(run(editions), 'apps.duplicate_platform')).toEqual([]);
  });

  it('finds several business platforms of one kind in an inventory, but not in a list of approved products', () => {
    const inventory = [...app('Duck Creek Policy', 'Policy Administration'), ...app('Majesco Policy', 'Policy Administration'), ...app('Guidewire PolicyCenter', 'Policy Administration')];
    const [rec] = byRule(run(inventory), 'apps.duplicate_platform');
    expect(rec?.title).toMatch(/^Policy administration: 3 platforms in use/);
    expect(rec?.severity).toBe('medium');
    // Without users, cost or criticality the rows are a catalogue of approved products, not an estate.
    const catalogue = ['Slack', 'Mattermost'].map((name) => fact('app_category', 'Collaboration', { subject: name }));
    expect(byRule(run(catalogue), 'apps.duplicate_platform')).toEqual([]);
  });
});

describe('duplicates and parent dependencies (insurer room)', () => {
  it('counts inventory platforms the target shares with or gets hosted by the parent', () => {
    // Great Insurance, Doc 2: Salesforce and Dynamics 365 Sales are both "CRM/Agency Management" rows
    // with users and cost, flagged as carve-out dependencies; Netcracker is one of three Billing rows,
    // parent-hosted until Day-180. A flag on who hosts or shares a platform does not make two CRMs one.
    const shared = (name: string, category: string, dependency: string): FactRecord[] => [
      ...app(name, category),
      fact('app_parent_dependency', dependency, { subject: name, line: row }),
    ];
    const facts = [
      ...shared('Salesforce Sales Cloud', 'CRM/Agency Management', 'Y'),
      ...shared('Microsoft Dynamics 365 Sales', 'CRM/Agency Management', 'Y'),
      ...shared('ADP Workforce Now', 'HR/HCM', 'Y'),
      ...shared('Workday HCM', 'HR/HCM', 'Y'),
      ...app('CSG Ascendon', 'Billing'),
      ...app('Amdocs Revenue Management', 'Billing'),
      ...shared('Netcracker Revenue Management', 'Billing', 'Y - Day-180 (parent-hosted)'),
    ];
    const titles = byRule(run(facts, deal('carve_out')), 'apps.duplicate_platform').map((f) => f.title);
    expect(titles).toEqual(expect.arrayContaining([
      'Billing: 3 platforms in use (Amdocs Revenue Management, CSG Ascendon, Netcracker Revenue Management)',
      expect.stringMatching(/^CRM: 2 platforms in use/),
      expect.stringMatching(/^HR and payroll: 2 platforms in use/),
    ]));
  });

  it('leaves a platform named only as a service the parent provides to the separation findings', () => {
    // "Parent provides: Okta" is the parent's identity provider, not a second one the target runs.
    const facts = [fact('directory_service', 'Microsoft Entra ID', { line: 2 }), fact('sso_product', 'Okta', { line: 7 }), fact('parent_provided_service', 'Okta', { line: 7 })];
    expect(byRule(run(facts, deal('carve_out')), 'apps.duplicate_platform')).toEqual([]);
  });
});

describe('documents that disagree about a platform', () => {
  it('raises a disagreement, not a duplicate, when each document names a different product', () => {
    const facts = [fact('erp_platform', 'SAP ECC 6.0', { doc: 1 }), fact('erp_platform', 'SAP S/4HANA', { doc: 2 })];
    const findings = run(facts);
    expect(byRule(findings, 'apps.duplicate_platform')).toEqual([]);
    const [c] = byRule(findings, 'consistency.platform');
    expect(c?.title).toBe('Documents disagree: ERP platform');
    expect(c?.factKeys).toEqual(facts.map((f) => f.stableKey).sort());
  });

  it('raises one document saying none against another naming a product, and versions that differ', () => {
    const edr = run([fact('edr_product', 'none', { doc: 1 }), fact('edr_product', 'CrowdStrike Falcon', { doc: 2 })]);
    expect(byRule(edr, 'consistency.platform')[0]?.title).toBe('Documents disagree: EDR product');
    // The "no EDR" document does not make an absence finding while another names a product.
    expect(byRule(edr, 'sec.no_edr')).toEqual([]);
    const hv = run([fact('hypervisor', 'VMware vSphere 6.7', { doc: 1 }), fact('hypervisor', 'VMware vSphere 7.0 U3', { doc: 2 })]);
    expect(byRule(hv, 'consistency.platform')[0]?.description).toMatch(/6\.7.*7\.0 U3|7\.0 U3.*6\.7/);
    // A mention without a version agrees with any version.
    expect(byRule(run([fact('backup_product', 'Veeam Backup & Replication 11', { doc: 1 }), fact('backup_product', 'Veeam Backup & Replication', { doc: 2 })]), 'consistency.platform')).toEqual([]);
  });

  it('makes the gap contradictory too', () => {
    const facts = [fact('edr_product', 'none', { doc: 1 }), fact('edr_product', 'CrowdStrike Falcon', { doc: 2 })];
    expect(deriveGaps({ deal: deal(), facts }).find((g) => g.checklistItem === 'SEC-03')?.kind).toBe('contradictory');
  });

  it('raises stated costs that exceed the stated IT budget', () => {
    const facts = [fact('it_budget', 22_100_000), fact('it_personnel_cost', 19_632_626), fact('app_total_annual_cost', 7_183_701)];
    const [c] = byRule(run(facts), 'consistency.budget');
    expect(c?.description).toContain('= $26,816,327 against an IT budget of $22,100,000');
    expect(c?.description).toContain('personnel $19,632,626');
    expect(c?.description).not.toMatch(/\d{5,}/);
    expect(byRule(run([fact('it_budget', 30_000_000), fact('it_personnel_cost', 19_632_626), fact('app_total_annual_cost', 7_183_701)]), 'consistency.budget')).toEqual([]);
  });
});

describe('buyer against target', () => {
  it('merges the same platform and consolidates different ones, as synergies', () => {
    const facts = [
      fact('crm_platform', 'Salesforce Sales Cloud'),
      fact('erp_platform', 'Microsoft Dynamics AX 2012 R3'),
      fact('crm_platform', 'Salesforce Sales Cloud and Service Cloud', { entity: 'buyer' }),
      fact('erp_platform', 'SAP S/4HANA 2023', { entity: 'buyer' }),
    ];
    const overlaps = byRule(run(facts), 'buyer.overlap');
    expect(overlaps.map((f) => [f.title, f.type])).toEqual([
      ['CRM: both run Salesforce Sales Cloud (merge)', 'recommendation'],
      ['ERP: target Microsoft Dynamics AX 2012 R3, buyer SAP S/4HANA 2023 (consolidate)', 'strategic_consideration'],
    ]);
    expect(overlaps.every((f) => f.lens === 'synergy_opportunity' && f.factKeys.length === 2)).toBe(true);
    expect(byRule(run(facts.slice(0, 2)), 'buyer.overlap')).toEqual([]);
  });
});

describe('licence exposure', () => {
  it('raises a stated audit or unlicensed use, high with an amount', () => {
    const [risk] = byRule(run([fact('licence_exposure', 'SAP: License audit scheduled Q2 2026 - Estimated exposure: $2M - $8M')]), 'apps.licence_exposure');
    expect(risk).toMatchObject({ severity: 'high', lens: 'cost_driver', title: 'Software licence exposure (up to $2M stated)' });
  });
});
