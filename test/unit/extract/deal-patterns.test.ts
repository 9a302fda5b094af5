import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../../src-main/analysis/extract';
import { doc, numbers, table, values } from './load';

// Hand-made lines for the deal-level prose patterns: each pattern on what it must read, and on the
// denials and possibilities it must leave alone.

describe('deal-level statements in prose', () => {
  it('reads licence exposure, but not a denial or a possibility', () => {
    const facts = extractFacts(
      doc([
        'SAP: License audit scheduled Q2 2026',
        'Microsoft: SA lapsed, running unlicensed',
        'True-up risk: Low (good license management)',
        'No audits pending',
        'SAP licensing: Indirect access terms may need review post-acquisition',
      ]),
    );
    expect(values(facts, 'licence_exposure')).toEqual(['SAP: License audit scheduled Q2 2026', 'Microsoft: SA lapsed, running unlicensed']);
  });

  it('reads change-of-control terms, and records their stated absence as an answer', () => {
    const facts = extractFacts(doc(['Secureworks: 60-day notice for assignment', 'No change of control issues identified', { heading: 'Contract Change of Control' }]));
    expect(values(facts, 'change_of_control')).toEqual(['Secureworks: 60-day notice for assignment', 'none identified']);
  });

  it('reads flight risk, deferred work, backup scope gaps, service accounts and residency', () => {
    const facts = extractFacts(
      doc([
        '45% of IT staff "actively looking" for new roles',
        'AS/400 replacement: $2.5M estimated, no budget allocated',
        '12 file servers are NOT included in Veeam backup scope',
        'Service accounts: 127 accounts, all with non-expiring passwords',
        'A subset of PII workloads must remain in a specific environment initially',
      ]),
    );
    expect(values(facts, 'it_attrition')).toHaveLength(1);
    expect(values(facts, 'deferred_investment')).toEqual(['AS/400 replacement: $2.5M estimated, no budget allocated']);
    expect(values(facts, 'backup_scope_gap')).toHaveLength(1);
    expect(values(facts, 'service_accounts')).toHaveLength(1);
    expect(values(facts, 'data_residency')).toHaveLength(1);
  });

  it('knows a cloud-only company, and does not take a carve-out without a data centre for one', () => {
    expect(values(extractFacts(doc(['Primary Infrastructure: 100% cloud (AWS)'])), 'hosting_model')).toEqual(['cloud-only']);
    expect(values(extractFacts(doc(['GLD has NO dedicated data center'])), 'hosting_model')).toEqual([]);
  });

  it('reads platforms a document calls end-of-life, not plans or denials', () => {
    const facts = extractFacts(doc(['Core Switch: Cisco Catalyst 6500 (2005, EOL)', 'NetApp FAS2020 (2008, unsupported)', 'Network switches approaching end of life']));
    expect(values(facts, 'stated_end_of_support')).toEqual(['Core Switch: Cisco Catalyst 6500 (2005, EOL)', 'NetApp FAS2020 (2008, unsupported)']);
  });

  it('separates the actual recovery time from the target', () => {
    const facts = extractFacts(doc(['RTO Target: 48-72 hours (Tier 1 applications)', 'Estimated actual RTO: 5-7 business days']));
    expect(numbers(facts, 'rto_hours')).toEqual([72]);
    expect(numbers(facts, 'rto_actual_hours')).toEqual([168]);
  });
});

describe('tables the extractor now reads', () => {
  it('reads aligned "Key:" lines that a PDF laid out as a two-column table', () => {
    const facts = extractFacts(doc([], [table(['Total IT staff:', '16 FTEs'], [['IT budget (FY2026):', '$3.1M'], ['MFA coverage:', '78% of users']])]));
    expect(numbers(facts, 'it_headcount')).toEqual([16]);
    expect(numbers(facts, 'it_budget')).toEqual([3_100_000]);
    expect(numbers(facts, 'mfa_coverage')).toEqual([78]);
  });

  it('names a device listed without a hostname by its model and place', () => {
    const facts = extractFacts(doc([], [table(['device_name', 'role', 'manufacturer', 'model', 'site', 'rack'], [['', 'ToR Switch', 'Juniper', 'QFX5100-48T-6Q', 'MDF', 'R105']])]));
    expect(values(facts, 'device_model', 'QFX5100-48T-6Q at MDF R105')).toEqual(['QFX5100-48T-6Q']);
  });

  it('reads a cloud footprint with services as a cloud, not a TSA schedule', () => {
    const facts = extractFacts(doc([], [table(['Provider', 'Region', 'Accounts', 'Services (Observed)', 'Monthly'], [['AWS', 'us-east-1', '25', 'DynamoDB, SQS', '$123,334/mo']])]));
    expect(values(facts, 'cloud_monthly_spend', 'AWS')).toEqual(['123334']);
    expect(facts.filter((f) => f.subject?.kind === 'tsa_service')).toEqual([]);
  });

  it('reads a TSA schedule with exit criteria, and a residency constraint in it', () => {
    const facts = extractFacts(
      doc([], [table(['TSA Area', 'Why TSA is needed', 'Exit Criteria', 'Target Exit'], [['Data residency', 'PII must remain in region', 'Compliance sign-off', 'Day-120']], ['TSA Workplan'])]),
    );
    expect(values(facts, 'tsa_exit_plan', 'Data residency')).toEqual(['Compliance sign-off']);
    expect(values(facts, 'tsa_duration_months', 'Data residency')).toEqual(['4']);
    expect(values(facts, 'data_residency')).toHaveLength(1);
  });

  it('keeps a product whose name starts with "Total" as a product', () => {
    const facts = extractFacts(doc([], [table(['Standard Name', 'Category', 'Status', 'Deployment Type'], [['Total Access Emailer 2016 v16.x Pro', 'Other', 'Approved', 'Desktop']])]));
    expect(values(facts, 'app_category', 'Total Access Emailer 2016 v16.x Pro')).toEqual(['Other']);
  });
});
