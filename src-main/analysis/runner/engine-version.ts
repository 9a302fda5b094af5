import { RULES_VERSION } from '../rules';

/**
 * Recorded on every run. Determinism (invariant 6) is promised for the same data room, deal
 * settings and engine version; bump EXTRACTOR_VERSION whenever parsing or extraction changes output.
 */
export const EXTRACTOR_VERSION = '3';
export const ENGINE_VERSION = `extract-${EXTRACTOR_VERSION}+rules-${RULES_VERSION}`;
