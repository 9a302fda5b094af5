import { z } from 'zod';
import { DOMAINS, type Domain } from '../../../src-shared/domain';

/**
 * Reading a model's answer. Two levels of strictness on purpose: an answer that is not JSON in the
 * requested shape is the model's failure and is retried; a single bad fact in a good answer is
 * dropped and counted (retrying would rarely fix it and would cost every other fact).
 */

/** A fact as the model wrote it, before any check beyond its shape. */
export const ModelFact = z.object({
  attribute: z.string(),
  subject: z.string().nullable().optional(),
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
  quote: z.string(),
});
export type ModelFact = z.infer<typeof ModelFact>;

export interface ParsedAnswer {
  /** Items per domain, in answer order; an item that does not even have the fact shape is null. */
  items: Array<{ domain: Domain; fact: ModelFact | null }>;
}

const Envelope = z.record(z.string(), z.unknown());

/** The answer's facts, or null when the answer is malformed (not JSON, or no domain lists at all). */
export function parseAnswer(content: string): ParsedAnswer | null {
  let json: unknown;
  try {
    json = JSON.parse(stripFence(content));
  } catch {
    return null;
  }
  const envelope = Envelope.safeParse(json);
  if (!envelope.success || Array.isArray(json)) return null;
  const present = DOMAINS.filter((d) => envelope.data[d] !== undefined);
  if (present.length === 0 || present.some((d) => !Array.isArray(envelope.data[d]))) return null;
  const items: ParsedAnswer['items'] = [];
  for (const domain of present) {
    for (const item of envelope.data[domain] as unknown[]) {
      const fact = ModelFact.safeParse(item);
      items.push({ domain, fact: fact.success ? fact.data : null });
    }
  }
  return { items };
}

/** Some servers wrap JSON in a Markdown fence even when asked for a schema. */
function stripFence(content: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i.exec(content);
  return m?.[1] ?? content;
}
