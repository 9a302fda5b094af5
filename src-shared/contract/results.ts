import { z } from 'zod';
import { FINDING_TYPES, GAP_KINDS, LENSES, VALUE_TYPES } from '../domain';
import {
  DocumentKindSchema,
  DomainSchema,
  EntitySchema,
  EvidenceSchema,
  Id,
  PageInput,
  RunNumber,
  ScopeSchema,
  SearchText,
  SeveritySchema,
  SortDirSchema,
  paged,
} from './common';
import { query } from './define';
import { FactReviewStatusSchema, FindingReviewStatusSchema, ReviewStateSchema } from './reviews';

const FindingTypeSchema = z.enum(FINDING_TYPES);
const GapKindSchema = z.enum(GAP_KINDS);
/** Subject kinds and attribute names are snake_case words from the extraction vocabulary. */
const Word = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, 'Expected a snake_case name.');

// ---- Facts -------------------------------------------------------------------------------------

export const FactRowSchema = z.object({
  id: Id,
  stableKey: z.string(),
  entity: EntitySchema,
  domain: DomainSchema,
  category: z.string(),
  subjectKind: z.string().nullable(),
  subjectName: z.string().nullable(),
  attribute: z.string(),
  attributeLabel: z.string(),
  value: z.string(),
  valueType: z.enum(VALUE_TYPES),
  unit: z.string().nullable(),
  confidence: z.number(),
  derivation: z.enum(['stated', 'computed']),
  evidenceCount: z.int(),
  /** The reviewer's decision on this fact (it carries over runs); null while unreviewed. */
  reviewStatus: FactReviewStatusSchema.nullable(),
});
export type FactRow = z.infer<typeof FactRowSchema>;

export const FactSortSchema = z.strictObject({ by: z.enum(['subject', 'attribute', 'value', 'confidence']), dir: SortDirSchema });

export const FactsListInput = z.strictObject({
  dealId: Id,
  runNumber: RunNumber.optional(),
  filter: z
    .strictObject({ domain: DomainSchema.optional(), attribute: Word.optional(), subjectKind: Word.optional(), entity: EntitySchema.optional(), search: SearchText.optional() })
    .optional(),
  sort: FactSortSchema.optional(),
  page: PageInput,
});
export type FactsListInput = z.infer<typeof FactsListInput>;

export const FactDetailSchema = z.object({
  runNumber: RunNumber,
  fact: FactRowSchema,
  subject: z.object({ name: z.string(), kind: z.string(), aliases: z.array(z.string()) }).nullable(),
  evidence: z.array(EvidenceSchema),
  review: ReviewStateSchema,
});
export type FactDetail = z.infer<typeof FactDetailSchema>;

// ---- Gaps --------------------------------------------------------------------------------------

export const GapRowSchema = z.object({
  id: Id,
  stableKey: z.string(),
  checklistItem: z.string(),
  domain: DomainSchema,
  title: z.string(),
  kind: GapKindSchema,
  importance: SeveritySchema,
  request: z.string(),
});
export type GapRow = z.infer<typeof GapRowSchema>;

export const GapsListInput = z.strictObject({
  dealId: Id,
  runNumber: RunNumber.optional(),
  filter: z.strictObject({ domain: DomainSchema.optional(), importance: SeveritySchema.optional(), kind: GapKindSchema.optional(), search: SearchText.optional() }).optional(),
  sort: z.strictObject({ by: z.enum(['importance', 'domain', 'title']), dir: SortDirSchema }).optional(),
  page: PageInput,
});
export type GapsListInput = z.infer<typeof GapsListInput>;

export const GapDetailSchema = z.object({
  runNumber: RunNumber,
  gap: GapRowSchema,
  reasoning: z.string(),
  relatedFacts: z.array(FactRowSchema),
});
export type GapDetail = z.infer<typeof GapDetailSchema>;

// ---- Findings ----------------------------------------------------------------------------------

export const FindingRowSchema = z.object({
  id: Id,
  stableKey: z.string(),
  ruleId: z.string(),
  type: FindingTypeSchema,
  domain: DomainSchema,
  title: z.string(),
  description: z.string(),
  severity: SeveritySchema,
  lens: z.enum(LENSES).or(z.string()),
  phase: z.string().nullable(),
  costBand: z.string().nullable(),
  /** The reviewer's decision (accepted, dismissed); null while unreviewed. */
  reviewStatus: FindingReviewStatusSchema.nullable(),
  /** The severity shown, sorted and counted: the reviewer's override, else the rule's `severity`. */
  effectiveSeverity: SeveritySchema,
});
export type FindingRow = z.infer<typeof FindingRowSchema>;

export const FindingsListInput = z.strictObject({
  dealId: Id,
  runNumber: RunNumber.optional(),
  filter: z
    .strictObject({
      domain: DomainSchema.optional(),
      type: FindingTypeSchema.optional(),
      /** Effective severity (after a reviewer's override). */
      severity: SeveritySchema.optional(),
      search: SearchText.optional(),
      /** Dismissed findings are hidden unless this is set. */
      includeDismissed: z.boolean().optional(),
    })
    .optional(),
  sort: z.strictObject({ by: z.enum(['severity', 'domain', 'title', 'type']), dir: SortDirSchema }).optional(),
  page: PageInput,
});
export type FindingsListInput = z.infer<typeof FindingsListInput>;

export const FindingDetailSchema = z.object({
  runNumber: RunNumber,
  finding: FindingRowSchema,
  reasoning: z.string(),
  facts: z.array(z.object({ fact: FactRowSchema, evidence: z.array(EvidenceSchema) })),
  gaps: z.array(GapRowSchema),
  review: ReviewStateSchema,
});
export type FindingDetail = z.infer<typeof FindingDetailSchema>;

// ---- Dashboard, domain pages, inventories ------------------------------------------------------

const Count = z.int().min(0);

export const DashboardSchema = z.object({
  scope: ScopeSchema,
  totals: z.object({ facts: Count, gaps: Count, findings: Count, documents: Count }),
  findingsBySeverity: z.array(z.object({ severity: SeveritySchema, count: Count })),
  findingsByDomain: z.array(z.object({ domain: DomainSchema, severity: SeveritySchema, count: Count })),
  findingsByType: z.array(z.object({ type: FindingTypeSchema, count: Count })),
  gapsByImportance: z.array(z.object({ importance: SeveritySchema, count: Count })),
  factsByDomain: z.array(z.object({ domain: DomainSchema, count: Count })),
  topRisks: z.array(FindingRowSchema),
  inventories: z.array(z.object({ domain: DomainSchema, kind: z.string(), label: z.string(), count: Count })),
  coverage: z.object({
    parsed: Count,
    failed: Count,
    pending: Count,
    byKind: z.array(z.object({ kind: DocumentKindSchema, total: Count, failed: Count })),
  }),
});
export type Dashboard = z.infer<typeof DashboardSchema>;

export const InventorySummarySchema = z.object({ kind: z.string(), label: z.string(), count: Count });

export const DomainOverviewSchema = z.object({
  scope: ScopeSchema,
  domain: DomainSchema,
  counts: z.object({ facts: Count, gaps: Count, findings: Count }),
  findingsBySeverity: z.array(z.object({ severity: SeveritySchema, count: Count })),
  inventories: z.array(InventorySummarySchema),
  /** Facts about the company itself (no subject): headcount, platforms, MFA coverage… */
  companyFacts: z.array(FactRowSchema),
  companyFactsTotal: Count,
});
export type DomainOverview = z.infer<typeof DomainOverviewSchema>;

export const InventoryCellSchema = z.object({ text: z.string(), conflict: z.boolean(), factIds: z.array(Id) });

export const InventoryRowSchema = z.object({
  subjectKey: z.string(),
  name: z.string(),
  entity: EntitySchema,
  aliases: z.array(z.string()),
  cells: z.record(z.string(), InventoryCellSchema),
});
export type InventoryRow = z.infer<typeof InventoryRowSchema>;

export const InventoryListInput = z.strictObject({
  dealId: Id,
  runNumber: RunNumber.optional(),
  domain: DomainSchema,
  kind: Word,
  search: SearchText.optional(),
  entity: EntitySchema.optional(),
  /** 'name', or an attribute of the inventory to sort by its value. */
  sort: z.strictObject({ by: Word, dir: SortDirSchema }).optional(),
  page: PageInput,
});
export type InventoryListInput = z.infer<typeof InventoryListInput>;

export const InventoryPageSchema = paged(InventoryRowSchema).extend({
  kind: z.string(),
  label: z.string(),
  columns: z.array(z.object({ attribute: z.string(), label: z.string(), numeric: z.boolean() })),
});
export type InventoryPage = z.infer<typeof InventoryPageSchema>;

// ---- Documents ---------------------------------------------------------------------------------

/** Files of the data room the shown run did not analyse, and why (unsupported type, link out of the room). */
export const SkippedFilesSchema = z.object({
  scope: ScopeSchema,
  files: z.array(z.object({ path: z.string(), reason: z.string() })),
});
export type SkippedFiles = z.infer<typeof SkippedFilesSchema>;

export const DocumentRowSchema = z.object({
  id: Id,
  path: z.string(),
  entity: EntitySchema,
  kind: DocumentKindSchema,
  sizeBytes: z.int(),
  pageCount: z.int().nullable(),
  version: z.int(),
  status: z.enum(['pending', 'parsed', 'failed']),
  runStatus: z.enum(['pending', 'done', 'failed']),
  evidenceCount: z.int(),
  error: z.string().nullable(),
});
export type DocumentRow = z.infer<typeof DocumentRowSchema>;

const ScopeFields = { dealId: Id, runNumber: RunNumber.optional() };

export const resultChannels = {
  'dashboard.get': query(z.strictObject(ScopeFields), DashboardSchema),
  'domain.get': query(z.strictObject({ ...ScopeFields, domain: DomainSchema }), DomainOverviewSchema),
  'inventory.list': query(InventoryListInput, InventoryPageSchema),
  'facts.list': query(FactsListInput, paged(FactRowSchema)),
  'facts.attributes': query(
    z.strictObject({ ...ScopeFields, domain: DomainSchema.optional() }),
    z.object({ scope: ScopeSchema, attributes: z.array(z.object({ attribute: z.string(), label: z.string(), count: Count })) }),
  ),
  'facts.get': query(z.strictObject({ dealId: Id, factId: Id }), FactDetailSchema),
  'gaps.list': query(GapsListInput, paged(GapRowSchema)),
  'gaps.get': query(z.strictObject({ dealId: Id, gapId: Id }), GapDetailSchema),
  'findings.list': query(FindingsListInput, paged(FindingRowSchema)),
  'findings.get': query(z.strictObject({ dealId: Id, findingId: Id }), FindingDetailSchema),
  'documents.list': query(
    z.strictObject({ ...ScopeFields, status: z.enum(['pending', 'parsed', 'failed']).optional(), page: PageInput }),
    paged(DocumentRowSchema),
  ),
  'documents.skipped': query(z.strictObject(ScopeFields), SkippedFilesSchema),
};
