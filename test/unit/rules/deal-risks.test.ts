import { describe, expect, it } from 'vitest';
import { deriveFindings, deriveGaps } from '../../../src-main/analysis/rules';
import type { DealSettings, FactRecord, FindingDraft } from '../../../src-main/analysis/rules/types';
import { deal, fact } from './fixtures';

function run(facts: FactRecord[], settings: DealSettings = deal()): FindingDraft[] {
  return deriveFindings({ deal: settings, facts, gaps: deriveGaps({ deal: settings, facts }) });
}

const byRule = (findings: FindingDraft[], ruleId: string): FindingDraft[] => findings.filter((f) => f.ruleId === ruleId);

describe('commitments that bind the buyer', () => {
  it('raises change-of-control terms, high when a vendor may terminate or must consent', () => {
    const notice = byRule(run([fact('change_of_control', 'SAP: Assignment clause requires 90-day notice')]), 'contract.change_of_control');
    expect(notice[0]).toMatchObject({ severity: 'medium', lens: 'day_1_continuity' });
    const termination = byRule(run([fact('change_of_control', 'Contract includes "change of control" termination right for vendor')]), 'contract.change_of_control');
    expect(termination[0]?.severity).toBe('high');
    expect(byRule(run([fact('change_of_control', 'none identified')]), 'contract.change_of_control')).toEqual([]);
  });

  it('raises data that must stay where it is, and a site lease that cannot be ended', () => {
    const [residency] = byRule(run([fact('data_residency', 'PII must remain in AWS us-east-1 until Day-120')]), 'data.residency');
    expect(residency).toMatchObject({ lens: 'separation_complexity', severity: 'medium' });
    expect(byRule(run([fact('data_residency', 'EU and US')]), 'data.residency')).toEqual([]);
    const [lease] = byRule(run([fact('data_center_lease_terms', 'Non-cancellable 12 months', { subject: 'Dallas, TX' })]), 'site.lease_constraint');
    expect(lease).toMatchObject({ lens: 'cost_driver', title: 'Dallas, TX: lease cannot be ended early' });
  });
});

describe('people and deferred investment', () => {
  it('raises a vacant IT leader, high when knowledge also sits with a few people', () => {
    expect(byRule(run([fact('it_leader', 'CIO (vacant)')]), 'org.leadership_vacancy')[0]?.severity).toBe('medium');
    const both = run([fact('it_leader', 'CIO (vacant)'), fact('key_person_dependency', 'Bob knows everything')]);
    expect(byRule(both, 'org.leadership_vacancy')[0]).toMatchObject({ severity: 'high', title: 'IT leadership role vacant: CIO' });
  });

  it('raises flight risk, and prices deferred investment from the largest amount stated', () => {
    expect(byRule(run([fact('it_attrition', '45% of IT staff "actively looking" for new roles')]), 'org.attrition')[0]?.severity).toBe('high');
    const [work] = byRule(run([fact('deferred_investment', 'Server refresh | $1.2M | Critical'), fact('deferred_investment', 'TOTAL | $2.925M')]), 'org.deferred_investment');
    expect(work).toMatchObject({ type: 'work_item', phase: 'day_100', costBand: 'over_1m', severity: 'high' });
    expect(work?.title).toContain('$2,925,000');
  });
});

describe('recovery', () => {
  it('raises an actual recovery time beyond the target', () => {
    const [risk] = byRule(run([fact('rto_hours', 72), fact('rto_actual_hours', 168)]), 'dr.rto_unmet');
    expect(risk).toMatchObject({ severity: 'high', title: 'Recovery takes up to 7 days against a 3 days target' });
    expect(byRule(run([fact('rto_hours', 4), fact('rto_actual_hours', 1)]), 'dr.rto_unmet')).toEqual([]);
  });

  it('raises systems outside backup', () => {
    expect(byRule(run([fact('backup_scope_gap', '12 file servers are NOT included in Veeam backup scope')]), 'backup.scope_gap')[0]?.severity).toBe('high');
  });

  it('makes a flood-zone site critical only when it is the only site and there is no DR', () => {
    const flood = fact('data_center_risk', 'flood zone', { subject: 'HQ basement' });
    expect(byRule(run([flood, fact('dr_in_place', false)]), 'site.hazard')[0]?.severity).toBe('critical');
    expect(byRule(run([flood, fact('dr_in_place', true), fact('dr_site', 'Dallas colocation')]), 'site.hazard')[0]?.severity).toBe('high');
  });
});

describe('security function and incidents', () => {
  it('makes no security function critical when nothing detects attacks either', () => {
    expect(byRule(run([fact('security_team_size', 0)]), 'sec.no_leader')[0]?.severity).toBe('high');
    const blind = run([fact('security_team_size', 0), fact('edr_product', 'none')]);
    expect(byRule(blind, 'sec.no_leader')[0]?.severity).toBe('critical');
    expect(byRule(blind, 'sec.no_leader')[0]?.reasoning).toContain('detection tooling is also absent');
  });

  it('does not call security absent when another document names a CISO', () => {
    const facts = [fact('security_team_size', 0, { doc: 1 }), fact('security_leader', 'CISO', { doc: 2 }), fact('security_team_size', 5, { doc: 2 })];
    const findings = run(facts);
    expect(byRule(findings, 'sec.no_leader')).toEqual([]);
    expect(byRule(findings, 'consistency.figure').map((f) => f.title)).toContain('Documents disagree: Security staff (FTE)');
  });

  it('raises missing vulnerability management and email security', () => {
    const findings = run([fact('vulnerability_management', 'none'), fact('email_security', 'none')]);
    expect(byRule(findings, 'sec.no_vuln_mgmt')[0]?.severity).toBe('high');
    expect(byRule(findings, 'sec.no_email_security')[0]?.severity).toBe('medium');
  });

  it('makes an incident with ransom, exfiltration or non-disclosure high', () => {
    expect(byRule(run([fact('security_incident', 'Phishing attack - 3 accounts compromised')]), 'sec.incident')[0]?.severity).toBe('medium');
    expect(byRule(run([fact('security_incident', '2023: Ransomware encrypted 12 servers, paid $180K ransom')]), 'sec.incident')[0]?.severity).toBe('high');
    expect(byRule(run([fact('security_incident', 'none reported')]), 'sec.incident')).toEqual([]);
  });
});

describe('contracts', () => {
  it('makes a renewal window under 90 days a contract finding, one level up for critical applications', () => {
    const window = fact('app_renewal_window', '<90d', { subject: 'Workday HCM' });
    expect(byRule(run([window]), 'contract.expiry')[0]).toMatchObject({ severity: 'medium', title: 'Workday HCM: contract renews within 90 days' });
    const critical = run([window, fact('app_criticality', 'Critical', { subject: 'Workday HCM' })]);
    expect(byRule(critical, 'contract.expiry')[0]?.severity).toBe('high');
    expect(byRule(run([fact('app_renewal_window', '90–180d', { subject: 'Box' })]), 'contract.expiry')).toEqual([]);
  });

  it('makes a contract ending within three months one level more serious', () => {
    const soon = fact('data_center_contract_end', '2026-03', { subject: 'Chicago, IL' });
    const later = fact('data_center_contract_end', '2026-07', { subject: 'Dallas, TX' });
    const findings = byRule(run([soon, later]), 'contract.expiry');
    expect(findings.find((f) => f.title.startsWith('Chicago'))?.severity).toBe('high');
    expect(findings.find((f) => f.title.startsWith('Dallas'))?.severity).toBe('medium');
  });
});

describe('end of life beyond the dated knowledge', () => {
  it('leaves a running SaaS subscription to its vendor, but flags a listed version wherever it is hosted', () => {
    const saas = [fact('app_version', '9.2', { subject: 'Splunk Enterprise Security' }), fact('app_hosting', 'SaaS', { subject: 'Splunk Enterprise Security' }), fact('app_users', 1672, { subject: 'Splunk Enterprise Security' })];
    expect(byRule(run(saas), 'eol.past')).toEqual([]);
    const listed = [fact('app_version', '4.x', { subject: 'Elastic Kibana 4.x' }), fact('app_hosting', 'SaaS', { subject: 'Elastic Kibana 4.x' })];
    const [risk] = byRule(run(listed), 'eol.past');
    expect(risk?.description).toContain('no later than 2022-02-10');
    expect(risk?.reasoning).toContain('older than Kibana 6');
  });

  it('raises platforms the documents call end-of-life when the knowledge has no date for them', () => {
    const findings = run([
      fact('stated_end_of_support', 'Core Switch: Cisco Catalyst 6500 (2005, EOL)'),
      fact('stated_end_of_support', 'Cisco ASA 5505 at HQ (approaching EOL)'),
      // Dated knowledge covers this one: it is left to eol.past.
      fact('stated_end_of_support', 'Email: On-premises Exchange 2010 (end of life)'),
    ]);
    expect(byRule(findings, 'eol.stated')[0]).toMatchObject({ severity: 'high', title: '1 platform the documents call end-of-life or unsupported' });
    expect(byRule(findings, 'eol.stated_approaching')[0]?.severity).toBe('medium');
  });
});
