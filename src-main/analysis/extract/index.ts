// The fact extractor: a parsed document in, typed facts out, using only the shared attribute
// vocabulary. Pure, synchronous and deterministic: the same document gives the same facts in the
// same order (blocks in document order, then tables), which the runner's idempotent writes rely on.

import type { ParsedDocument } from '../parsers/types';
import { FactSink } from './facts';
import { extractFromBlocks } from './prose';
import { docContext } from './scope';
import { extractFromTables } from './tables';
import type { ExtractedFact } from './types';

export type { ExtractedFact, FactEvidence, FactValue, SubjectRef } from './types';

export function extractFacts(doc: ParsedDocument): ExtractedFact[] {
  const sink = new FactSink();
  const ctx = docContext(doc);
  extractFromBlocks(doc, ctx, sink);
  extractFromTables(doc, ctx, sink);
  return sink.facts;
}
