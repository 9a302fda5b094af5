import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src-main/analysis/extract';
import { doc, numbers, table, values } from './load';

// Hand-made documents written for these tests: each exercises one table profile or statement
// pattern, including the traps (totals rows, negations, plans) a greedy pattern would fall into.

describe('inventory tables', () => {
  it('recognises application headers with extra words, skips the total row but uses it', () => {
    const facts = extractFacts(
      doc([], [
        table(
          ['App Name', 'Vendor', 'Version', 'Deployment Model', '# Users', 'Annual Cost (USD)', 'Business Criticality', 'Renewal Date', 'Business Owner'],
          [
            ['Ledgerly', 'Ledgerly Inc', '4.2', 'SaaS', '120', '$10,000', 'High', 'March 2027', 'Finance'],
            ['PlantTrack', 'Acme', '7', 'On-prem', '1,050', '$5,500.50', 'Critical', '2026-06-30', 'Operations'],
            ['Total', '', '', '', '', '$15,501', '', '', ''],
          ],
          ['Application Inventory'],
        ),
      ]),
    );
    const apps = new Set(facts.filter((f) => f.subject?.kind === 'application').map((f) => f.subject?.name));
    expect(apps).toEqual(new Set(['Ledgerly', 'PlantTrack']));
    expect(values(facts, 'app_users', 'PlantTrack')).toEqual(['1050']);
    expect(values(facts, 'app_contract_end', 'Ledgerly')).toEqual(['2027-03']);
    expect(values(facts, 'app_contract_end', 'PlantTrack')).toEqual(['2026-06-30']);
    expect(values(facts, 'app_owner', 'Ledgerly')).toEqual(['Finance']);
    expect(values(facts, 'app_total_annual_cost')).toEqual(['15501']);
    expect(values(facts, 'app_total_annual_cost_computed')).toEqual(['15500.5']);
    expect(values(facts, 'application_count_computed')).toEqual(['2']);
    const computed = facts.find((f) => f.attribute === 'app_total_annual_cost_computed');
    expect(computed?.evidence.location).toEqual({ line: 100 });
    expect(computed?.evidence.quote).toBe('App Name | Vendor | Version | Deployment Model | # Users | Annual Cost (USD) | Business Criticality | Renewal Date | Business Owner');
  });

  it('needs an application or system header: a name column alone is not an inventory', () => {
    const facts = extractFacts(doc([], [table(['Name', 'Vendor', 'Cost'], [['Thing', 'Acme', '$5']])]));
    expect(facts.filter((f) => f.subject?.kind === 'application')).toEqual([]);
  });

  it('reads servers, network devices, staffing, vendors, TSA lines, data centres and certifications', () => {
    const facts = extractFacts(
      doc([], [
        table(['Hostname', 'Operating System', 'Environment', 'Role', 'Site', 'Status'], [['srv-app-01', 'Windows Server 2016', 'Prod', 'App', 'HQ', 'Active']]),
        table(['Device', 'Manufacturer', 'Model', 'Role', 'Site', 'Firmware'], [
          ['fw-01', 'Fortinet', 'FG-100F', 'Firewall', 'HQ', '7.2.4'],
          ['pp-01', 'Generic', '48-port patch panel', 'Patch Panel', 'HQ', ''],
        ]),
        table(['Team', 'FTE', 'Contractors'], [['Service Desk', '6', '2'], ['Security', '3', '0'], ['Total', '9', '2']]),
        table(['Vendor', 'Service', 'Contract End'], [['Northwind MSP', 'Service desk', 'Q3 2027']]),
        table(['Service', 'Provider', 'Term', 'Monthly Cost'], [['Payroll', 'Parent Co', '9 months', '$12K']], ['Transition services']),
        table(['Facility', 'Location', 'Ownership', 'Lease End'], [['Main DC', 'Reno, NV', 'Leased', 'Dec 2028']]),
        table(['Certification', 'Status', 'Expiry'], [['SOC 2 Type 2', 'Certified', '2026-09']]),
      ]),
    );
    expect(values(facts, 'server_os', 'srv-app-01')).toEqual(['Windows Server 2016']);
    expect(values(facts, 'device_model', 'fw-01')).toEqual(['FG-100F']);
    expect(values(facts, 'device_firmware', 'fw-01')).toEqual(['7.2.4']);
    expect(facts.some((f) => f.subject?.name === 'pp-01')).toBe(false);
    expect(values(facts, 'role_headcount', 'Service Desk')).toEqual(['6']);
    expect(values(facts, 'role_contractor_count', 'Service Desk')).toEqual(['2']);
    expect(values(facts, 'security_team_size')).toEqual(['3']);
    expect(facts.some((f) => f.subject?.name === 'Total')).toBe(false);
    expect(values(facts, 'it_headcount')).toEqual(['9']);
    expect(values(facts, 'it_contractor_count')).toEqual(['2']);
    expect(values(facts, 'vendor_service', 'Northwind MSP')).toEqual(['Service desk']);
    expect(values(facts, 'vendor_contract_end', 'Northwind MSP')).toEqual(['2027-09']);
    expect(values(facts, 'tsa_provider', 'Payroll')).toEqual(['Parent Co']);
    expect(values(facts, 'tsa_duration_months', 'Payroll')).toEqual(['9']);
    expect(values(facts, 'tsa_monthly_cost', 'Payroll')).toEqual(['12000']);
    expect(values(facts, 'data_center_type', 'Reno, NV')).toEqual(['leased']);
    expect(values(facts, 'data_center_contract_end', 'Reno, NV')).toEqual(['2028-12']);
    expect(values(facts, 'certification_status', 'SOC 2 Type II')).toEqual(['certified']);
    expect(values(facts, 'certification_expiry', 'SOC 2 Type II')).toEqual(['2026-09']);
  });

  it('reads key:value tables as statements, leaving injected columns out', () => {
    const facts = extractFacts(
      doc([], [
        table(['Metric', 'Value'], [['IT headcount', '**12**'], ['Total annual app cost', '$1,234,567'], ['Total applications', '9']], ['Rollups']),
        table(['Capability', 'Tool (Observed)', 'Preferred Tool (Injected)'], [['SIEM', 'Splunk', 'Elastic SIEM']], ['Security tools']),
      ]),
    );
    expect(values(facts, 'it_headcount')).toEqual(['12']);
    expect(values(facts, 'app_total_annual_cost')).toEqual(['1234567']);
    expect(values(facts, 'application_count')).toEqual(['9']);
    expect(values(facts, 'siem_product')).toEqual(['Splunk']);
    expect(facts.find((f) => f.attribute === 'it_headcount')?.evidence).toEqual({ location: { line: 102 }, quote: 'IT headcount | 12' });
  });
});

describe('statements in prose', () => {
  const run = (...lines: Parameters<typeof doc>[0]) => extractFacts(doc(lines));

  it('reads headcount, budget and leaders from key: value lines', () => {
    const facts = run('Total IT Staff: 31 FTEs', 'IT Budget (Annual): Approximately $4.5M', 'CIO: Position vacant since May', 'Revenue: $210M');
    expect(numbers(facts, 'it_headcount')).toEqual([31]);
    expect(numbers(facts, 'it_budget')).toEqual([4_500_000]);
    expect(values(facts, 'it_leader')).toEqual(['CIO (vacant)']);
    expect(numbers(facts, 'revenue')).toEqual([210_000_000]);
    expect(facts.every((f) => f.confidence === 0.8)).toBe(true);
  });

  it('reads loose statements with a lower confidence', () => {
    const facts = run('Our IT team of 9 supports 600 employees across 4 sites.', 'MFA enforced for 72% of users', 'No dedicated security staff', 'Last penetration test: never');
    expect(numbers(facts, 'it_headcount')).toEqual([9]);
    expect(numbers(facts, 'employee_count')).toEqual([600]);
    expect(numbers(facts, 'mfa_coverage')).toEqual([72]);
    expect(values(facts, 'mfa_enforced')).toEqual(['false']);
    expect(values(facts, 'security_leader')).toEqual(['none']);
    expect(numbers(facts, 'security_team_size')).toEqual([0]);
    expect(values(facts, 'last_pen_test')).toEqual(['never']);
    expect(facts.find((f) => f.attribute === 'mfa_coverage')?.confidence).toBe(0.6);
  });

  it('states absence and negative posture', () => {
    const facts = run('MFA: not enforced', 'DR: none', 'SIEM: None', 'Incident response plan: No', 'RDP is exposed to the internet at two sites');
    expect(values(facts, 'mfa_enforced')).toEqual(['false']);
    expect(values(facts, 'dr_in_place')).toEqual(['false']);
    expect(values(facts, 'siem_product')).toEqual(['none']);
    expect(values(facts, 'incident_response_plan')).toEqual(['false']);
    expect(values(facts, 'remote_access')).toEqual(['RDP exposed to the internet']);
  });

  it('does not take plans, history or negations for facts', () => {
    const facts = run(
      'Upgrade to SAP S/4HANA planned for next year',
      'ERP: Epicor Kinetic (migrated from JD Edwards in 2021)',
      'No mainframe or AS/400 in use',
      'Considering SD-WAN migration',
      { heading: 'Planned Projects' },
      'Deploy CrowdStrike Falcon to all laptops',
    );
    expect(values(facts, 'erp_platform')).toEqual(['Epicor Kinetic']);
    expect(values(facts, 'core_platform')).toEqual([]);
    expect(values(facts, 'wan_type')).toEqual([]);
    expect(values(facts, 'edr_product')).toEqual([]);
  });

  it('keeps section context: data centre, DR site and cloud spend', () => {
    const facts = run(
      { heading: 'Primary Data Center' },
      'Location: Denver, CO (Flexential)',
      'Lease expires: June 2027',
      'Power: single utility feed',
      { heading: 'Disaster Recovery' },
      'Location: Omaha, NE',
      'RTO: 8 hours | RPO: 30 minutes',
      { heading: 'Microsoft Azure' },
      'Monthly spend: ~$12,500',
    );
    expect(values(facts, 'data_center_type', 'Denver, CO')).toEqual(['colocation']);
    expect(values(facts, 'data_center_contract_end', 'Denver, CO')).toEqual(['2027-06']);
    expect(values(facts, 'data_center_risk', 'Denver, CO')).toEqual(['single power feed']);
    expect(values(facts, 'dr_site')).toEqual(['Omaha, NE']);
    expect(numbers(facts, 'rto_hours')).toEqual([8]);
    expect(numbers(facts, 'rpo_hours')).toEqual([0.5]);
    expect(values(facts, 'cloud_monthly_spend', 'Microsoft Azure')).toEqual(['12500']);
  });

  it('reads products and versions, with a version line under its product heading', () => {
    const facts = run(
      'Hypervisor: Hyper-V 2012 on six hosts',
      'Email: Exchange 2013 on-premises',
      { heading: 'Oracle E-Business Suite' },
      'Version: R12.1',
      'Certifications: SOC 2 Type II (expires 2026-09), ISO 27001',
    );
    expect(values(facts, 'hypervisor')).toEqual(['Hyper-V 2012']);
    expect(values(facts, 'email_platform')).toEqual(['Exchange 2013']);
    expect(values(facts, 'erp_platform')).toContain('Oracle E-Business Suite R12.1');
    expect(values(facts, 'certification_status', 'SOC 2 Type II')).toEqual(['certified']);
    expect(values(facts, 'certification_status', 'ISO 27001')).toEqual(['certified']);
    expect(values(facts, 'certification_expiry', 'SOC 2 Type II')).toEqual(['2026-09']);
    expect(values(facts, 'certification_expiry', 'ISO 27001')).toEqual([]);
  });

  it('reads vacancies, contractors and spend split', () => {
    const facts = run('We have 3 open IT positions', 'Contractors: 4', 'IT Capex: $1.1M', 'IT Opex: $6.9M');
    expect(numbers(facts, 'it_vacancies')).toEqual([3]);
    expect(numbers(facts, 'it_contractor_count')).toEqual([4]);
    expect(numbers(facts, 'it_capex')).toEqual([1_100_000]);
    expect(numbers(facts, 'it_opex')).toEqual([6_900_000]);
  });

  it('finds the parent in a carve-out and what it still provides', () => {
    const facts = run(
      'Seller: Contoso Holdings Inc.',
      { heading: 'Identity' },
      "Users sign in to Contoso's Active Directory",
      "MFA: Contoso's Okta tenant",
      { heading: 'Summary' },
      'Payroll: run by Contoso shared services',
    );
    // One service area per section; a generic section names the service by its key.
    expect(values(facts, 'parent_provided_service')).toEqual(['Identity', 'Identity', 'Payroll']);
    expect(values(facts, 'directory_service')).toEqual(['Active Directory', 'Okta']);
  });

  it('reads key-person dependencies, but not their denial', () => {
    const facts = run('Only one person knows the billing batch jobs', 'Single DBA for all databases', 'No single points of failure for knowledge');
    expect(values(facts, 'key_person_dependency')).toEqual(['Only one person knows the billing batch jobs', 'Single DBA for all databases']);
  });
});
