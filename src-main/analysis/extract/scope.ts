// What a statement pattern sees: where the text is, what the document is about (its parent, for a
// carve-out), what the current section is about (a data centre, a cloud provider), and a way to emit.

import type { ParsedDocument, SourceLocation } from '../parsers/types';
import { findClouds, findProducts } from './catalogue';
import type { ProductHit } from './catalogue';
import type { FactSink } from './facts';
import type { FactValue, SubjectRef } from './types';
import type { AttributeName } from './vocabulary';
import { cleanText, stripParentheticals } from './values';

export interface DocContext {
  /** Matches mentions of the parent or seller in a carve-out ("MegaCorp's"), when one is named. */
  parent: RegExp | null;
}

/** Finds the parent or seller a carve-out is separated from, so "MegaCorp's Okta" reads as parent-provided. */
export function docContext(doc: ParsedDocument): DocContext {
  const names = new Set<string>();
  for (const block of doc.blocks.slice(0, 400)) {
    const t = cleanText(block.text);
    const m =
      /\b(?:carved out|carve-out|carveout|divested|separated|spun (?:off|out)) from\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})/.exec(t) ??
      /^(?:[-*]\s*)?(?:seller|parent(?: company)?|divesting entity):\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})/i.exec(t) ??
      /\(of\s+([A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\)/.exec(t);
    if (m?.[1]) names.add(shortName(m[1]));
  }
  const usable = [...names].filter((n) => n.length >= 3 && !/^(?:the|parent|seller|target)$/i.test(n)).sort();
  if (usable.length === 0) return { parent: null };
  const alternatives = usable.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return { parent: new RegExp(String.raw`\b(?:${alternatives})(?:'s|’s)?\b`) };
}

/** "MegaCorp Inc." -> "MegaCorp": legal suffixes are not how documents refer to the parent. */
function shortName(name: string): string {
  return name
    .replace(/\b(?:Inc|Incorporated|Corp|Corporation|LLC|Ltd|Limited|plc|PLC|AG|SE|GmbH|S\.A|Co|Company|Group|Holdings)\b\.?/g, '')
    .replace(/[.,\s]+$/, '')
    .trim();
}

/** What the current section is about, remembered across its lines. */
export interface SectionState {
  dataCenter?: SubjectRef;
  cloud?: SubjectRef;
  vendor?: SubjectRef;
}

export interface EmitOptions {
  subject?: SubjectRef | null;
  confidence?: number;
  derivation?: 'stated' | 'computed';
}

/** One statement's surroundings: a block or a key:value table row. */
export class Scope {
  constructor(
    readonly doc: DocContext,
    readonly sink: FactSink,
    readonly headingPath: readonly string[],
    readonly location: SourceLocation,
    readonly quote: string,
    readonly state: SectionState,
    /** Confidence of facts read from a recognised "Key: value"; loose patterns use LOOSE. */
    readonly confidence: number,
  ) {}

  /** The nearest heading, cleaned, or ''. */
  get heading(): string {
    return cleanText(this.headingPath[this.headingPath.length - 1] ?? '');
  }

  /** True when the nearest two headings match `re`. */
  under(re: RegExp): boolean {
    return this.headingPath.slice(-2).some((h) => re.test(h));
  }

  emit(attribute: AttributeName, value: FactValue, options: EmitOptions = {}): void {
    this.sink.add({
      attribute,
      subject: options.subject ?? null,
      value,
      confidence: options.confidence ?? this.confidence,
      derivation: options.derivation ?? 'stated',
      location: this.location,
      quote: this.quote,
    });
  }
}

/** Confidence of loose prose patterns (no recognised key). */
export const LOOSE = 0.6;

/**
 * Words that make a clause hypothetical, historical or negated: a product "planned", "considered",
 * "migrated from" or "not" in use is not a fact about today's estate.
 */
const HYPOTHETICAL =
  /\b(?:plan(?:s|ned|ning)?|to be|will|would|should|could|may|might|potential(?:ly)?|propos\w*|consider\w*|evaluat\w*|rfp|pilot|future|upgrade to|migrat\w*|move to|moving to|replac\w*|alternatives?|options?|recommend\w*|new|intend\w*|previously|formerly|former|decommission\w*|retired|lose|lost|instead of|versus|vs|roadmap|if|unless|quoted|need(?:s|ed)?|required?|study|stopped|cancel\w*)\b/i;
const NEGATED = /\b(?:no|not|non|without|never|none|lacks?|lacking|zero|nor)\b/i;

/** Splits text into clauses at punctuation and asides, so one negation does not void a whole line. */
export function clauses(text: string): string[] {
  return text
    .split(/\s*(?:[;,()[\]]|\s[-–—]\s|\bbut\b|\bbecause\b|\bAND\b|\s\+\s|\s\|\s)\s*/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

export function isAffirmative(clause: string): boolean {
  return !HYPOTHETICAL.test(clause) && !NEGATED.test(clause);
}

/** Products named in affirmative clauses of the text. */
export function affirmedProducts(text: string): ProductHit[] {
  return clauses(text).filter(isAffirmative).flatMap((c) => findProducts(c));
}

/** Cloud providers named in affirmative clauses of the text. */
export function affirmedClouds(text: string): string[] {
  return clauses(text)
    .filter(isAffirmative)
    .flatMap((c) => findClouds(c).map((h) => h.name));
}

/** A key without its asides, in lower case, for matching ("IT Budget (Annual)" -> "it budget"). */
export function normalizeKey(key: string): string {
  return stripParentheticals(cleanText(key))
    .toLowerCase()
    .replace(/_/g, ' ')
    .replace(/[“”"']/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
