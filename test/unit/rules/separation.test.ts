import { describe, expect, it } from 'vitest';
import { deriveFindings, deriveGaps } from '../../../src-main/analysis/rules';
import type { DealSettings, FactRecord, FindingDraft } from '../../../src-main/analysis/rules/types';
import { deal, fact } from './fixtures';

function run(facts: FactRecord[], settings: DealSettings = deal('carve_out')): FindingDraft[] {
  return deriveFindings({ deal: settings, facts, gaps: deriveGaps({ deal: settings, facts }) });
}

const byRule = (findings: FindingDraft[], ruleId: string): FindingDraft[] => findings.filter((f) => f.ruleId === ruleId);

function tsaLine(name: string, months: number, monthly?: number): FactRecord[] {
  return [
    fact('tsa_provider', 'Parent Group IT', { subject: name }),
    fact('tsa_duration_months', months, { subject: name }),
    ...(monthly === undefined ? [] : [fact('tsa_monthly_cost', monthly, { subject: name })]),
  ];
}

describe('separation work items', () => {
  it('makes identity and email a critical Day-1 item when the parent provides them and no TSA line covers them', () => {
    const identity = fact('parent_provided_service', 'Identity (Active Directory, Okta SSO)');
    const email = fact('parent_provided_service', 'Email and collaboration');
    const [item] = byRule(run([identity, email]), 'carveout.day1_identity_email');
    expect(item).toMatchObject({ type: 'work_item', severity: 'critical', phase: 'day_1', lens: 'day_1_continuity' });
    expect(item?.costBand).not.toBeNull();
    expect(item?.factKeys).toEqual([identity.stableKey, email.stableKey].sort());
    // A TSA line with a term for both takes it off the Day-1 list (its exit becomes the work).
    const covered = run([identity, email, ...tsaLine('Identity/Email shared services', 4)]);
    expect(byRule(covered, 'carveout.day1_identity_email')).toEqual([]);
    expect(byRule(covered, 'carveout.tsa_exit')[0]?.title).toBe('Exit the TSA for Identity/Email shared services within 4 months');
  });

  it('treats a data-residency line of the TSA plan as a constraint, not a service to count or exit', () => {
    // Great Insurance, Doc 7: "Data residency (H6) | PII must remain in region | ... | Compliance
    // sign-off + evidence pack | Day-120". The parent provides nothing there; the data must stay put.
    const residency = [...tsaLine('Data residency (H6)', 4), fact('data_residency', 'PII must remain in region', { line: 40 })];
    // "ITSM continuity" (ticketing and SLAs until the buyer's support model stands up) is a service
    // the parent keeps running under the TSA, so it stays a line with an exit.
    const findings = run([...residency, ...tsaLine('ITSM continuity', 3), ...tsaLine('Identity/Email shared services', 4)]);
    expect(byRule(findings, 'carveout.tsa_exit').map((f) => f.title).sort()).toEqual([
      'Exit the TSA for ITSM continuity within 3 months',
      'Exit the TSA for Identity/Email shared services within 4 months',
    ]);
    const [dependency] = byRule(findings, 'carveout.parent_dependency');
    expect(dependency?.title).toBe('2 IT services depend on the parent');
    expect(dependency?.description).not.toMatch(/residency/i);
    expect(byRule(findings, 'data.residency')).toHaveLength(1);
  });

  it('counts a TSA line for an application already listed as dependent once', () => {
    // Doc 7 "Parent-hosted Billing (H2) | Netcracker hosted by Parent" is the TSA of the Netcracker row.
    const netcracker = fact('app_parent_dependency', 'Y - Day-180', { subject: 'Netcracker Revenue Management', line: 59 });
    const billingLine = tsaLine('Parent-hosted Billing (H2)', 6).map((f) => ({ ...f, evidence: f.evidence.map((e) => ({ ...e, quote: 'Parent-hosted Billing (H2) | Netcracker hosted by Parent | Close / Day-1' })) }));
    const [dependency] = byRule(run([netcracker, ...billingLine, ...tsaLine('ITSM continuity', 3)]), 'carveout.parent_dependency');
    expect(dependency?.title).toBe('2 IT services depend on the parent');
    // Its exit is still a work item of its own.
    expect(byRule(run([netcracker, ...billingLine]), 'carveout.tsa_exit')).toHaveLength(1);
  });

  it('gives every TSA line an exit work item, phased by its term, high for core services', () => {
    const findings = run([...tsaLine('SAP Hosting & Support', 18, 180_000), ...tsaLine('Service Desk', 3, 40_000)]);
    const exits = byRule(findings, 'carveout.tsa_exit');
    expect(exits.map((f) => [f.title, f.severity, f.phase])).toEqual([
      ['Exit the TSA for SAP Hosting & Support within 18 months', 'high', 'post_100'],
      ['Exit the TSA for Service Desk within 3 months', 'medium', 'day_100'],
    ]);
    expect(exits[0]?.description).toContain('$180,000 a month ($3,240,000 over the term)');
    expect(exits.every((f) => f.lens === 'tsa_exposure' && f.costBand !== null)).toBe(true);
  });

  it('makes a shared ERP instance a critical separation item', () => {
    const erp = fact('parent_provided_service', 'ERP (shared SAP instance, company code 3100)');
    const [item] = byRule(run([erp]), 'carveout.erp_separation');
    expect(item).toMatchObject({ severity: 'critical', lens: 'separation_complexity', phase: 'post_100', costBand: 'over_1m' });
    expect(byRule(run([fact('parent_provided_service', 'ERP hosting')]), 'carveout.erp_separation')[0]?.severity).toBe('high');
  });

  it('flags an application hosted by the parent until a day as a TSA risk', () => {
    const app = fact('app_parent_dependency', 'parent-hosted / TSA-locked until Day-180', { subject: 'Netcracker Revenue Management' });
    const [risk] = byRule(run([app]), 'carveout.parent_hosted_app');
    expect(risk).toMatchObject({ type: 'risk', lens: 'tsa_exposure', title: 'Netcracker Revenue Management is hosted by the parent until Day-180' });
  });

  it('turns parent-run security into a standalone-security work item instead of absence findings', () => {
    const facts = [
      fact('parent_provided_service', 'Security operations'),
      fact('soc_model', 'parent-provided'),
      fact('security_leader', 'none'),
      fact('security_team_size', 0),
      fact('siem_product', 'none'),
    ];
    const findings = run(facts);
    expect(byRule(findings, 'carveout.security_function')[0]).toMatchObject({ type: 'work_item', severity: 'high', phase: 'day_100' });
    for (const rule of ['sec.no_leader', 'sec.no_siem', 'sec.programme_not_evidenced']) expect(byRule(findings, rule), rule).toEqual([]);
    // The same facts in an acquisition are absences.
    expect(byRule(run(facts, deal('acquisition')), 'sec.no_leader')).toHaveLength(1);
  });

  it('asks for own certifications after separation when the parent holds them', () => {
    const certs = [fact('certification_status', 'covered by parent', { subject: 'SOC 2' }), fact('certification_status', 'covered by parent', { subject: 'PCI DSS' })];
    expect(byRule(run(certs), 'certification.parent_covered')[0]).toMatchObject({ title: 'Obtain own PCI DSS and SOC 2 after separation', phase: 'post_100' });
  });

  it('raises none of this in an acquisition', () => {
    const facts = [fact('parent_provided_service', 'Email and identity'), ...tsaLine('Service Desk', 3, 40_000)];
    const findings = run(facts, deal('acquisition'));
    expect(findings.filter((f) => f.ruleId.startsWith('carveout.') && f.ruleId !== 'carveout.parent_dependency' && f.ruleId !== 'carveout.tsa_plan')).toEqual([]);
  });
});

describe('TSA gaps per area', () => {
  const gap = (facts: FactRecord[], item: string) => deriveGaps({ deal: deal('carve_out'), facts }).find((g) => g.checklistItem === item);

  it('does not let one priced TSA line cover a neighbouring service', () => {
    const dc = fact('parent_provided_service', 'Data Center / Hosting');
    // "SAP Hosting & Support" is SAP's hosting, not the data centre at large.
    expect(gap([dc, ...tsaLine('SAP Hosting & Support', 18, 180_000)], 'INF-01')?.kind).toBe('provided_by_parent');
    expect(gap([dc, ...tsaLine('Data Center Hosting', 12, 60_000)], 'INF-01')?.kind).toBe('missing');
  });

  it('asks ORG-11 for exit criteria and service levels once term and price are known', () => {
    const lines = tsaLine('Network Connectivity', 12, 45_000);
    expect(gap(lines, 'ORG-11')).toMatchObject({ kind: 'sparse' });
    expect(gap(lines, 'ORG-11')?.request).toMatch(/exit criteria/i);
    const withExit = [...lines, fact('tsa_exit_plan', 'New carrier circuits live and tested', { subject: 'Network Connectivity' })];
    expect(gap(withExit, 'ORG-11')).toBeUndefined();
  });
});
