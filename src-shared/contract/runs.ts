import { z } from 'zod';
import { DocumentKindSchema, DocumentStatusSchema, EntitySchema, Id, PageInput, RunInfoSchema, RunNumber } from './common';
import { command, query } from './define';

export const RunDocumentSchema = z.object({
  documentId: Id,
  path: z.string(),
  entity: EntitySchema,
  kind: DocumentKindSchema,
  sizeBytes: z.int(),
  pageCount: z.int().nullable(),
  /** The document's status in this run: pending until processed, then done or failed. */
  runStatus: z.enum(['pending', 'done', 'failed']),
  documentStatus: DocumentStatusSchema,
  evidenceCount: z.int(),
  error: z.string().nullable(),
});
export type RunDocument = z.infer<typeof RunDocumentSchema>;

export const RunProgressSchema = z.object({
  run: RunInfoSchema.nullable(),
  /** Whether this process is executing the run (so it can be cancelled here). */
  live: z.boolean(),
  documents: z.array(RunDocumentSchema),
  documentsTotal: z.int(),
});
export type RunProgress = z.infer<typeof RunProgressSchema>;

export const runChannels = {
  'runs.list': query(z.strictObject({ dealId: Id }), z.object({ runs: z.array(RunInfoSchema) })),
  /** A run's live state: the run asked for, else the deal's newest run of any status. */
  'runs.progress': query(
    z.strictObject({ dealId: Id, runNumber: RunNumber.optional(), status: z.enum(['pending', 'done', 'failed']).optional(), page: PageInput.optional() }),
    RunProgressSchema,
  ),
  'runs.start': command(z.strictObject({ dealId: Id }), z.object({ runId: Id, runNumber: RunNumber })),
  'runs.cancel': command(z.strictObject({ runId: Id }), z.object({ cancelled: z.boolean() })),
  'runs.resume': command(z.strictObject({ runId: Id }), z.object({ runId: Id, runNumber: RunNumber })),
};
