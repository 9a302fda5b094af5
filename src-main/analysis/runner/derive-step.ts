import type { Repositories } from '../../repositories';
import { findingKey, gapKey } from '../keys';
import { deriveFindings, deriveGaps } from '../rules';
import type { GapDraft } from '../rules/types';
import type { RunSettings } from './settings';

type Ids = { dealId: number; runId: number };

/** Derives the checklist gaps from the run's committed facts; each gap is committed as produced. */
export function deriveAndStoreGaps(repos: Repositories, ids: Ids, settings: RunSettings, checkCancelled: () => void): GapDraft[] {
  const facts = repos.facts.recordsForRun(ids.runId);
  const gaps = deriveGaps({ deal: settings, facts });
  for (const gap of gaps) {
    checkCancelled();
    repos.gaps.upsert({ ...ids, stableKey: gapKey(gap.checklistItem) }, gap);
  }
  return gaps;
}

/**
 * Derives findings from the committed facts and gaps; each finding is committed with the facts
 * and gaps it cites. A finding that cites nothing is a rule defect and is not stored.
 */
export function deriveAndStoreFindings(repos: Repositories, ids: Ids, settings: RunSettings, gaps: GapDraft[], checkCancelled: () => void): void {
  const facts = repos.facts.recordsForRun(ids.runId);
  const factIdByKey = new Map(facts.map((f) => [f.stableKey, f.id]));
  const gapIdByItem = repos.gaps.idsByChecklistItem(ids.runId);
  for (const finding of deriveFindings({ deal: settings, facts, gaps })) {
    checkCancelled();
    const factIds = finding.factKeys.map((k) => factIdByKey.get(k)).filter((id): id is number => id !== undefined);
    const gapIds = finding.gapItems.map((g) => gapIdByItem.get(g)).filter((id): id is number => id !== undefined);
    if (factIds.length === 0 && gapIds.length === 0) {
      throw new Error(`Rule ${finding.ruleId} produced a finding ("${finding.title}") that cites no fact or gap.`);
    }
    repos.findings.upsert({ ...ids, stableKey: findingKey(finding.ruleId, finding.subjectKeys) }, finding, { factIds, gapIds });
  }
}
