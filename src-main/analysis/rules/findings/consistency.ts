import { ATTRIBUTES, type AttributeName } from '../../extract/vocabulary';
import { attributeLabel, describeContradiction, findContradictions, findPlatformDisagreements } from '../contradictions';
import { companySubject, finding, type RuleEnv } from '../draft';
import { citeFact } from '../fact-index';
import type { FindingDraft } from '../types';
import { formatMoney, numberOf, showValue } from '../values';

/**
 * Figures that do not add up: a stated total against the sum of the rows it summarises, and the
 * same company-level figure stated differently in two documents.
 */

const STATED_VS_COMPUTED: ReadonlyArray<[AttributeName, AttributeName]> = [
  ['app_total_annual_cost', 'app_total_annual_cost_computed'],
  ['application_count', 'application_count_computed'],
];

const SECURITY_PLATFORMS: ReadonlySet<string> = new Set(['edr_product', 'siem_product', 'pam_product', 'security_leader', 'soc_model']);

export function consistencyFindings(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const out: FindingDraft[] = [];
  for (const [statedAttr, computedAttr] of STATED_VS_COMPUTED) {
    const stated = env.facts.company(statedAttr);
    const computed = env.facts.company(computedAttr);
    const pairs = stated.flatMap((s) => computed.map((c) => ({ s, c }))).filter(({ s, c }) => {
      const a = numberOf(s);
      const b = numberOf(c);
      // Any difference counts, even $3 on $7M: a total that is off by a little still means a row is
      // missing or wrong. Half a cent absorbs floating-point noise from summing the rows.
      return a !== null && b !== null && Math.abs(a - b) > 0.005;
    });
    if (pairs.length === 0) continue;
    const facts = pairs.flatMap(({ s, c }) => [s, c]);
    const detail = pairs.map(({ s, c }) => `stated ${showValue(s.value)} (${citeFact(s)}) vs sum of rows ${showValue(c.value)} (${citeFact(c)})`).join('; ');
    out.push(
      finding({
        ruleId: 'consistency.total', subjectKeys: [companySubject(statedAttr)], type: 'risk', domain: 'applications', severity: 'low', lens: 'cost_driver',
        title: `${attributeLabel(statedAttr)} does not match the inventory`,
        description: `The stated total and the sum of the inventory rows differ (${detail}); either rows are missing or the total is out of date.`,
        because: `${detail}.`, threshold: 'any difference between a stated total and the sum of its rows', asOfDate: asOf, facts,
      }),
    );
  }
  for (const c of findContradictions(env.facts)) {
    out.push(
      finding({
        ruleId: 'consistency.figure', subjectKeys: [companySubject(c.attribute)], type: 'risk', domain: ATTRIBUTES[c.attribute].domain, severity: 'medium', lens: 'cost_driver',
        title: `Documents disagree: ${attributeLabel(c.attribute)}`,
        description: `${attributeLabel(c.attribute)} is stated as ${describeContradiction(c)}. Valuation and integration plans need the correct figure.`,
        because: `the same company-level figure has different values in different documents: ${describeContradiction(c)}.`,
        threshold: 'two different values of one company-level figure from different documents', asOfDate: asOf, facts: c.facts,
      }),
    );
  }
  out.push(...budgetCoverage(env));
  for (const c of findPlatformDisagreements(env.facts)) {
    const security = SECURITY_PLATFORMS.has(c.attribute);
    out.push(
      finding({
        ruleId: 'consistency.platform', subjectKeys: [companySubject(`platform:${c.attribute}`)], type: 'risk', domain: ATTRIBUTES[c.attribute].domain,
        severity: 'medium', lens: security ? 'day_1_continuity' : 'cost_driver',
        title: `Documents disagree: ${attributeLabel(c.attribute)}`,
        description: `The documents describe ${attributeLabel(c.attribute).toLowerCase()} differently: ${describeContradiction(c)}. Until the target says which is current, plans and costs may rest on the wrong platform${security ? ', and a control may be missing' : ''}.`,
        because: `different documents state ${describeContradiction(c)}.`,
        threshold: 'one document says none or names one product, another names a different product or version', asOfDate: asOf, facts: c.facts,
      }),
    );
  }
  return out;
}

/** Stated IT cost components, each at its lowest stated value, against the highest stated budget. */
const COMPONENTS: ReadonlyArray<[AttributeName, string]> = [
  ['it_personnel_cost', 'personnel'],
  ['app_total_annual_cost', 'applications'],
  ['infra_spend', 'infrastructure'],
];
const BUDGET_SLACK = 0.1;

function budgetCoverage(env: RuleEnv): FindingDraft[] {
  const budgets = env.facts.company('it_budget').filter((f) => numberOf(f) !== null);
  if (budgets.length === 0) return [];
  const budget = budgets.reduce((a, b) => ((numberOf(a) ?? 0) >= (numberOf(b) ?? 0) ? a : b));
  const parts = COMPONENTS.flatMap(([attribute, label]) => {
    const facts = env.facts.company(attribute).filter((f) => numberOf(f) !== null);
    if (facts.length === 0) return [];
    const lowest = facts.reduce((a, b) => ((numberOf(a) ?? 0) <= (numberOf(b) ?? 0) ? a : b));
    return [{ label, fact: lowest, amount: numberOf(lowest) ?? 0 }];
  });
  const total = parts.reduce((n, p) => n + p.amount, 0);
  const stated = numberOf(budget) ?? 0;
  if (parts.length < 2 || total <= stated * (1 + BUDGET_SLACK)) return [];
  const currency = budget.value.type === 'money' ? budget.value.currency : 'USD';
  const detail = `${parts.map((p) => `${p.label} ${formatMoney(p.amount, currency)} (${citeFact(p.fact)})`).join(' + ')} = ${formatMoney(total, currency)} against an IT budget of ${formatMoney(stated, currency)} (${citeFact(budget)})`;
  return [
    finding({
      ruleId: 'consistency.budget', subjectKeys: [companySubject('budget-coverage')], type: 'risk', domain: 'organization', severity: 'medium', lens: 'cost_driver',
      title: 'Stated IT costs exceed the stated IT budget',
      description: `The cost components the documents state add up to more than the IT budget (${detail}). Either IT is paid for outside the budget or a figure is wrong; the true run rate matters for the valuation.`,
      because: `${detail}.`,
      threshold: `stated components exceeding the budget by more than ${BUDGET_SLACK * 100}%`,
      asOfDate: env.deal.asOfDate, facts: [budget, ...parts.map((p) => p.fact)],
    }),
  ];
}
