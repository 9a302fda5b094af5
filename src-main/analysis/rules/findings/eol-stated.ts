import { findAllEndOfLife } from '../../knowledge/eol';
import { companySubject, finding, type RuleEnv } from '../draft';
import type { FactRecord, FindingDraft } from '../types';
import { addMonths, mentions, quoteFacts, textOf } from '../values';

/**
 * Platforms the documents themselves call end-of-life or unsupported ("Cisco Catalyst 6500 (2005,
 * EOL)", "no vendor support available") where the shipped end-of-life data has nothing to say:
 * hardware models, storage arrays and products it does not cover. What the data does cover is
 * left to the dated end-of-life findings, so nothing is reported twice.
 */

const APPROACHING = ['approaching eol', 'approaching end of life', 'approaching end of support', 'nearing end of life'];

export function statedEndOfLifeFindings(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const horizon = addMonths(asOf, 6);
  const uncovered = env.facts.company('stated_end_of_support').filter(
    (f) => !findAllEndOfLife(textOf(f.value), asOf).some((m) => m.isPastEol || (m.eol !== null && m.eol <= horizon)),
  );
  const approaching = uncovered.filter((f) => mentions(textOf(f.value), APPROACHING));
  const past = uncovered.filter((f) => !approaching.includes(f));
  const out: FindingDraft[] = [];
  const add = (facts: FactRecord[], ended: boolean): void => {
    if (facts.length === 0) return;
    out.push(
      finding({
        ruleId: ended ? 'eol.stated' : 'eol.stated_approaching', subjectKeys: [companySubject(ended ? 'stated-eol' : 'stated-eol-approaching')], type: 'risk',
        domain: 'infrastructure', severity: ended ? 'high' : 'medium', lens: ended ? 'day_1_continuity' : 'cost_driver',
        title: ended ? `${facts.length} platform${facts.length === 1 ? '' : 's'} the documents call end-of-life or unsupported` : `${facts.length} platform${facts.length === 1 ? '' : 's'} the documents call close to end of life`,
        description: `The documents themselves say these are ${ended ? 'past end of life or without vendor support' : 'approaching end of life'}: ${quoteFacts(facts)}. ${ended ? 'Without support there are no fixes or spare parts; each needs a replacement plan.' : 'Replacement belongs in the first-year budget.'}`,
        because: `${facts.length} statement${facts.length === 1 ? '' : 's'} in the documents: ${quoteFacts(facts)}; the shipped end-of-life data has no date for them.`,
        threshold: ended ? 'a platform stated as end-of-life, out of support or without vendor support' : 'a platform stated as approaching end of life',
        asOfDate: asOf, facts,
      }),
    );
  };
  add(past, true);
  add(approaching, false);
  return out;
}
