import { staffingBand } from '../benchmarks';
import { isSeparationDeal, parentFacts } from '../parent-services';
import { companySubject, finding, type RuleEnv } from '../draft';
import type { FactRecord, FindingDraft } from '../types';
import { formatMoney, formatNumber, isNone, mentions, numberOf, quoteFacts, textOf } from '../values';

/**
 * People and money: key-person dependency, IT staffing against benchmark ratios, contractor
 * reliance, and IT spend as a share of revenue. Where documents give several values for a figure,
 * each test uses the value least likely to fire, so a contradiction never manufactures a finding
 * (it is raised as a contradiction instead).
 */

const CONTRACTOR_SHARE_MEDIUM = 0.4;
const CONTRACTOR_SHARE_HIGH = 0.6;
const SPEND_LOW = 0.015;
const SPEND_HIGH = 0.1;
/**
 * Benchmarks are starting assumptions, not hard lines: a ratio within this share of a floor or
 * ceiling (0.061 against a 0.06 ceiling) is normal variation and raises nothing.
 */
const BENCHMARK_TOLERANCE = 0.1;
const tolerance = `; within ${BENCHMARK_TOLERANCE * 100}% of a floor or ceiling raises nothing`;
const LEAVING = ['retire', 'retiring', 'retirement', 'leaving', 'resign', 'resigned', 'resigning', 'departing', 'notice'];

export function organizationFindings(env: RuleEnv): FindingDraft[] {
  return [...keyPerson(env), ...staffing(env), ...spend(env)];
}

function keyPerson(env: RuleEnv): FindingDraft[] {
  // isNone: "No one else knows the AS/400" is the dependency itself, not its denial.
  const facts = env.facts.company('key_person_dependency').filter((f) => !isNone(f));
  if (facts.length === 0) return [];
  const leaving = facts.some((f) => mentions(textOf(f.value), LEAVING));
  return [
    finding({
      ruleId: 'org.key_person', subjectKeys: [companySubject('key-person')], type: 'risk', domain: 'organization', severity: leaving ? 'critical' : 'high', lens: 'day_1_continuity',
      title: leaving ? 'Key-person dependency on someone leaving' : 'Key-person dependency',
      description: `Knowledge of important systems rests with very few people (${quoteFacts(facts)}). Retention agreements and documented knowledge transfer should be conditions of the deal.`,
      because: `the documents describe a dependency: ${quoteFacts(facts)}${leaving ? '; the person is retiring or leaving' : ''}.`,
      threshold: 'any stated key-person dependency is high; critical when the person is leaving',
      asOfDate: env.deal.asOfDate, facts,
    }),
  ];
}

interface Figure {
  value: number;
  fact: FactRecord;
}

function figures(env: RuleEnv, attribute: Parameters<RuleEnv['facts']['company']>[0]): Figure[] {
  return env.facts.company(attribute).flatMap((fact) => {
    const value = numberOf(fact);
    return value !== null && value > 0 ? [{ value, fact }] : [];
  });
}

const maxOf = (xs: Figure[]): Figure | undefined => xs.reduce<Figure | undefined>((m, x) => (m === undefined || x.value > m.value ? x : m), undefined);
const minOf = (xs: Figure[]): Figure | undefined => xs.reduce<Figure | undefined>((m, x) => (m === undefined || x.value < m.value ? x : m), undefined);

function staffing(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const out: FindingDraft[] = [];
  const it = figures(env, 'it_headcount');
  const contractors = figures(env, 'it_contractor_count');
  const employees = figures(env, 'employee_count');
  const staffMax = maxOf(it);
  const staffMin = minOf(it);
  const empMin = minOf(employees);
  const empMax = maxOf(employees);
  const contractorMax = maxOf(contractors);
  const contractorMin = minOf(contractors);

  if (staffMax && staffMin && empMin && empMax) {
    const band = staffingBand(empMin.value);
    const highest = (staffMax.value + (contractorMax?.value ?? 0)) / empMin.value;
    const lowest = staffMin.value / empMax.value;
    const cite = [staffMax.fact, staffMin.fact, empMin.fact, empMax.fact, ...(contractorMax ? [contractorMax.fact] : [])];
    const floor = band ? band.min * (1 - BENCHMARK_TOLERANCE) : 0;
    const ceiling = band ? band.max * (1 + BENCHMARK_TOLERANCE) : 0;
    const threshold = band
      ? `IT staff per employee between ${band.min} and ${band.max} (benchmark profiles ${band.profiles.join(', ')}; starting assumption)${tolerance}, so it fires below ${ratio(floor)} or above ${ratio(ceiling)}`
      : '';
    // In a separation the parent runs most of IT today; a thin standalone team is the carve-out
    // finding's subject (what must be built or bought), not a staffing outlier.
    const parentRunsIt = isSeparationDeal(env.deal.dealType) && parentFacts(env.facts).length > 0;
    if (band && highest < floor && !parentRunsIt) {
      out.push(
        finding({
          ruleId: 'org.it_staffing_ratio', subjectKeys: [companySubject('it-staffing')], type: 'risk', domain: 'organization', severity: 'medium', lens: 'cost_driver',
          title: `IT under-staffed: ${ratio(highest)} IT staff per employee`,
          description: `IT staff (including contractors) are ${ratio(highest)} per employee, below the ${band.min} benchmark floor; expect backlog, deferred maintenance and a post-deal staffing cost.`,
          because: `IT staff ${formatNumber(staffMax.value)}${contractorMax ? ` plus ${formatNumber(contractorMax.value)} contractors` : ''} for ${formatNumber(empMin.value)} employees: ${ratio(highest)} per employee, under the ${band.min} floor by more than the ${BENCHMARK_TOLERANCE * 100}% tolerance.`, threshold, asOfDate: asOf, facts: cite,
        }),
      );
    } else if (band && lowest > ceiling) {
      out.push(
        finding({
          ruleId: 'org.it_staffing_ratio', subjectKeys: [companySubject('it-staffing')], type: 'recommendation', domain: 'organization', severity: 'low', lens: 'synergy_opportunity',
          title: `IT staffing above benchmark: ${ratio(lowest)} IT staff per employee`,
          description: `IT employees are ${ratio(lowest)} per employee, above the ${band.max} benchmark ceiling; review for consolidation once integrated.`,
          because: `IT staff ${formatNumber(staffMin.value)} for ${formatNumber(empMax.value)} employees: ${ratio(lowest)} per employee, over the ${band.max} ceiling by more than the ${BENCHMARK_TOLERANCE * 100}% tolerance.`, threshold, asOfDate: asOf, facts: cite,
        }),
      );
    }
  }
  if (staffMin && contractorMax && contractorMin) {
    const share = contractorMin.value / (contractorMin.value + (staffMax?.value ?? staffMin.value));
    if (share > CONTRACTOR_SHARE_MEDIUM) {
      out.push(
        finding({
          ruleId: 'org.contractor_share', subjectKeys: [companySubject('contractors')], type: 'risk', domain: 'organization',
          severity: share > CONTRACTOR_SHARE_HIGH ? 'high' : 'medium', lens: 'day_1_continuity',
          title: `Contractors are ${Math.round(share * 100)}% of the IT workforce`,
          description: 'Heavy reliance on contractors puts system knowledge and IP assignment at risk; key contractors may leave at change of control.',
          because: `${formatNumber(contractorMin.value)} contractors against ${formatNumber(staffMax?.value ?? staffMin.value)} IT staff.`,
          threshold: `contractor share above ${CONTRACTOR_SHARE_MEDIUM * 100}% (above ${CONTRACTOR_SHARE_HIGH * 100}% is high)`,
          asOfDate: asOf, facts: [contractorMin.fact, (staffMax ?? staffMin).fact],
        }),
      );
    }
  }
  return out;
}

function spend(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const revenue = figures(env, 'revenue').filter((f) => f.fact.value.type === 'money');
  // Without a stated budget, operating spend is the closest figure (and errs low, never high).
  const stated = figures(env, 'it_budget');
  const budget = (stated.length > 0 ? stated : figures(env, 'it_opex')).filter((f) => f.fact.value.type === 'money');
  const out: FindingDraft[] = [];
  for (const currency of [...new Set(revenue.map((r) => currencyOf(r.fact)))].sort()) {
    const rev = revenue.filter((r) => currencyOf(r.fact) === currency);
    const it = budget.filter((b) => currencyOf(b.fact) === currency);
    const revMax = maxOf(rev);
    const revMin = minOf(rev);
    const itMax = maxOf(it);
    const itMin = minOf(it);
    if (!revMax || !revMin || !itMax || !itMin) continue;
    const highest = itMax.value / revMin.value;
    const lowest = itMin.value / revMax.value;
    const cite = [revMax.fact, revMin.fact, itMax.fact, itMin.fact];
    if (highest < SPEND_LOW * (1 - BENCHMARK_TOLERANCE)) {
      out.push(
        finding({
          ruleId: 'org.it_spend_ratio', subjectKeys: [companySubject(`it-spend:${currency}`)], type: 'risk', domain: 'organization', severity: 'medium', lens: 'cost_driver',
          title: `IT spend is ${pct(highest)} of revenue`,
          description: `IT spend at ${pct(highest)} of revenue points to under-investment: expect catch-up spend on infrastructure, security and staffing after the deal.`,
          because: `IT budget ${formatMoney(itMax.value, currency)} against revenue ${formatMoney(revMin.value, currency)}.`,
          threshold: `IT spend below ${pct(SPEND_LOW)} of revenue${tolerance}`, asOfDate: asOf, facts: cite,
        }),
      );
    } else if (lowest > SPEND_HIGH * (1 + BENCHMARK_TOLERANCE)) {
      out.push(
        finding({
          ruleId: 'org.it_spend_ratio', subjectKeys: [companySubject(`it-spend:${currency}`)], type: 'recommendation', domain: 'organization', severity: 'low', lens: 'synergy_opportunity',
          title: `IT spend is ${pct(lowest)} of revenue`,
          description: `IT spend at ${pct(lowest)} of revenue is high for most industries; review for consolidation and contract synergies.`,
          because: `IT budget ${formatMoney(itMin.value, currency)} against revenue ${formatMoney(revMax.value, currency)}.`,
          threshold: `IT spend above ${pct(SPEND_HIGH)} of revenue${tolerance}`, asOfDate: asOf, facts: cite,
        }),
      );
    }
  }
  return out;
}

function currencyOf(fact: FactRecord): string {
  return fact.value.type === 'money' ? fact.value.currency.toUpperCase() : '';
}

function ratio(n: number): string {
  return n.toFixed(3);
}

function pct(n: number): string {
  return `${(n * 100).toFixed(1)}%`;
}
