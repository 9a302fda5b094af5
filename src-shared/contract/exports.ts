import { z } from 'zod';
import { Id, RunNumber } from './common';
import { DealSchema } from './deals';
import { command } from './define';

// Exports and deal archives (issue 6). The window never names a file: the main process asks the
// user with the system's save or open dialog, so a page cannot make the app write or read an
// arbitrary path. A cancelled dialog is not an error: `file` (or `deal`) is null.

export const FileResultSchema = z.object({ file: z.string().nullable() });
export type FileResult = z.infer<typeof FileResultSchema>;

export const exportChannels = {
  /** The run's results as an Excel workbook (latest completed run unless one is named). */
  'exports.workbook': command(z.strictObject({ dealId: Id, runNumber: RunNumber.optional(), includeDismissed: z.boolean().optional() }), FileResultSchema),
  /** The run's report: self-contained HTML, or that page printed to PDF by the desktop app. */
  'exports.report': command(z.strictObject({ dealId: Id, runNumber: RunNumber.optional(), format: z.enum(['html', 'pdf']) }), FileResultSchema),
  /** The whole deal (every run, review decisions, document text) as one archive file. */
  'deals.exportArchive': command(z.strictObject({ dealId: Id }), FileResultSchema),
  /** Adds the deal of an archive file; `as` renames it when its name is taken here. */
  'deals.importArchive': command(z.strictObject({ as: z.string().trim().min(1, 'Give the deal a name.').max(120).optional() }), z.object({ deal: DealSchema.nullable() })),
};
