import { describe, expect, it } from 'vitest';
import { canonicalSubjectName, sameSubject } from '../../../src-main/analysis/knowledge/aliases';
import { findProducts } from '../../../src-main/analysis/extract/catalogue';
import { trailingVersion } from '../../../src-main/analysis/extract/subjects';
import {
  cleanText,
  isNegative,
  parseDate,
  parseDurationHours,
  parseDurationMonths,
  parseLeadingCount,
  parseMoney,
  parseNumber,
  parsePercent,
  parseRetention,
  parseWhen,
} from '../../../src-main/analysis/extract/values';

describe('parseMoney', () => {
  it('reads dollar amounts with separators and scales', () => {
    expect(parseMoney('$7,183,701')).toEqual({ number: 7183701, currency: 'USD' });
    expect(parseMoney('$8.2M')?.number).toBe(8_200_000);
    expect(parseMoney('Approximately $8.2M')?.number).toBe(8_200_000);
    expect(parseMoney('$450K | Timeline')?.number).toBe(450_000);
    expect(parseMoney('$2.925M')?.number).toBe(2_925_000);
    expect(parseMoney('~$45,000')?.number).toBe(45_000);
    expect(parseMoney('$500M')?.number).toBe(500_000_000);
    expect(parseMoney('USD 1.2 million')?.number).toBe(1_200_000);
  });

  it('marks ranges and per-period amounts', () => {
    expect(parseMoney('$3.2M - $4.5M')).toMatchObject({ number: 3_200_000, high: 4_500_000 });
    expect(parseMoney('$3-5M')).toMatchObject({ number: 3_000_000, high: 5_000_000 });
    expect(parseMoney('$123,334/mo')).toMatchObject({ number: 123_334, per: 'month' });
    expect(parseMoney('$1,480,007/yr')).toMatchObject({ number: 1_480_007, per: 'year' });
  });

  it('returns null without a currency', () => {
    expect(parseMoney('47 FTEs')).toBeNull();
  });
});

describe('counts, numbers and percentages', () => {
  it('reads a leading count', () => {
    expect(parseLeadingCount('47 FTEs')).toBe(47);
    expect(parseLeadingCount('1,407')).toBe(1407);
    expect(parseLeadingCount('Approximately 2,800 devices')).toBe(2800);
    expect(parseLeadingCount('~450')).toBe(450);
    expect(parseLeadingCount('85%')).toBeNull();
    expect(parseLeadingCount('48-72 hours')).toBeNull();
    expect(parseLeadingCount('Called ad-hoc')).toBeNull();
  });

  it('reads the first number and percentage', () => {
    expect(parseNumber('users: 1,407 active')).toBe(1407);
    expect(parsePercent('MFA enforced for 85% of users')).toBe(85);
    expect(parsePercent('(~40% coverage)')).toBe(40);
    expect(parsePercent('no percent here')).toBeNull();
  });
});

describe('dates and durations', () => {
  it('normalises dates to ISO text', () => {
    expect(parseDate('2025-06-30')).toBe('2025-06-30');
    expect(parseDate('expires 2026-09')).toBe('2026-09');
    expect(parseDate('March 2026 (18 months remaining)')).toBe('2026-03');
    expect(parseDate('Dec 2026')).toBe('2026-12');
    expect(parseDate('March 31, 2027')).toBe('2027-03-31');
    expect(parseDate('12/31/2025')).toBe('2025-12-31');
    expect(parseDate('Q3 2027')).toBe('2027-09');
    expect(parseDate('Certified 2024')).toBe('2024');
    expect(parseDate('Usage-based')).toBeNull();
  });

  it('reads durations in hours and months', () => {
    expect(parseDurationHours('4 hours')).toBe(4);
    expect(parseDurationHours('4-hour RTO target')).toBe(4);
    expect(parseDurationHours('0h')).toBe(0);
    expect(parseDurationHours('48-72 hours')).toBe(72);
    expect(parseDurationHours('5-7 business days')).toBe(168);
    expect(parseDurationMonths('18 months')).toBe(18);
    expect(parseDurationMonths('1 year')).toBe(12);
    expect(parseDurationMonths('Day-180')).toBe(6);
    expect(parseDurationMonths('Day\u201160 to Day\u2011120')).toBe(4);
    expect(parseRetention('daily backups with 30-day retention')).toBe('30 days');
  });

  it('reads when something last happened', () => {
    expect(parseWhen('Never formally tested')).toBe('never');
    expect(parseWhen('Q2 2024')).toBe('2024-06');
    expect(parseWhen('December 2025 - 0 critical')).toBe('2025-12');
    expect(parseWhen('Quarterly via a vendor')).toBeNull();
  });
});

describe('cleaning and negation', () => {
  it('keeps citation markers and markup out of text', () => {
    expect(cleanText('**$7,183,701** filecite\uE200turn3file0\uE202L36-L39\uE201')).toBe('$7,183,701');
    expect(cleanText('CRITICAL fileciteturn3file1L11-L16')).toBe('CRITICAL');
    expect(cleanText('a\uE123b')).toBe('ab');
  });

  it('recognises stated absence', () => {
    expect(isNegative('None (spam filtering via ISP)')).toBe(true);
    expect(isNegative('Never')).toBe(true);
    expect(isNegative('0')).toBe(true);
    expect(isNegative('Okta')).toBe(false);
    expect(isNegative('Nutanix')).toBe(false);
  });
});

describe('products and versions', () => {
  it('finds products with their versions', () => {
    expect(findProducts('VMware vSphere: Version 7.0 U3 (approximately 340 VMs)').map((h) => h.name)).toEqual(['VMware vSphere 7.0 U3']);
    expect(findProducts('VMware 6.7 is end of support').map((h) => h.name)).toEqual(['VMware vSphere 6.7']);
    expect(findProducts('Windows Server 2012 R2: 30 VMs').map((h) => h.name)).toEqual(['Windows Server 2012 R2']);
    expect(findProducts('On-premises Exchange 2010 (end of life)').map((h) => h.name)).toEqual(['Exchange 2010']);
    expect(findProducts('IBM i: V7R2').map((h) => h.name)).toEqual(['IBM i V7R2']);
    expect(findProducts('Windows DHCP servers')).toEqual([]);
    expect(findProducts('VMware licensing through a reseller')).toEqual([]);
  });

  it('reads a trailing version from a product name', () => {
    expect(trailingVersion('Microsoft Internet Explorer 11')).toBe('11');
    expect(trailingVersion('Adobe Flash Player v 29')).toBe('29');
    expect(trailingVersion('PostgreSQL 13.x')).toBe('13.x');
    expect(trailingVersion('Microsoft Windows Server 2012 R2')).toBe('2012 R2');
    expect(trailingVersion('Adobe ColdFusion Enterprise 2016 Release')).toBe('2016');
    expect(trailingVersion('AcroPlot Suite')).toBeNull();
  });
});

describe('canonicalSubjectName', () => {
  it('resolves aliases to one name', () => {
    for (const n of ['Salesforce Sales Cloud', 'Salesforce CRM', 'SFDC']) expect(canonicalSubjectName('application', n)).toBe('Salesforce');
    for (const n of ['M365', 'Office 365', 'Microsoft 365 E3']) expect(canonicalSubjectName('application', n)).toBe('Microsoft 365');
    for (const n of ['Azure AD', 'Entra ID', 'Microsoft Entra ID', 'Microsoft Entra ID (Azure AD)']) {
      expect(canonicalSubjectName('application', n)).toBe('Microsoft Entra ID');
    }
    expect(canonicalSubjectName('cloud_provider', 'Amazon Web Services')).toBe('AWS');
    expect(canonicalSubjectName('certification', 'PCI-DSS')).toBe('PCI DSS');
    expect(canonicalSubjectName('vendor', 'Microsoft EA')).toBe('Microsoft');
    expect(sameSubject('application', 'IBM iSeries', 'AS/400')).toBe(true);
  });

  it('keeps versions that matter and unknown names as written', () => {
    expect(canonicalSubjectName('product', 'Exchange 2010')).toBe('Exchange 2010');
    expect(canonicalSubjectName('application', '  Duck Creek   Policy ')).toBe('Duck Creek Policy');
    expect(canonicalSubjectName('application', 'Netcracker Revenue Mgmt')).toBe('Netcracker Revenue Management');
    // A vendor is not its product: the product aliases do not apply to vendors.
    expect(canonicalSubjectName('vendor', 'CrowdStrike')).toBe('CrowdStrike');
  });
});
