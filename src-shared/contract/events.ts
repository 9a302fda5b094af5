import { z } from 'zod';
import { Id, RunInfoSchema, RunNumber, RunStatusSchema } from './common';
import type { EventName } from './names';

const RunRef = { dealId: Id, runId: Id, runNumber: RunNumber };

/** Commands the application menu sends to the window (keyboard shortcuts live in the menu). */
export const UI_COMMANDS = [
  'new-deal',
  'go-deals',
  'go-dashboard',
  'go-findings',
  'go-gaps',
  'go-facts',
  'go-documents',
  'go-runs',
  'go-progress',
  'focus-search',
] as const;
export type UiCommand = (typeof UI_COMMANDS)[number];

export const eventSchemas = {
  'run.started': z.object({ ...RunRef, resumed: z.boolean() }),
  'run.progress': z.object({ ...RunRef, run: RunInfoSchema }),
  'run.document': z.object({
    ...RunRef,
    documentId: Id,
    relativePath: z.string(),
    status: z.enum(['done', 'failed']),
    evidenceCount: z.int(),
    error: z.string().nullable(),
  }),
  'run.finished': z.object({ ...RunRef, status: RunStatusSchema.exclude(['running']), error: z.string().nullable() }),
  'deals.changed': z.object({ dealId: Id.nullable() }),
  'ui.command': z.object({ command: z.enum(UI_COMMANDS) }),
  'ui.folderDropped': z.object({ path: z.string() }),
} satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.infer<(typeof eventSchemas)[E]>;
