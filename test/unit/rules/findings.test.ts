import { describe, expect, it } from 'vitest';
import { deriveFindings, deriveGaps } from '../../../src-main/analysis/rules';
import type { DealSettings, FactRecord, FindingDraft } from '../../../src-main/analysis/rules/types';
import { cleanCompany, deal, fact } from './fixtures';

function run(facts: FactRecord[], settings: DealSettings = deal()): FindingDraft[] {
  const gaps = deriveGaps({ deal: settings, facts });
  return deriveFindings({ deal: settings, facts, gaps });
}

function byRule(findings: FindingDraft[], ruleId: string): FindingDraft[] {
  return findings.filter((f) => f.ruleId === ruleId);
}

describe('end-of-life findings', () => {
  it('flags a vSphere 6.7 hypervisor as past end of life, citing the fact, with a costed work item', () => {
    const hv = fact('hypervisor', 'VMware vSphere 6.7');
    const findings = run([hv]);
    const [risk] = byRule(findings, 'eol.past');
    expect(risk).toMatchObject({ type: 'risk', domain: 'infrastructure' });
    expect(risk?.factKeys).toEqual([hv.stableKey]);
    // Hypervisors are core platforms: everything runs on them.
    expect(risk?.severity).toBe('critical');
    expect(risk?.reasoning).toContain('2022-10-15');
    expect(risk?.reasoning).toContain('2026-02-01');
    const [work] = byRule(findings, 'eol.upgrade');
    expect(work).toMatchObject({ type: 'work_item', phase: 'day_1' });
    expect(work?.costBand).not.toBeNull();
  });

  it('groups servers on the same unsupported OS into one finding citing each', () => {
    const servers = ['S1', 'S2', 'S3'].map((name) => fact('server_os', 'Windows Server 2012 R2', { subject: name }));
    const [risk] = byRule(run(servers), 'eol.past');
    expect(risk?.factKeys).toEqual(servers.map((s) => s.stableKey).sort());
    expect(risk?.title).toContain('2012 R2');
    expect(risk?.severity).toBe('high');
  });

  it('escalates an unsupported critical application and ignores supported versions', () => {
    const facts = [
      fact('app_version', '2010', { subject: 'Exchange' }),
      fact('app_criticality', 'Business critical', { subject: 'Exchange' }),
      fact('hypervisor', 'VMware vSphere 8'),
    ];
    const risks = byRule(run(facts), 'eol.past');
    expect(risks).toHaveLength(1);
    expect(risks[0]?.severity).toBe('critical');
    expect(risks[0]?.factKeys).toHaveLength(2);
  });
});

describe('security and access findings', () => {
  it('flags MFA coverage of 85%', () => {
    const mfa = fact('mfa_coverage', 85);
    const [risk] = byRule(run([mfa]), 'iam.mfa');
    expect(risk).toMatchObject({ severity: 'high', domain: 'identity_access' });
    expect(risk?.factKeys).toEqual([mfa.stableKey]);
    expect(risk?.reasoning).toMatch(/100%/);
  });

  it('flags stated absences and rests a silent programme on its gaps', () => {
    const findings = run([fact('security_leader', 'None'), fact('last_pen_test', 'Never'), fact('network_segmentation', 'Flat network, no VLANs')]);
    expect(byRule(findings, 'sec.no_leader')[0]?.severity).toBe('high');
    expect(byRule(findings, 'sec.pen_test')[0]?.severity).toBe('high');
    expect(byRule(findings, 'net.flat')[0]?.severity).toBe('high');
    const programme = byRule(findings, 'sec.programme_not_evidenced')[0];
    expect(programme?.gapItems).toEqual(expect.arrayContaining(['SEC-03', 'SEC-06', 'SEC-08']));
    expect(programme?.factKeys).toEqual([]);
  });

  it('flags RDP exposed to the internet but not RDP behind a VPN', () => {
    expect(byRule(run([fact('remote_access', 'RDP open to the internet on port 3389')]), 'net.rdp_exposed')).toHaveLength(1);
    expect(byRule(run([fact('remote_access', 'RDP only via VPN, not exposed to the internet')]), 'net.rdp_exposed')).toHaveLength(0);
  });
});

describe('resilience findings', () => {
  it('flags no DR, never-tested DR and backups without an offsite copy', () => {
    const findings = run([fact('dr_in_place', false), fact('last_dr_test', 'never'), fact('backup_offsite_or_immutable', false)]);
    expect(byRule(findings, 'dr.absent')[0]?.severity).toBe('critical');
    expect(byRule(findings, 'dr.build')[0]?.type).toBe('work_item');
    expect(byRule(findings, 'backup.no_offsite')).toHaveLength(1);
    expect(byRule(findings, 'dr.untested')).toHaveLength(0);
  });

  it('reads a hazard starting with "no" as a hazard, and "none" as no hazard', () => {
    const site = { subject: 'Plant server room' };
    expect(byRule(run([fact('data_center_risk', 'no fire suppression', site)]), 'site.hazard')[0]?.severity).toBe('medium');
    expect(byRule(run([fact('data_center_risk', 'None', site)]), 'site.hazard')).toHaveLength(0);
  });

  it('flags a flood-zone data centre', () => {
    const risk = fact('data_center_risk', 'Located in a 100-year flood zone', { subject: 'HQ server room' });
    const [finding] = byRule(run([risk]), 'site.hazard');
    expect(finding).toMatchObject({ severity: 'high', subjectKeys: [risk.subjectKey] });
  });
});

describe('organisation, contracts and carve-out findings', () => {
  it('flags contracts ending within six months of the as-of date, not later ones', () => {
    const soon = fact('app_contract_end', '2026-05-31', { subject: 'CRM' });
    const later = fact('app_contract_end', '2027-12-31', { subject: 'ERP' });
    const risks = byRule(run([soon, later]), 'contract.expiry');
    expect(risks).toHaveLength(1);
    expect(risks[0]?.factKeys).toEqual([soon.stableKey]);
  });

  it('flags key-person dependency and IT spend below 1.5% of revenue', () => {
    const findings = run([
      fact('key_person_dependency', 'Only Dave knows the AS/400; retiring next year'),
      fact('revenue', 100_000_000),
      fact('it_budget', 900_000),
    ]);
    expect(byRule(findings, 'org.key_person')[0]?.severity).toBe('critical');
    expect(byRule(findings, 'org.it_spend_ratio')[0]).toMatchObject({ type: 'risk', lens: 'cost_driver' });
  });

  it('treats "no IT/OT segmentation" as a flat network shared with OT', () => {
    expect(byRule(run([fact('network_segmentation', 'no IT/OT segmentation')]), 'net.flat')[0]?.severity).toBe('critical');
  });

  it('reads "No one else knows…" as a key-person dependency', () => {
    expect(byRule(run([fact('key_person_dependency', 'No one else knows the AS/400 code')]), 'org.key_person')).toHaveLength(1);
    expect(byRule(run([fact('key_person_dependency', 'None')]), 'org.key_person')).toHaveLength(0);
  });

  it('counts each TSA line once and does not call a carve-out team under-staffed', () => {
    const tsa = [
      fact('tsa_provider', 'Parent IT', { subject: 'Service Desk' }),
      fact('tsa_duration_months', 12, { subject: 'Service Desk' }),
      fact('tsa_monthly_cost', 40_000, { subject: 'Service Desk' }),
    ];
    const staffing = [fact('employee_count', 1800), fact('it_headcount', 8)];
    const carveOut = run([...tsa, ...staffing], deal('carve_out'));
    expect(byRule(carveOut, 'carveout.parent_dependency')[0]?.title).toBe('1 IT service depends on the parent');
    expect(byRule(carveOut, 'org.it_staffing_ratio')).toHaveLength(0);
    expect(byRule(run(staffing), 'org.it_staffing_ratio')[0]?.severity).toBe('medium');
  });

  it('turns parent-provided services into a TSA consideration and work item', () => {
    const parent = fact('parent_provided_service', 'Service desk provided by Parent Group IT');
    const findings = run([parent], deal('carve_out'));
    const strategic = byRule(findings, 'carveout.parent_dependency')[0];
    expect(strategic).toMatchObject({ type: 'strategic_consideration', lens: 'tsa_exposure', severity: 'high' });
    expect(strategic?.factKeys).toEqual([parent.stableKey]);
    expect(byRule(findings, 'carveout.tsa_plan')[0]).toMatchObject({ type: 'work_item', lens: 'tsa_exposure', phase: 'day_1' });
  });

  it('flags a stated total that differs from the sum of rows, and figures documents disagree on', () => {
    const stated = fact('app_total_annual_cost', 1_250_000);
    const computed = fact('app_total_annual_cost_computed', 1_248_500, { derivation: 'computed' });
    const a = fact('employee_count', 400, { doc: 1 });
    const b = fact('employee_count', 450, { doc: 2 });
    const findings = run([stated, computed, a, b]);
    expect(byRule(findings, 'consistency.total')[0]).toMatchObject({ severity: 'low', factKeys: [stated.stableKey, computed.stableKey].sort() });
    expect(byRule(findings, 'consistency.figure')[0]).toMatchObject({ severity: 'medium', factKeys: [a.stableKey, b.stableKey].sort() });
  });
});

describe('deriveFindings', () => {
  it('raises no security or DR finding for a clean company', () => {
    const findings = run(cleanCompany());
    const noisy = findings.filter((f) => ['cybersecurity', 'identity_access'].includes(f.domain) || /^(dr|backup|site|net)\./.test(f.ruleId));
    expect(noisy).toEqual([]);
    expect(findings.length).toBeLessThanOrEqual(2);
  });

  it('cites a fact or gap in every finding, with unique keys, sorted and deterministic', () => {
    const facts = [
      ...cleanCompany(),
      fact('hypervisor', 'VMware vSphere 6.7'),
      fact('mfa_coverage', 60),
      fact('security_leader', 'Vacant'),
      fact('dr_in_place', false),
      fact('it_headcount', 20, { doc: 2 }),
      fact('parent_provided_service', 'Active Directory and Entra ID tenant'),
      fact('certification_expiry', '2026-03-31', { subject: 'ISO 27001' }),
      fact('device_firmware', '6.2.10', { subject: 'FW-HQ' }),
      fact('device_vendor', 'Fortinet', { subject: 'FW-HQ' }),
    ];
    const settings = deal('carve_out');
    const findings = run(facts, settings);
    expect(findings.length).toBeGreaterThan(8);
    for (const f of findings) {
      expect(f.factKeys.length + f.gapItems.length).toBeGreaterThan(0);
      expect(f.reasoning).toContain(settings.asOfDate);
    }
    const identities = findings.map((f) => `${f.ruleId}|${f.subjectKeys.join(',')}`);
    expect(new Set(identities).size).toBe(identities.length);
    expect(byRule(findings, 'eol.past').map((f) => f.title)).toEqual(expect.arrayContaining([expect.stringContaining('FortiOS 6.2')]));

    const again = run([...facts].reverse(), settings);
    expect(again).toEqual(findings);
    const rank = { critical: 0, high: 1, medium: 2, low: 3 };
    const severities = findings.map((f) => rank[f.severity]);
    expect(severities).toEqual([...severities].sort((x, y) => x - y));
  });
});
