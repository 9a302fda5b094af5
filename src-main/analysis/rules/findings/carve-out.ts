import { benchmarkCost, companySize } from '../benchmarks';
import { companySubject, finding, type RuleEnv } from '../draft';
import { isSeparationDeal, parentFacts, parentServiceNames } from '../parent-services';
import type { FindingDraft } from '../types';

/**
 * Carve-out dependencies: everything the parent provides today must be replaced or contracted
 * under a TSA before Day 1. One strategic consideration sums up the exposure; one work item
 * carries the TSA negotiation and exit plan.
 */

export function carveOutFindings(env: RuleEnv): FindingDraft[] {
  const facts = parentFacts(env.facts);
  if (facts.length === 0) return [];
  const asOf = env.deal.asOfDate;
  const separation = isSeparationDeal(env.deal.dealType);
  const services = parentServiceNames(facts);
  const shown = services.length > 6 ? `${services.slice(0, 6).join('; ')} and ${services.length - 6} more` : services.join('; ');
  const missingTerms = env.gaps.get('ORG-11');
  const gapItems = [...env.gaps.values()].filter((g) => g.kind === 'provided_by_parent').map((g) => g.checklistItem);
  const cost = benchmarkCost('MA-006', companySize(env.facts));
  const severity = separation ? 'high' : 'medium';
  return [
    finding({
      ruleId: 'carveout.parent_dependency', subjectKeys: [companySubject('parent-services')], type: 'strategic_consideration', domain: 'organization',
      severity, lens: 'tsa_exposure',
      title: `${services.length} IT service${services.length === 1 ? ' depends' : 's depend'} on the parent`,
      description: `The target relies on the parent for: ${shown}. Each needs a TSA line (scope, service levels, term, price) and an exit plan; together they set the separation timeline and TSA cost.`,
      because: `${facts.length} fact${facts.length === 1 ? '' : 's'} state parent-provided services or TSA lines${separation ? ' in a separation deal' : ''}${gapItems.length > 0 ? `; areas without TSA terms: ${gapItems.join(', ')}` : ''}.`,
      threshold: 'any parent-provided service; high in a carve-out or divestiture',
      asOfDate: asOf, facts, gapItems,
    }),
    finding({
      ruleId: 'carveout.tsa_plan', subjectKeys: [companySubject('parent-services')], type: 'work_item', domain: 'organization', severity, lens: 'tsa_exposure',
      phase: 'day_1', costBand: cost.band,
      title: 'Agree TSA schedules and exit plans for parent services',
      description: `Before signing, agree a TSA schedule per parent service (${shown}) with service levels, term and monthly price, and plan the exit from each within the TSA term.`,
      because: `the parent provides ${services.length} service${services.length === 1 ? '' : 's'}${missingTerms ? `; checklist ORG-11 is ${missingTerms.kind.replace(/_/g, ' ')}` : ''}. Cost band from ${cost.note}.`,
      threshold: 'every parent service needs a signed TSA line by Day 1',
      asOfDate: asOf, facts, gapItems: missingTerms ? ['ORG-11', ...gapItems] : gapItems,
    }),
  ];
}
