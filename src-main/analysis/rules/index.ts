import { ruleEnv, sortFindings, type RuleEnv } from './draft';
import { accessFindings } from './findings/access';
import { buyerFindings } from './findings/buyer';
import { commitmentFindings } from './findings/commitments';
import { peopleFindings } from './findings/people';
import { portfolioFindings } from './findings/portfolio';
import { separationFindings } from './findings/separation';
import { carveOutFindings } from './findings/carve-out';
import { consistencyFindings } from './findings/consistency';
import { endOfLifeFindings } from './findings/eol';
import { statedEndOfLifeFindings } from './findings/eol-stated';
import { expiryFindings } from './findings/expiry';
import { networkFindings } from './findings/network';
import { organizationFindings } from './findings/organization';
import { resilienceFindings } from './findings/resilience';
import { securityFindings } from './findings/security';
import type { FindingDraft, RuleContext } from './types';

export { deriveGaps } from './gaps';
export { CHECKLIST } from './checklist';

/**
 * Part of the engine version recorded on every run. Bump it whenever a rule, threshold, the
 * checklist or the shipped knowledge changes what gaps or findings a data room yields.
 */
export const RULES_VERSION = '3';

const FAMILIES: ReadonlyArray<(env: RuleEnv) => FindingDraft[]> = [
  endOfLifeFindings,
  statedEndOfLifeFindings,
  expiryFindings,
  accessFindings,
  resilienceFindings,
  securityFindings,
  organizationFindings,
  networkFindings,
  carveOutFindings,
  separationFindings,
  consistencyFindings,
  portfolioFindings,
  commitmentFindings,
  peopleFindings,
  buyerFindings,
];

/**
 * Findings from the committed facts and the gaps derived before them. Pure and deterministic:
 * the same facts, gaps and deal settings always give the same list in the same order.
 */
export function deriveFindings(ctx: RuleContext): FindingDraft[] {
  const env = ruleEnv(ctx);
  const seen = new Set<string>();
  const findings: FindingDraft[] = [];
  for (const family of FAMILIES) {
    for (const draft of family(env)) {
      // A finding that cites nothing would be a rule defect; the runner refuses those, so drop early.
      if (draft.factKeys.length === 0 && draft.gapItems.length === 0) continue;
      // Rule id and subjects form the finding's stable key, which must be unique within a run.
      const identity = `${draft.ruleId}\u001f${draft.subjectKeys.join('\u001f')}`;
      if (seen.has(identity)) continue;
      seen.add(identity);
      findings.push(draft);
    }
  }
  return sortFindings(findings);
}
