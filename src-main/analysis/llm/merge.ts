import { locationKey } from '../../repositories/fact-writer';
import type { KeyedFact } from '../runner/document-step';

export interface MergeCounts {
  kept: number;
  duplicates: number;
  conflicts: number;
}

/**
 * Adds a model's facts to the rules' facts of the same document; the rules win. A model fact with
 * a rule fact's stable key says nothing new (dropped as a duplicate: the fact stays the rules', with
 * their evidence). A model fact reading the same place as a rule fact for the same subject and
 * attribute, with another value, is a second reading of the same text: the rules' reading stands
 * (dropped as a conflict). A different value stated elsewhere in the document is kept: documents do
 * contradict themselves, and the contradiction rules should see it.
 */
export function mergeModelFacts(rules: readonly KeyedFact[], model: readonly KeyedFact[], counts: MergeCounts): KeyedFact[] {
  const ruleKeys = new Set(rules.map((f) => f.stableKey));
  const ruleSlots = new Set(rules.map(slotOf));
  const kept: KeyedFact[] = [];
  for (const fact of model) {
    if (ruleKeys.has(fact.stableKey)) counts.duplicates += 1;
    else if (ruleSlots.has(slotOf(fact))) counts.conflicts += 1;
    else kept.push(fact);
  }
  counts.kept = kept.length;
  // Rules first: within the document, a fact row takes the wording of its first writer.
  return [...rules, ...kept];
}

function slotOf(fact: KeyedFact): string {
  return [fact.subjectKey ?? 'company', fact.fact.attribute, locationKey(fact.fact.evidence.location)].join('\u001f');
}
