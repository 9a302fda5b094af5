import { z } from 'zod';
import { DealTypeSchema, Empty, Id, IsoDate, RunInfoSchema, Timestamp } from './common';
import { command, query } from './define';

export const DealSchema = z.object({
  id: Id,
  name: z.string(),
  targetName: z.string().nullable(),
  buyerName: z.string().nullable(),
  dealType: DealTypeSchema,
  asOfDate: z.string(),
  dataRoomPath: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp.nullable(),
});
export type Deal = z.infer<typeof DealSchema>;

export const DealListItemSchema = z.object({
  deal: DealSchema,
  /** The newest run of any status (what "last run" means in the list). */
  lastRun: RunInfoSchema.nullable(),
  /** The run the deal's pages show by default. */
  latestCompleted: RunInfoSchema.nullable(),
});
export type DealListItem = z.infer<typeof DealListItemSchema>;

const Name = z.string().trim().min(1, 'Give the deal a name.').max(120);
const OptionalName = z.string().trim().max(120).optional();

export const CreateDealInput = z.strictObject({
  name: Name,
  targetName: OptionalName,
  buyerName: OptionalName,
  dealType: DealTypeSchema,
  asOfDate: IsoDate,
  dataRoomPath: z.string().trim().min(1, 'Choose the data room folder.').max(4096),
  /** Start the first analysis run right away. */
  startRun: z.boolean().optional(),
});
export type CreateDealInput = z.infer<typeof CreateDealInput>;

const StartedRun = z.object({ runId: Id, runNumber: z.int() }).nullable();

export const dealChannels = {
  'deals.list': query(Empty, z.object({ deals: z.array(DealListItemSchema) })),
  'deals.get': query(z.strictObject({ dealId: Id }), DealListItemSchema),
  'deals.create': command(CreateDealInput, z.object({ deal: DealSchema, run: StartedRun })),
  'deals.archive': command(z.strictObject({ dealId: Id }), z.object({ archived: z.boolean() })),
  'deals.createDemo': command(Empty, z.object({ deal: DealSchema, run: StartedRun })),
};
