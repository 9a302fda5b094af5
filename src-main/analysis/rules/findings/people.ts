import { benchmarkCost, companySize } from '../benchmarks';
import { companySubject, finding, type RuleEnv } from '../draft';
import type { FindingDraft } from '../types';
import { mentions, quoteFacts, textOf } from '../values';

/**
 * The IT organisation's stability and what it has put off: a vacant IT leadership role, staff
 * leaving or looking to leave, and investment that has been deferred or left unfunded.
 */

export function peopleFindings(env: RuleEnv): FindingDraft[] {
  return [...leadership(env), ...attrition(env), ...deferred(env)];
}

function leadership(env: RuleEnv): FindingDraft[] {
  const vacant = env.facts.company('it_leader').filter((f) => mentions(textOf(f.value), ['vacant']));
  if (vacant.length === 0) return [];
  const keyPeople = env.facts.company('key_person_dependency');
  return [
    finding({
      ruleId: 'org.leadership_vacancy', subjectKeys: [companySubject('it-leader-vacant')], type: 'risk', domain: 'organization',
      severity: keyPeople.length > 0 ? 'high' : 'medium', lens: 'day_1_continuity',
      title: `IT leadership role vacant: ${[...new Set(vacant.map((f) => textOf(f.value).replace(/\s*\(vacant\)/i, '')))].join(', ')}`,
      description: 'Nobody leads IT today. Integration decisions, vendor negotiations and the Day-1 plan need an accountable leader on the target side; an interim leader or retention of the next in line should be agreed before signing.',
      because: `the IT leader is stated as ${quoteFacts(vacant)}${keyPeople.length > 0 ? ', and knowledge already rests with a few individuals' : ''}.`,
      threshold: 'a vacant CIO, CTO, IT director or head of IT; high when key-person dependencies are also stated',
      asOfDate: env.deal.asOfDate, facts: [...vacant, ...keyPeople],
    }),
  ];
}

function attrition(env: RuleEnv): FindingDraft[] {
  const facts = env.facts.company('it_attrition');
  if (facts.length === 0) return [];
  return [
    finding({
      ruleId: 'org.attrition', subjectKeys: [companySubject('attrition')], type: 'risk', domain: 'organization', severity: 'high', lens: 'day_1_continuity',
      title: 'IT staff are leaving or looking to leave',
      description: `The documents report turnover or flight risk in IT (${quoteFacts(facts)}). A deal announcement accelerates departures; retention agreements for the people who hold system knowledge should be part of the deal.`,
      because: `turnover or flight risk is stated: ${quoteFacts(facts)}.`,
      threshold: 'stated high turnover, flight risk, or a share of IT staff looking to leave',
      asOfDate: env.deal.asOfDate, facts,
    }),
  ];
}

const AMOUNT = /\$\s?(\d[\d.,]*)\s?(k|m|b|million|billion)?\b/gi;

/** The largest amount named in the texts, in dollars, or null. */
function largestAmount(texts: readonly string[]): number | null {
  let best: number | null = null;
  for (const t of texts) {
    for (const m of t.matchAll(AMOUNT)) {
      const n = Number((m[1] ?? '').replace(/,/g, ''));
      const unit = (m[2] ?? '').toLowerCase();
      const value = n * (unit.startsWith('b') ? 1e9 : unit.startsWith('m') ? 1e6 : unit === 'k' ? 1e3 : 1);
      if (Number.isFinite(value) && (best === null || value > best)) best = value;
    }
  }
  return best;
}

function deferred(env: RuleEnv): FindingDraft[] {
  const facts = env.facts.company('deferred_investment');
  if (facts.length === 0) return [];
  const amount = largestAmount(facts.map((f) => textOf(f.value)));
  const benchmark = benchmarkCost('INFRA-003', companySize(env.facts));
  const band = amount === null ? benchmark.band : amount < 25e3 ? 'under_25k' : amount < 100e3 ? '25k_100k' : amount < 500e3 ? '100k_500k' : amount < 1e6 ? '500k_1m' : 'over_1m';
  return [
    finding({
      ruleId: 'org.deferred_investment', subjectKeys: [companySubject('deferred-investment')], type: 'work_item', domain: 'organization',
      severity: amount !== null && amount >= 1e6 ? 'high' : 'medium', lens: 'cost_driver', phase: 'day_100', costBand: band,
      title: `Fund deferred IT investment${amount !== null ? ` (largest item stated: $${amount.toLocaleString('en-US')})` : ''}`,
      description: `The documents describe investment that has been put off or left unfunded (${quoteFacts(facts)}). It becomes the buyer's cost after closing and belongs in the valuation and the Day-100 budget.`,
      because: `deferred or unfunded work is stated: ${quoteFacts(facts)}; cost band ${amount !== null ? 'from the largest amount stated' : `from ${benchmark.note}`}.`,
      threshold: 'any stated deferred maintenance, unfunded project or backlog; high when an item is $1M or more',
      asOfDate: env.deal.asOfDate, facts,
    }),
  ];
}
