import { benchmarkCost, companySize } from '../benchmarks';
import { companySubject, finding, type RuleEnv } from '../draft';
import type { FindingDraft } from '../types';
import { isNone, mentions, quoteFacts, textOf, words } from '../values';

/**
 * Commitments that constrain what the buyer can do after closing: change-of-control terms in
 * contracts, data that must stay where it is, and a site lease that cannot be ended early.
 */

export function commitmentFindings(env: RuleEnv): FindingDraft[] {
  return [...changeOfControl(env), ...residency(env), ...leases(env)];
}

const TERMINATION = ['terminate', 'terminated', 'termination', 'termination right', 'invoke', 'may not transfer', 'consent'];

function changeOfControl(env: RuleEnv): FindingDraft[] {
  const facts = env.facts.company('change_of_control').filter((f) => !/^none\b/i.test(textOf(f.value)));
  if (facts.length === 0) return [];
  const termination = facts.filter((f) => mentions(textOf(f.value), TERMINATION));
  const cost = benchmarkCost('MA-008', companySize(env.facts));
  return [
    finding({
      ruleId: 'contract.change_of_control', subjectKeys: [companySubject('change-of-control')], type: 'risk', domain: 'organization',
      severity: termination.length > 0 ? 'high' : 'medium', lens: 'day_1_continuity',
      title: termination.length > 0 ? 'Contracts a vendor may terminate or must consent to on change of control' : 'Contracts need notice or consent on assignment',
      description: `Change-of-control or assignment terms apply: ${quoteFacts(facts)}. Notices and consents must be served before closing, and a vendor with a termination right can reprice or walk away; plan the alternative for each.`,
      because: `the documents state ${quoteFacts(facts)}. Remediation is priced like ${cost.note}.`,
      threshold: 'any change-of-control or assignment clause in a key contract; high when the vendor can terminate or must consent',
      asOfDate: env.deal.asOfDate, facts,
    }),
  ];
}

const CONSTRAINT = /\b(?:must (?:remain|stay|reside)|cannot (?:be )?(?:migrat\w*|mov\w*|leave)|(?:constrained|restricted) (?:initially )?to|only in|until|residency (?:constraint|requirement))\b/;

function residency(env: RuleEnv): FindingDraft[] {
  const facts = env.facts.company('data_residency').filter((f) => !isNone(f) && CONSTRAINT.test(words(textOf(f.value))));
  if (facts.length === 0) return [];
  const asOf = env.deal.asOfDate;
  return [
    finding({
      ruleId: 'data.residency', subjectKeys: [companySubject('data-residency')], type: 'risk', domain: 'cybersecurity', severity: 'medium',
      lens: 'separation_complexity',
      title: 'Data residency constrains where data can move',
      description: `Some data must stay where it is for now (${quoteFacts(facts)}). Migration waves, the buyer's tooling and any consolidation must respect the constraint until it is lifted, and evidence of compliance is needed to lift it.`,
      because: `a residency constraint is stated: ${quoteFacts(facts)}.`,
      threshold: 'any stated requirement that data remain in a region, provider or environment',
      asOfDate: asOf, facts,
    }),
  ];
}

const LOCKED = ['non cancellable', 'non cancelable', 'noncancellable', 'cannot be cancelled', 'cannot be terminated', 'minimum term', 'early termination fee', 'lock in', 'locked in'];

function leases(env: RuleEnv): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const key of env.facts.subjectsOfKind('data_center')) {
    const facts = env.facts.subjectAttr(key, 'data_center_lease_terms').filter((f) => mentions(textOf(f.value), LOCKED));
    if (facts.length === 0) continue;
    const name = env.facts.subjectName(key);
    const cost = env.facts.subjectAttr(key, 'data_center_type');
    out.push(
      finding({
        ruleId: 'site.lease_constraint', subjectKeys: [key], type: 'risk', domain: 'infrastructure', severity: 'medium', lens: 'cost_driver',
        title: `${name}: lease cannot be ended early`,
        description: `The ${name} facility is committed (${quoteFacts(facts)}). Any consolidation or exit before the commitment ends leaves stranded cost: its rent runs on while the workloads move.`,
        because: `the lease terms for ${name} read ${quoteFacts(facts)}.`,
        threshold: 'a site lease or colocation contract that cannot be cancelled early',
        asOfDate: env.deal.asOfDate, facts: [...facts, ...cost],
      }),
    );
  }
  return out;
}
