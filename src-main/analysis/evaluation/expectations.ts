// The expectations file format (documented in test/expectations/README.md): what an experienced
// IT diligence lead expects the analysis of one data room to yield, written from the documents.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { COST_BANDS, DEAL_TYPES, DOMAINS, ENTITIES, FINDING_TYPES, GAP_KINDS, LENSES, SEVERITIES, WORK_PHASES } from '../../../src-shared/domain';

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

/** How a fact's value is compared; every field given must hold. */
export const ValueMatcherSchema = z.strictObject({
  /** Exact: a number for number/money/percent, true/false for booleans, text compared case-insensitively. */
  equals: z.union([z.number(), z.string(), z.boolean()]).optional(),
  /** A number within a relative tolerance (default 0.5%). */
  approx: z.number().optional(),
  tolerance: z.number().min(0).max(1).optional(),
  /** Case-insensitive substring of the value as text. */
  contains: z.string().min(1).optional(),
  /** Case-insensitive regular expression over the value as text. */
  pattern: z.string().min(1).optional(),
  /** ISO date or prefix ("2026-03") a date value must start with. */
  date: z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/).optional(),
  /** Currency of a money value. */
  currency: z.string().length(3).optional(),
});

export const FactExpectationSchema = z.strictObject({
  domain: z.enum(DOMAINS),
  attribute: z.string().min(1),
  /** Subject name (canonical or as written; compared normalised), null for a company-level fact; omitted: any. */
  subject: z.string().min(1).nullable().optional(),
  entity: z.enum(ENTITIES).optional(),
  value: ValueMatcherSchema.optional(),
  /** A document (relative path, substring) that must be among the fact's evidence. */
  document: z.string().min(1).optional(),
  note: z.string().optional(),
});

export const GapExpectationSchema = z.strictObject({
  /** Checklist item id ("APP-04"). */
  item: z.string().regex(/^[A-Z]{3}-\d{2}$/),
  kind: oneOrMany(z.enum(GAP_KINDS)).optional(),
  importance: oneOrMany(z.enum(SEVERITIES)).optional(),
  note: z.string().optional(),
});

/** Where a finding must cite: a fact whose evidence is in this document (substring) and place. */
export const CitationSchema = z.strictObject({
  document: z.string().min(1).optional(),
  row: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  page: z.number().int().positive().optional(),
});

export const FindingMatcherSchema = z.strictObject({
  /** Stable id of the expectation, for reports and for `without` in a derived file. */
  id: z.string().min(1),
  /** Rule id; alternatives as a list; a trailing * matches a prefix ("eol.*"). */
  rule: oneOrMany(z.string().min(1)),
  /** Case-insensitive substring (or list: all must occur) of the title. */
  title: oneOrMany(z.string().min(1)).optional(),
  /** Case-insensitive substring(s) of title + description + reasoning. */
  text: oneOrMany(z.string().min(1)).optional(),
  type: oneOrMany(z.enum(FINDING_TYPES)).optional(),
  severity: oneOrMany(z.enum(SEVERITIES)).optional(),
  lens: oneOrMany(z.enum(LENSES)).optional(),
  phase: oneOrMany(z.enum(WORK_PHASES)).optional(),
  costBand: oneOrMany(z.enum(COST_BANDS)).optional(),
  /** Citations the finding must have (each one). */
  cites: z.array(CitationSchema).optional(),
  note: z.string().optional(),
});

export const ThresholdsSchema = z.strictObject({
  factRecall: z.number().min(0).max(1).optional(),
  gapRecall: z.number().min(0).max(1).optional(),
  gapPrecision: z.number().min(0).max(1).optional(),
  findingRecall: z.number().min(0).max(1).optional(),
  findingPrecision: z.number().min(0).max(1).optional(),
  /** At most this many findings in all (a clean room must stay quiet). */
  maxFindings: z.number().int().min(0).optional(),
});

export const ExpectationsFileSchema = z.strictObject({
  $schema: z.string().optional(),
  description: z.string().optional(),
  /** Another expectations file (relative to this one) whose lists this one starts from. */
  extends: z.string().optional(),
  /** Ids of the base file's findings (expected or acceptable) this room no longer expects. */
  without: z.array(z.string()).optional(),
  /** Checklist items of the base file's gaps this room no longer expects (the new documents answer them). */
  withoutGaps: z.array(z.string().regex(/^[A-Z]{3}-\d{2}$/)).optional(),
  /** The sample this file describes, relative to the shared samples folder: a folder or some files. */
  room: z
    .strictObject({ root: z.enum(['samples', 'repo']).optional(), dir: z.string().optional(), files: z.array(z.string()).optional() })
    .optional(),
  deal: z.strictObject({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), type: z.enum(DEAL_TYPES), why: z.string().optional() }).optional(),
  thresholds: ThresholdsSchema.optional(),
  facts: z.array(FactExpectationSchema).optional(),
  gaps: z.array(GapExpectationSchema).optional(),
  findings: z.array(FindingMatcherSchema).optional(),
  /** Findings that are fair to raise but not required: they count neither for nor against. */
  acceptable: z.array(FindingMatcherSchema).optional(),
  /** Gaps that are fair to raise but not required (for gap precision). */
  acceptableGaps: z.array(z.string().regex(/^[A-Z]{3}-\d{2}$/)).optional(),
  /** Findings that must not be raised: any match fails the evaluation. */
  forbidden: z.array(FindingMatcherSchema).optional(),
});

export type ValueMatcher = z.infer<typeof ValueMatcherSchema>;
export type FactExpectation = z.infer<typeof FactExpectationSchema>;
export type GapExpectation = z.infer<typeof GapExpectationSchema>;
export type FindingMatcher = z.infer<typeof FindingMatcherSchema>;
export type Citation = z.infer<typeof CitationSchema>;
export type Thresholds = z.infer<typeof ThresholdsSchema>;
type ExpectationsFile = z.infer<typeof ExpectationsFileSchema>;

/** An expectations file with its `extends` chain resolved. */
export interface Expectations {
  file: string;
  description: string;
  room: { root?: 'samples' | 'repo'; dir?: string; files?: string[] } | null;
  deal: { asOf: string; type: (typeof DEAL_TYPES)[number] };
  thresholds: Thresholds;
  facts: FactExpectation[];
  gaps: GapExpectation[];
  findings: FindingMatcher[];
  acceptable: FindingMatcher[];
  acceptableGaps: string[];
  forbidden: FindingMatcher[];
}

export class ExpectationsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpectationsError';
  }
}

/** Reads and validates an expectations file, resolving `extends` (at most a few levels deep). */
export function loadExpectations(file: string, depth = 0): Expectations {
  if (depth > 4) throw new ExpectationsError(`${file}: "extends" nests too deeply.`);
  const absolute = path.resolve(file);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(absolute, 'utf8'));
  } catch (error) {
    throw new ExpectationsError(`${absolute}: cannot read the expectations file (${(error as Error).message}).`);
  }
  const parsed = ExpectationsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new ExpectationsError(`${absolute}: invalid expectations: ${issues}`);
  }
  const own = parsed.data;
  const base = own.extends ? loadExpectations(path.resolve(path.dirname(absolute), own.extends), depth + 1) : null;
  return merge(absolute, own, base);
}

function merge(file: string, own: ExpectationsFile, base: Expectations | null): Expectations {
  const dropped = new Set(own.without ?? []);
  const keep = (list: FindingMatcher[] | undefined): FindingMatcher[] => (list ?? []).filter((f) => !dropped.has(f.id));
  const deal = own.deal ?? base?.deal;
  if (!deal) throw new ExpectationsError(`${file}: "deal" (asOf and type) is required.`);
  const result: Expectations = {
    file,
    description: own.description ?? base?.description ?? '',
    room: own.room ?? base?.room ?? null,
    deal: { asOf: deal.asOf, type: deal.type },
    thresholds: { ...base?.thresholds, ...own.thresholds },
    facts: [...(base?.facts ?? []), ...(own.facts ?? [])],
    gaps: mergeGaps(base?.gaps ?? [], own.gaps ?? []).filter((g) => !(own.withoutGaps ?? []).includes(g.item)),
    findings: [...keep(base?.findings), ...(own.findings ?? [])],
    acceptable: [...keep(base?.acceptable), ...(own.acceptable ?? [])],
    acceptableGaps: [...(base?.acceptableGaps ?? []), ...(own.acceptableGaps ?? [])],
    forbidden: [...keep(base?.forbidden), ...(own.forbidden ?? [])],
  };
  const ids = [...result.findings, ...result.acceptable, ...result.forbidden].map((f) => f.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new ExpectationsError(`${file}: finding id "${duplicate}" is used twice.`);
  const unknown = [...dropped].filter((id) => !ids.includes(id) && !(base ? [...base.findings, ...base.acceptable, ...base.forbidden].some((f) => f.id === id) : false));
  if (unknown.length > 0) throw new ExpectationsError(`${file}: "without" names unknown finding ids: ${unknown.join(', ')}.`);
  return result;
}

/** A derived file's gap list replaces the base's entry for the same checklist item. */
function mergeGaps(base: GapExpectation[], own: GapExpectation[]): GapExpectation[] {
  const overridden = new Set(own.map((g) => g.item));
  return [...base.filter((g) => !overridden.has(g.item)), ...own];
}
