import type { FactIndex } from './fact-index';
import type { FactRecord } from './types';
import { mentions, textOf } from './values';

/**
 * Words that mark an application the business cannot run without. "High" alone is not enough:
 * escalations are reserved for what stops the business when it fails.
 */
const CRITICAL_WORDS = ['critical', 'mission critical', 'business critical', 'tier 1', 'tier1', 'tier 0', 'core'];

/** The criticality facts of an application that rate it critical (empty when it is not). */
export function criticalFacts(index: FactIndex, subjectKey: string): FactRecord[] {
  return index.subjectAttr(subjectKey, 'app_criticality').filter((f) => mentions(textOf(f.value), CRITICAL_WORDS));
}
