import { describe, expect, it } from 'vitest';
import { deriveFindings, deriveGaps } from '../../../src-main/analysis/rules';
import { staffingBand } from '../../../src-main/analysis/rules/benchmarks';
import type { FactRecord, FindingDraft } from '../../../src-main/analysis/rules/types';
import { formatMoney, formatNumber } from '../../../src-main/analysis/rules/values';
import { deal, fact } from './fixtures';

function run(facts: FactRecord[]): FindingDraft[] {
  const settings = deal();
  return deriveFindings({ deal: settings, facts, gaps: deriveGaps({ deal: settings, facts }) });
}

const byRule = (findings: FindingDraft[], ruleId: string): FindingDraft[] => findings.filter((f) => f.ruleId === ruleId);

describe('benchmark tolerance', () => {
  const band = staffingBand(2296);

  it('raises nothing for a ratio within 10% of the ceiling (the insurer: 141 IT staff, 2,296 employees)', () => {
    expect(band?.max).toBe(0.06);
    expect(byRule(run([fact('employee_count', 2296), fact('it_headcount', 141)]), 'org.it_staffing_ratio')).toEqual([]);
  });

  it('fires beyond the band and states the band in the reasoning', () => {
    const [above] = byRule(run([fact('employee_count', 2296), fact('it_headcount', 160)]), 'org.it_staffing_ratio');
    expect(above?.title).toBe('IT staffing above benchmark: 0.070 IT staff per employee');
    expect(above?.reasoning).toContain('within 10% of a floor or ceiling raises nothing');
    expect(above?.reasoning).toContain('above 0.066');
    expect(above?.reasoning).toContain('IT staff 160 for 2296 employees');
  });

  it('applies the same band to IT spend against revenue', () => {
    // 1.4% is under the 1.5% floor but inside the band; 1.2% is not.
    const spend = (budget: number): FindingDraft[] => byRule(run([fact('revenue', 100_000_000), fact('it_budget', budget)]), 'org.it_spend_ratio');
    expect(spend(1_400_000)).toEqual([]);
    const [low] = spend(1_200_000);
    expect(low?.reasoning).toContain('IT budget $1,200,000 against revenue $100,000,000');
    expect(low?.reasoning).toContain('within 10% of a floor or ceiling raises nothing');
  });
});

describe('readable numbers in reasoning', () => {
  it('formats money and large numbers', () => {
    expect(formatMoney(19_632_626)).toBe('$19,632,626');
    expect(formatMoney(1_500_000, 'CHF')).toBe('1,500,000 CHF');
    expect(formatMoney(2500.5, 'eur')).toBe('€2,500.5');
    expect(formatNumber(2296)).toBe('2296');
    expect(formatNumber(19_632_626)).toBe('19,632,626');
    expect(formatNumber(0.061)).toBe('0.06');
  });

  it('never prints a raw amount in a contradiction', () => {
    const [c] = byRule(run([fact('it_budget', 22_100_000, { doc: 1 }), fact('it_budget', 21_000_000, { doc: 2 })]), 'consistency.figure');
    expect(c?.description).toContain('$22,100,000');
    expect(c?.description).toContain('$21,000,000');
    expect(c?.reasoning).not.toMatch(/\d{5,}/);
  });
});

describe('penetration test on record', () => {
  // Corvane demo room: "Last penetration test: March 2023 (external perimeter only ...)" and "No
  // internal penetration test or red-team exercise has been carried out", as of 2026-06-30.
  const settings = deal('acquisition', '2026-06-30');
  const penTest = (facts: FactRecord[]): FindingDraft | undefined =>
    deriveFindings({ deal: settings, facts, gaps: deriveGaps({ deal: settings, facts }) }).find((f) => f.ruleId === 'sec.pen_test');

  it('calls a dated test older than 12 months stale, not missing', () => {
    const stale = penTest([fact('last_pen_test', '2023-03')]);
    expect(stale?.title).toBe('Last penetration test March 2023, over 12 months before the as-of date');
    expect(stale?.severity).toBe('medium');
    expect(stale?.description).not.toMatch(/no penetration test/i);
  });

  it('keeps the stale title when another statement says a scope was never tested, and raises it', () => {
    const both = penTest([fact('last_pen_test', 'March 2023 (external perimeter only)', { line: 34 }), fact('last_pen_test', 'never', { line: 36 })]);
    expect(both?.title).toBe('Last penetration test March 2023, over 12 months before the as-of date');
    expect(both?.severity).toBe('high');
    expect(both?.description).toContain('never tested');
  });

  it('says no test is on record only when none is dated, and nothing for a recent one', () => {
    expect(penTest([fact('last_pen_test', 'Never')])?.title).toBe('No penetration test on record');
    expect(penTest([fact('last_pen_test', '2026-01')])).toBeUndefined();
    expect(penTest([fact('last_pen_test', '2023')])?.title).toBe('Last penetration test 2023, over 12 months before the as-of date');
  });
});

describe('end of support on rows whose status says the product is not in use', () => {
  // GSA standards list: "Adobe ColdFusion Enterprise 2016 Release ... Status: Denied" next to
  // "Adobe ColdFusion Enterprise 2021 Release ... Status: Approved". Status values in the list:
  // Approved, Denied, Sunsetting, Pilot, Exception; only Denied says the product is not to be run.
  const row = (name: string, version: string, status: string, line: number): FactRecord[] => [
    fact('app_version', version, { subject: name, line }),
    fact('app_lifecycle', status, { subject: name, line }),
    fact('app_hosting', 'Server', { subject: name, line }),
  ];
  const eol = (facts: FactRecord[]): FindingDraft[] => run(facts).filter((f) => f.ruleId.startsWith('eol.'));

  it('still flags a denied row past end of support, citing it, but as a low note without an upgrade item', () => {
    const facts = row('Adobe ColdFusion Enterprise 2016 Release', '2016', 'Denied', 23);
    const found = eol(facts);
    expect(found.map((f) => [f.ruleId, f.severity])).toEqual([['eol.past', 'low']]);
    expect(found[0]?.title).toMatch(/^Adobe ColdFusion 2016 is past end of support.*listed as Denied, not in use$/);
    expect(found[0]?.description).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(found[0]?.factKeys).toEqual(expect.arrayContaining(facts.slice(0, 2).map((f) => f.stableKey)));
  });

  it('ranks denied rows below in-use ones, and treats Sunsetting and Exception rows as in use', () => {
    const facts = [
      ...row('Adobe ColdFusion Enterprise 2016 Release', '2016', 'Denied', 23),
      ...row('Oracle Database 11g', '11g', 'Sunsetting', 622),
      ...row('MS SQL Server Express 2012 (SP4)', '2012 (SP4)', 'Exception', 560),
    ];
    const past = run(facts).filter((f) => f.ruleId === 'eol.past');
    expect(past.at(-1)?.title).toMatch(/ColdFusion/);
    expect(past.filter((f) => !/ColdFusion/.test(f.title)).every((f) => f.severity === 'critical' || f.severity === 'high')).toBe(true);
    expect(run(facts).filter((f) => f.ruleId === 'eol.upgrade' && /ColdFusion/.test(f.title))).toEqual([]);
  });

  it('keeps the normal severity when any row naming the version is in use', () => {
    const facts = [...row('Adobe ColdFusion 2016', '2016', 'Denied', 23), ...row('ColdFusion Server 2016', '2016', 'Approved', 30)];
    const [past] = eol(facts).filter((f) => f.ruleId === 'eol.past');
    expect(past?.severity).toBe('critical');
  });
});

describe('end-of-life findings are named by what the document says', () => {
  it('does not add a service pack the document does not state, but says which one dates the finding', () => {
    const found = run([fact('database_platform', 'SQL Server 2014'), fact('operating_system', 'Windows Server 2008 R2')]);
    const titles = found.filter((f) => f.ruleId === 'eol.past').map((f) => f.title);
    expect(titles).toEqual(expect.arrayContaining([
      'Microsoft SQL Server 2014 is past end of support (latest service pack SP3 ended 2024-07-09)',
      'Microsoft Windows Server 2008 R2 is past end of support (latest service pack SP1 ended 2020-01-14)',
    ]));
    expect(titles.some((t) => /2008 SP2|2014 SP3 is/.test(t))).toBe(false);
    expect(found.find((f) => f.ruleId === 'eol.upgrade' && f.title.includes('SQL Server'))?.title).toBe('Upgrade or replace Microsoft SQL Server 2014');
  });

  it('keeps the level when the document states it', () => {
    const [past] = run([fact('database_platform', 'SQL Server 2014 SP2')]).filter((f) => f.ruleId === 'eol.past');
    expect(past?.title).toBe('Microsoft SQL Server 2014 SP2 is past end of support');
  });
});
