import { z } from 'zod';
import { Empty } from './common';
import { command, query } from './define';

// Settings of the optional language-model extractor (issue 8). The key goes in, never out: the
// page learns only whether one is stored. `destination` is the indicator the page shows whenever
// document text would leave this machine.

export const DestinationSchema = z.object({
  host: z.string(),
  loopback: z.boolean(),
  leavesMachine: z.boolean(),
  description: z.string(),
});
export type Destination = z.infer<typeof DestinationSchema>;

export const LlmSettingsSchema = z.object({
  enabled: z.boolean(),
  provider: z.literal('openai-compatible'),
  endpoint: z.string(),
  model: z.string(),
  hasApiKey: z.boolean(),
  allowRemote: z.boolean(),
  timeoutMs: z.int(),
  maxAttempts: z.int(),
  destination: DestinationSchema,
  /** False when the OS offers no secret store: a key cannot be saved (never in plain text). */
  keyStorageAvailable: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type LlmSettings = z.infer<typeof LlmSettingsSchema>;

/** What to do with the stored key: an explicit action, so "no change" and "remove" cannot be confused. */
export const ApiKeyChangeSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('keep') }),
  z.strictObject({ action: z.literal('clear') }),
  z.strictObject({ action: z.literal('set'), value: z.string().trim().min(1).max(4096) }),
]);

export const LlmSettingsDraftSchema = z.strictObject({
  enabled: z.boolean(),
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  model: z.string().trim().max(200),
  apiKey: ApiKeyChangeSchema,
  /** Consent to send document text to a host other than this computer. */
  allowRemote: z.boolean(),
  timeoutMs: z.int().min(1000).max(600_000),
  maxAttempts: z.int().min(1).max(10),
});
export type LlmSettingsDraft = z.infer<typeof LlmSettingsDraftSchema>;

export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  destination: DestinationSchema,
  latencyMs: z.int().nullable(),
  models: z.array(z.string()),
  modelFound: z.boolean(),
  message: z.string(),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

export const settingsChannels = {
  'settings.llm.get': query(Empty, LlmSettingsSchema),
  'settings.llm.save': command(LlmSettingsDraftSchema, LlmSettingsSchema),
  /** Lists the server's models: with the saved settings, or with an unsaved draft. */
  'settings.llm.test': command(z.strictObject({ draft: LlmSettingsDraftSchema.optional() }), ConnectionTestSchema),
};
