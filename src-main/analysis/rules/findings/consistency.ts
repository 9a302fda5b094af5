import { ATTRIBUTES, type AttributeName } from '../../extract/vocabulary';
import { attributeLabel, describeContradiction, findContradictions } from '../contradictions';
import { companySubject, finding, type RuleEnv } from '../draft';
import { citeFact } from '../fact-index';
import type { FindingDraft } from '../types';
import { numberOf, textOf } from '../values';

/**
 * Figures that do not add up: a stated total against the sum of the rows it summarises, and the
 * same company-level figure stated differently in two documents.
 */

const STATED_VS_COMPUTED: ReadonlyArray<[AttributeName, AttributeName]> = [
  ['app_total_annual_cost', 'app_total_annual_cost_computed'],
  ['application_count', 'application_count_computed'],
];

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
    const detail = pairs.map(({ s, c }) => `stated ${textOf(s.value)} (${citeFact(s)}) vs sum of rows ${textOf(c.value)} (${citeFact(c)})`).join('; ');
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
  return out;
}
