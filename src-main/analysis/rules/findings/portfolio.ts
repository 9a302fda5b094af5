import { capabilityViews, documentIds, type PlatformUse } from '../capabilities';
import { companySubject, finding, type RuleEnv } from '../draft';
import { citeFact, compare } from '../fact-index';
import { parentFacts } from '../parent-services';
import type { FactRecord, FindingDraft } from '../types';
import { mentions, quoteFacts, textOf } from '../values';

/**
 * The target's own portfolio: two or more platforms doing one job (two ERPs, two EDR agents) are
 * consolidation candidates and, for security tools, places where coverage falls between two
 * consoles; and licence exposure the documents disclose.
 */

const SECURITY_CAPABILITIES: ReadonlySet<string> = new Set(['edr', 'siem', 'identity', 'email_security']);

export function portfolioFindings(env: RuleEnv): FindingDraft[] {
  return [...duplicates(env), ...licences(env)];
}

const place = (f: FactRecord): string[] => f.evidence.map((e) => `${e.documentId}|${JSON.stringify(e.location)}`);

/**
 * Two platforms stated side by side in one document (or one inventory), each also on a line of
 * its own: not a disagreement between documents, and not one stack written on one line
 * ("SIEM: Datadog + AWS Security Hub").
 */
function statedTogether(uses: readonly PlatformUse[]): boolean {
  const docsPerUse = uses.map((u) => documentIds(u.facts));
  const all = new Set(docsPerUse.flatMap((d) => [...d]));
  if (![...all].some((doc) => docsPerUse.filter((d) => d.has(doc)).length >= 2)) return false;
  const places = uses.map((u) => new Set(u.facts.flatMap(place)));
  return places.some((a, i) => places.some((b, j) => i !== j && [...a].some((p) => !b.has(p))));
}

function duplicates(env: RuleEnv): FindingDraft[] {
  const asOf = env.deal.asOfDate;
  const parent = parentFacts(env.facts);
  // What the parent runs for the target is a separation question, not a second platform.
  const parentPlaces = new Set(parent.flatMap(place));
  const parentSubjects = new Set(parent.map((f) => f.subjectKey).filter((k): k is string => k !== null));
  // An application in the target's own inventory (with users, cost or criticality) is the target's
  // platform even when it depends on the parent today (shared, parent-hosted, under a TSA): two
  // CRMs on the inventory are still two CRMs to consolidate, whoever hosts them. Only a platform
  // named solely in a statement of what the parent provides is left to the separation findings.
  const parentOnly = (f: FactRecord): boolean => f.subjectKind !== 'application' && ((f.subjectKey !== null && parentSubjects.has(f.subjectKey)) || place(f).some((p) => parentPlaces.has(p)));
  const ownUse = (u: PlatformUse): boolean => !u.facts.every(parentOnly);
  const out: FindingDraft[] = [];
  for (const view of capabilityViews(env.facts)) {
    const { capability } = view;
    const uses = view.uses.filter(ownUse);
    if (capability.duplicates === false || uses.length < 2 || !statedTogether(uses)) continue;
    const names = uses.map((u) => u.names[0] ?? u.family);
    const security = SECURITY_CAPABILITIES.has(capability.id);
    const facts: FactRecord[] = uses.flatMap((u) => u.facts);
    out.push(
      finding({
        ruleId: 'apps.duplicate_platform', subjectKeys: [companySubject(`duplicate:${capability.id}`)], type: 'recommendation',
        domain: security ? 'cybersecurity' : 'applications', severity: capability.core || security ? 'medium' : 'low', lens: 'synergy_opportunity',
        title: `${capability.label}: ${uses.length} platforms in use (${names.join(', ')})`,
        description: security
          ? `${names.join(' and ')} both serve as ${capability.label}. Two tools for one control double licence and run cost and leave gaps where each assumes the other covers a system; choose one and retire the other.`
          : `${names.join(', ')} all serve as ${capability.label}. Running them side by side multiplies licences, interfaces and skills; they are candidates to consolidate onto one platform.`,
        because: `${uses.map((u) => `${u.names.join(' / ')}${u.facts[0] ? ` (${citeFact(u.facts[0])})` : ''}`).join('; ')} are stated for ${capability.label}.`,
        threshold: 'two or more different products serving one capability, stated together in one document or inventory',
        asOfDate: asOf, facts,
      }),
    );
  }
  return out.sort((a, b) => compare(a.title, b.title));
}

const AMOUNT = /\$\s?\d[\d.,]*\s?(?:[kmb]|million|billion)?/i;

function licences(env: RuleEnv): FindingDraft[] {
  const facts = env.facts.company('licence_exposure');
  if (facts.length === 0) return [];
  const texts = facts.map((f) => textOf(f.value));
  const unlicensed = texts.some((t) => mentions(t, ['unlicensed', 'unlicenced', 'under licensed', 'sa lapsed', 'indirect access']));
  const amount = texts.map((t) => AMOUNT.exec(t)?.[0]).find((a): a is string => a !== undefined);
  return [
    finding({
      ruleId: 'apps.licence_exposure', subjectKeys: [companySubject('licence-exposure')], type: 'risk', domain: 'applications',
      severity: unlicensed || amount ? 'high' : 'medium', lens: 'cost_driver',
      title: `Software licence exposure${amount ? ` (up to ${amount.trim()} stated)` : ''}`,
      description: `The documents disclose licence audit or compliance exposure: ${quoteFacts(facts)}. True-up costs and audit findings become the buyer's after closing; price them or cover them with an indemnity.`,
      because: `licence exposure is stated: ${quoteFacts(facts)}.`,
      threshold: 'any stated licence audit, true-up, indirect-access or unlicensed use; high when unlicensed use or an amount is stated',
      asOfDate: env.deal.asOfDate, facts,
    }),
  ];
}
