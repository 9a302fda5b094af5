import { z } from 'zod';
import { Empty } from './common';
import { command, query } from './define';

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' in the desktop app; 'bridge' in a browser talking to the loopback dev bridge. */
  shell: z.enum(['electron', 'bridge']),
  canPickFolder: z.boolean(),
  /** Whether exports and archives can be saved (and archives opened): the desktop app's file dialogs. */
  canSaveFiles: z.boolean(),
  /** Whether the report can be printed to PDF (the desktop app's hidden print window). */
  canPrintPdf: z.boolean(),
  demoAvailable: z.boolean(),
  databaseFile: z.string(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const appChannels = {
  'app.info': query(Empty, AppInfoSchema),
  'dialog.pickFolder': command(z.strictObject({ title: z.string().max(200).optional() }), z.object({ path: z.string().nullable() })),
};
