import { z } from 'zod';
import { DEAL_TYPES, DOCUMENT_KINDS, DOCUMENT_STATUSES, DOMAINS, ENTITIES, isCalendarDate, RUN_PHASES, RUN_STATUSES, SEVERITIES } from '../domain';

// Building blocks shared by the channel schemas. Inputs are strict objects (unknown keys are a
// validation error), with bounded strings and integers, so a malformed payload never reaches SQL.

export const Id = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
export const RunNumber = z.int().min(1).max(1_000_000);
export const SearchText = z.string().max(200);
export const IsoDate = z.string().refine(isCalendarDate, 'Use a calendar date like 2026-06-30.');
export const Timestamp = z.string();

export const DomainSchema = z.enum(DOMAINS);
export const EntitySchema = z.enum(ENTITIES);
export const SeveritySchema = z.enum(SEVERITIES);
export const DealTypeSchema = z.enum(DEAL_TYPES);
export const RunStatusSchema = z.enum(RUN_STATUSES);
export const RunPhaseSchema = z.enum(RUN_PHASES);
export const DocumentStatusSchema = z.enum(DOCUMENT_STATUSES);
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export const SortDirSchema = z.enum(['asc', 'desc']);

export const Empty = z.strictObject({});

/** Which run a read shows: the deal, and a run number only when the user picked one. */
export const ScopeInput = z.strictObject({ dealId: Id, runNumber: RunNumber.optional() });

export const PageInput = z.strictObject({
  limit: z.int().min(1).max(500),
  offset: z.int().min(0).max(100_000_000),
});

export const ErrorCodeSchema = z.enum([
  'validation',
  'unknown_channel',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_data_room',
  'database',
  'unavailable',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/** What crosses the boundary when a call fails: a code the UI can branch on and a readable message. */
export const AppErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type AppErrorPayload = z.infer<typeof AppErrorSchema>;

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorPayload };

export const RunInfoSchema = z.object({
  id: Id,
  dealId: Id,
  runNumber: RunNumber,
  status: RunStatusSchema,
  phase: RunPhaseSchema,
  engineVersion: z.string(),
  docsTotal: z.int(),
  docsDone: z.int(),
  docsFailed: z.int(),
  factCount: z.int(),
  gapCount: z.int(),
  findingCount: z.int(),
  startedAt: Timestamp,
  heartbeatAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  error: z.string().nullable(),
  /** The optional language model the run used, and whether it sent document text off this machine. */
  languageModel: z.object({ model: z.string(), host: z.string(), leavesMachine: z.boolean() }).nullable().optional(),
});
export type RunInfo = z.infer<typeof RunInfoSchema>;

/**
 * How a read was scoped (DESIGN invariant 7): the run shown and why. 'latest_completed' is the
 * default; 'explicit' when the user picked a run; 'latest_unfinished' when the deal has no
 * completed run yet (its run in progress, or a failed/cancelled one); 'none' when it has no run.
 */
export const ScopeSchema = z.object({
  dealId: Id,
  mode: z.enum(['latest_completed', 'explicit', 'latest_unfinished', 'none']),
  run: RunInfoSchema.nullable(),
  latestCompletedRunNumber: RunNumber.nullable(),
  /** A run in progress on this deal, when it is not the run shown. */
  activeRun: RunInfoSchema.nullable(),
});
export type Scope = z.infer<typeof ScopeSchema>;

export function paged<T extends z.ZodType>(row: T) {
  return z.object({ scope: ScopeSchema, rows: z.array(row), total: z.int().min(0) });
}

export const LocationSchema = z.object({
  page: z.int().optional(),
  sheet: z.string().optional(),
  row: z.int().optional(),
  line: z.int().optional(),
  section: z.string().optional(),
});

export const EvidenceSchema = z.object({
  documentId: Id,
  documentPath: z.string(),
  documentKind: DocumentKindSchema,
  location: LocationSchema,
  locationText: z.string(),
  quote: z.string(),
  /** Who stated the fact here: null for the rules, "provider/model" for the optional language model. */
  source: z.string().nullable().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;
