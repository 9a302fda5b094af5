import { capabilityViews, type CapabilityView } from '../capabilities';
import { companySubject, finding, type RuleEnv } from '../draft';
import type { FindingDraft } from '../types';

/**
 * Buyer against target, when the data room holds buyer documents: for each capability both run,
 * the same product is a merge (one tenant, one contract), a different one a candidate to replace
 * with the buyer's standard. These are the synergies and the integration work of the deal.
 */

export function buyerFindings(env: RuleEnv): FindingDraft[] {
  const buyer = env.buyer;
  if (buyer.all.length === 0) return [];
  const buyerViews = new Map<string, CapabilityView>(capabilityViews(buyer).map((v) => [v.capability.id, v]));
  const out: FindingDraft[] = [];
  for (const target of capabilityViews(env.facts)) {
    const theirs = buyerViews.get(target.capability.id);
    if (!theirs || theirs.uses.length === 0 || target.uses.length === 0) continue;
    const { capability } = target;
    const buyerFamilies = new Set(theirs.uses.map((u) => u.family));
    const same = target.uses.filter((u) => buyerFamilies.has(u.family));
    const different = target.uses.filter((u) => !buyerFamilies.has(u.family));
    const targetNames = target.uses.map((u) => u.names[0] ?? u.family).join(', ');
    const buyerNames = theirs.uses.map((u) => u.names[0] ?? u.family).join(', ');
    const merge = different.length === 0;
    out.push(
      finding({
        ruleId: 'buyer.overlap', subjectKeys: [companySubject(`overlap:${capability.id}`)], type: merge ? 'recommendation' : 'strategic_consideration',
        domain: capability.id === 'edr' || capability.id === 'siem' || capability.id === 'email_security' ? 'cybersecurity' : capability.id === 'identity' ? 'identity_access' : 'applications',
        severity: capability.core ? 'medium' : 'low', lens: 'synergy_opportunity',
        title: merge ? `${capability.label}: both run ${targetNames} (merge)` : `${capability.label}: target ${targetNames}, buyer ${buyerNames} (consolidate)`,
        description: merge
          ? `Buyer and target both run ${targetNames} for ${capability.label}. Merging the tenants or instances and the contracts is a licence and support synergy; plan the data and configuration merge.`
          : `The target runs ${targetNames} for ${capability.label}; the buyer's standard is ${buyerNames}. The target's platform is a candidate to retire onto the buyer's, with migration cost against licence and support savings${same.length > 0 ? ` (${same.map((u) => u.names[0]).join(', ')} already matches)` : ''}.`,
        because: `target facts name ${targetNames} and buyer facts name ${buyerNames} for ${capability.label}.`,
        threshold: 'buyer and target documents both name a platform for the same capability',
        asOfDate: env.deal.asOfDate,
        facts: [...target.uses.flatMap((u) => u.facts), ...theirs.uses.flatMap((u) => u.facts)],
      }),
    );
  }
  return out;
}
