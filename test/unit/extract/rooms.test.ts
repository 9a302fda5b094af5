import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src-main/analysis/extract';
import { isAttributeName } from '../../../src-main/analysis/extract/vocabulary';
import { ATTRIBUTES } from '../../../src-main/analysis/extract/vocabulary';
import { sample } from '../../support/paths';
import { factsOf, numbers, parseSample, values } from './load';

describe('Atlas data room', () => {
  it('reads the discovery memo: headcount, budget, hypervisor, data centre', async () => {
    const facts = await factsOf('atlas-v1', 'it_discovery.txt');
    expect(numbers(facts, 'it_headcount')).toContain(47);
    expect(numbers(facts, 'it_budget')).toContain(8_200_000);
    expect(values(facts, 'hypervisor').some((v) => v.includes('7.0'))).toBe(true);
    const dc = facts.filter((f) => f.subject?.kind === 'data_center');
    expect(dc.some((f) => f.subject?.name.includes('Columbus'))).toBe(true);
    expect(values(facts, 'data_center_type', 'Columbus, OH')).toContain('owned');
    expect(values(facts, 'last_dr_test')).toContain('never');
    expect(values(facts, 'erp_platform')).toContain('SAP S/4HANA');
    // "migrated from SAP ECC" is history, not today's estate.
    expect(values(facts, 'erp_platform')).not.toContain('SAP ECC');
    expect(values(facts, 'security_leader')).toContain('CISO');
    expect(values(facts, 'soc_model')).toContain('outsourced (Secureworks)');
    expect(values(facts, 'remote_access_mfa')).toContain('false');
  });

  it('states the exact evidence for a keyed line', async () => {
    const facts = await factsOf('atlas-v1', 'it_discovery.txt');
    const budget = facts.find((f) => f.attribute === 'it_budget');
    expect(budget?.evidence.quote).toBe('IT Budget (Annual): Approximately $8.2M');
    expect(budget?.evidence.location.line).toBe(17);
    expect(budget?.confidence).toBe(0.8);
    expect(budget?.domain).toBe('organization');
  });

  it('finds the vSphere 6.7 mention an end-of-life rule needs', async () => {
    const facts = await factsOf('atlas-v1', 'sample_it_infrastructure.txt');
    const with67 = facts.filter((f) => (f.attribute === 'hypervisor' || f.attribute === 'operating_system') && f.value.type === 'text' && f.value.text.includes('6.7'));
    expect(with67.length).toBeGreaterThan(0);
    expect(values(facts, 'operating_system')).toContain('Windows Server 2012 R2');
    expect(values(facts, 'network_segmentation')).toContain('flat network');
    expect(values(facts, 'security_leader')).toContain('none');
    expect(values(facts, 'data_center_contract_end', 'Chicago, IL')).toEqual(['2026-03']);
    expect(values(facts, 'cloud_monthly_spend', 'AWS')).toEqual(['45000']);
  });

  it('reads the v2 follow-up memo corrections', async () => {
    const facts = await factsOf('atlas-v2', 'it_discovery_followup.txt');
    // "Estimated actual RTO: 5-7 business days" is what recovery really takes, not the target.
    expect(numbers(facts, 'rto_actual_hours')).toContain(168);
    expect(numbers(facts, 'rto_hours')).not.toContain(168);
    expect(values(facts, 'operating_system')).toEqual(expect.arrayContaining(['Windows Server 2008 R2', 'IBM i 7.3']));
    expect(values(facts, 'key_person_dependency').length).toBeGreaterThan(0);
  });
});

describe('scenario rooms', () => {
  it('legacy nightmare: Exchange 2010, AS/400, no DR, flood zone, no security leader', async () => {
    const facts = await factsOf('scenarios', 'scenario_2_legacy_nightmare.txt');
    expect(values(facts, 'email_platform')).toContain('Exchange 2010');
    expect(values(facts, 'core_platform')).toContain('AS/400');
    expect(values(facts, 'dr_in_place')).toContain('false');
    expect(values(facts, 'last_dr_test')).toContain('never');
    const risks = facts.filter((f) => f.attribute === 'data_center_risk').map((f) => f.value.type === 'text' && f.value.text);
    expect(risks).toContain('flood zone');
    expect(values(facts, 'security_leader')).toContain('none');
    expect(values(facts, 'mfa_enforced')).toContain('false');
    expect(values(facts, 'remote_access')).toContain('RDP exposed to the internet');
    expect(values(facts, 'key_person_dependency').length).toBeGreaterThan(2);
    // The summary line and the section heading name the same room; they must meet as one subject.
    const dcNames = new Set(facts.filter((f) => f.subject?.kind === 'data_center').map((f) => f.subject?.name.toLowerCase().replace(/^.*?(hq basement)$/, '$1')));
    expect(dcNames).toEqual(new Set(['hq basement']));
  });

  it('clean modern: MFA, EDR and SIEM state good posture, and no false alarms', async () => {
    const facts = await factsOf('scenarios', 'scenario_1_clean_modern.txt');
    expect(values(facts, 'mfa_enforced')).toEqual(['true']);
    expect(numbers(facts, 'mfa_coverage')).toEqual([100]);
    expect(values(facts, 'edr_product')).toContain('CrowdStrike Falcon');
    expect(numbers(facts, 'edr_coverage')).toEqual([100]);
    expect(values(facts, 'siem_product').length).toBeGreaterThan(0);
    expect(values(facts, 'siem_product')).not.toContain('none');
    expect(values(facts, 'incident_response_plan')).toEqual(['true']);
    expect(values(facts, 'last_dr_test')).toEqual(['2025-10']);
    // "No mainframes or AS/400" and "No single points of failure" are absences, not facts.
    expect(values(facts, 'core_platform')).toEqual([]);
    expect(values(facts, 'key_person_dependency')).toEqual([]);
    // "No breaches in company history" is recorded as an answer, not as an incident.
    expect(values(facts, 'security_incident').every((v) => v === 'none reported')).toBe(true);
    expect(values(facts, 'network_segmentation')).toEqual([]);
  });

  it('carve-out: parent-provided services and TSA lines', async () => {
    const facts = await factsOf('scenarios', 'scenario_3_carveout.txt');
    const services = values(facts, 'parent_provided_service');
    expect(services).toEqual(expect.arrayContaining(['ERP', 'Identity', 'Security Stack', 'Endpoint', 'Network']));
    expect(values(facts, 'tsa_duration_months', 'SAP Hosting & Support')).toEqual(['18']);
    expect(values(facts, 'tsa_monthly_cost', 'SAP Hosting & Support')).toEqual(['180000']);
    expect(values(facts, 'soc_model')).toEqual(['parent-provided']);
    // The deal's own description names the parent, but is not a service.
    expect(services.some((s) => /spinoff/i.test(s))).toBe(false);
  });
});

describe('every sample room', () => {
  const dirs = ['atlas-v1', 'atlas-v2', 'scenarios', 'great-insurance', 'inventories', 'office-formats'];

  it('emits only vocabulary attributes with clean values, deterministically', async () => {
    for (const dir of dirs) {
      for (const name of (await readdir(sample(dir))).sort()) {
        if (!/\.(?:md|txt|csv|pdf|docx|xlsx)$/i.test(name)) continue;
        const doc = await parseSample(dir, name);
        const facts = extractFacts(doc);
        expect(JSON.stringify(extractFacts(doc)), `${name} is not deterministic`).toBe(JSON.stringify(facts));
        for (const f of facts) {
          expect(isAttributeName(f.attribute), `${name}: ${f.attribute}`).toBe(true);
          const spec = isAttributeName(f.attribute) ? ATTRIBUTES[f.attribute] : null;
          expect(f.value.type).toBe(spec?.type);
          expect(f.subject?.kind ?? null).toBe(spec?.subject);
          const shown = JSON.stringify([f.value, f.subject?.name ?? '']);
          expect(shown, `${name}: ${shown}`).not.toMatch(/filecite|\*\*|[\uE000-\uF8FF]/);
          expect(f.evidence.quote).not.toMatch(/filecite|[\uE000-\uF8FF]/);
          expect(f.confidence).toBeGreaterThan(0);
        }
      }
    }
  });

  it('reads netbox devices and virtual machines', async () => {
    const devices = await factsOf('inventories', 'netbox_demo_devices.csv');
    const kinds = new Set(devices.map((f) => f.subject?.kind));
    // The one device whose role is "Application Server" is a server.
    expect(kinds).toEqual(new Set(['network_device', 'server']));
    expect(values(devices, 'device_model', 'ncsu-coreswitch1')).toEqual(['EX9214']);
    // Devices listed without a hostname are named by model and place, not dropped.
    expect(new Set(values(devices, 'device_model', 'QFX5100-48T-6Q at MDF R105'))).toEqual(new Set(['QFX5100-48T-6Q']));
    // Patch panels and power strips are not network equipment.
    expect(devices.some((f) => f.value.type === 'text' && /patch panel|pdu/i.test(f.value.text))).toBe(false);
    const vms = await factsOf('inventories', 'netbox_demo_virtual_machines.csv');
    expect(new Set(vms.map((f) => f.subject?.name)).size).toBe(180);
    expect(values(vms, 'server_os', 'vm1')).toEqual(['Ubuntu Linux 20.04']);
  });

  it('reads the software standards list as applications with versions', async () => {
    const facts = await factsOf('inventories', 'gsa_it_standards.csv');
    expect(values(facts, 'app_version', 'Microsoft Internet Explorer 11')).toEqual(['11']);
    expect(values(facts, 'app_version', 'Microsoft Windows Server 2012 R2')).toEqual(['2012 R2']);
    expect(values(facts, 'app_lifecycle', 'Microsoft Internet Explorer 11')).toEqual(['Approved']);
    expect(values(facts, 'app_hosting', 'Microsoft Internet Explorer 11')).toEqual(['Desktop']);
    expect(numbers(facts, 'application_count_computed')[0]).toBeGreaterThan(990);
  });
});
