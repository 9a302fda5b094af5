import { z } from 'zod';
import { DOMAIN_LABELS, DOMAINS, type Domain } from '../../../src-shared/domain';
import { ATTRIBUTES, type AttributeName } from '../extract/vocabulary';
import type { TextChunk } from '../runner/document-text';

// What the model is asked. The answer is organised per domain, each fact naming an attribute of the
// shared vocabulary (the same names the rules produce and the checklist reads), so a model fact and
// a rule fact about the same thing get the same stable key.

/** Attributes a model may state: the vocabulary minus the figures the engine computes itself. */
export const MODEL_ATTRIBUTES: Record<Domain, AttributeName[]> = Object.fromEntries(
  DOMAINS.map((domain) => [domain, (Object.keys(ATTRIBUTES) as AttributeName[]).filter((a) => ATTRIBUTES[a].domain === domain && !a.endsWith('_computed'))]),
) as Record<Domain, AttributeName[]>;

function factItem(domain: Domain) {
  const names = MODEL_ATTRIBUTES[domain];
  return z.strictObject({
    attribute: z.enum(names as [AttributeName, ...AttributeName[]]),
    subject: z.string().nullable(),
    value: z.string(),
    quote: z.string(),
  });
}

/** The structured output requested: one list of facts per domain. */
export const RequestedAnswer = z.strictObject(Object.fromEntries(DOMAINS.map((d) => [d, z.array(factItem(d))])) as Record<Domain, z.ZodArray<ReturnType<typeof factItem>>>);

export const ANSWER_SCHEMA_NAME = 'diligence_facts';
export const ANSWER_JSON_SCHEMA = z.toJSONSchema(RequestedAnswer) as Record<string, unknown>;

function attributeLine(name: AttributeName): string {
  const spec = ATTRIBUTES[name];
  const about = spec.subject ? `subject: the ${spec.subject.replace(/_/g, ' ')}'s name` : 'subject: null (the company)';
  return `- ${name}: ${spec.label} (${about}; value: ${spec.type})`;
}

const VALUE_RULES = [
  'Value formats: text as written; number as digits ("12"); money with its currency as written ("$2.4M", "EUR 180,000");',
  'percent as "85%"; date as written or ISO ("March 2026", "2026-03-31"); boolean as "true" or "false".',
].join(' ');

/** Instructions and the vocabulary; the same for every part of every document. */
export const SYSTEM_PROMPT = [
  'You read documents from the data room of a company being acquired and extract IT due-diligence facts.',
  'Extract only what the text states. Never infer, estimate or use outside knowledge.',
  'For every fact, "quote" must be copied exactly, character for character, from the document text: the shortest',
  'sentence, line or table row that states the fact (at most 300 characters). A fact without such a quote is wrong.',
  'Use only the attributes listed below, under their domain. "subject" names the application, server, vendor or other',
  'thing the fact is about, as the document writes it, or is null for facts about the company as a whole.',
  VALUE_RULES,
  'Return empty lists when a domain has nothing. Answer with JSON only, in the requested schema.',
  '',
  ...DOMAINS.flatMap((domain) => [`${DOMAIN_LABELS[domain]} (${domain}):`, ...MODEL_ATTRIBUTES[domain].map(attributeLine), '']),
].join('\n');

/** One request's share of a document: consecutive located pieces of its text. */
export interface DocumentPart {
  chunks: TextChunk[];
  user: string;
}

/**
 * Cuts a document's located text into parts of at most maxChars (a piece longer than that goes
 * alone), in document order. Deterministic: the same text gives the same parts, hence the same
 * requests and cache keys on every run.
 */
export function documentParts(chunks: readonly TextChunk[], maxChars: number): DocumentPart[] {
  const parts: DocumentPart[] = [];
  let current: TextChunk[] = [];
  let size = 0;
  const flush = () => {
    if (current.length === 0) return;
    parts.push({ chunks: current, user: userMessage(current) });
    current = [];
    size = 0;
  };
  for (const chunk of chunks) {
    if (size > 0 && size + chunk.text.length + 1 > maxChars) flush();
    current.push(chunk);
    size += chunk.text.length + 1;
  }
  flush();
  return parts;
}

/** The text exactly as the grounding step searches it: one piece per line, table cells joined by " | ". */
function userMessage(chunks: readonly TextChunk[]): string {
  return ['Document text (one paragraph, line or table row per line):', '', ...chunks.map((c) => c.text)].join('\n');
}
