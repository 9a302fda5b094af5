import { z } from 'zod';

/**
 * Version of what the model is asked and how its answers are read: the instructions, the requested
 * schema, how a document is cut into parts and how facts are validated. Part of the cache key and of
 * the engine version, so changing any of those never reuses an answer to another question.
 */
export const PROMPT_VERSION = 'p1';

export const LLM_PROVIDERS = ['openai-compatible'] as const;
export type LlmProviderId = (typeof LLM_PROVIDERS)[number];

/** The confidence of every model fact: a model's own rating of itself is not evidence. */
export const MODEL_CONFIDENCE = 0.5;

/**
 * How a run uses the model, saved with the run's settings (never the key): a resumed run asks the
 * same endpoint and model with the same limits as the run it continues.
 */
export const LlmConfigSchema = z.strictObject({
  provider: z.enum(LLM_PROVIDERS),
  /** Base URL of an OpenAI-compatible API, such as http://127.0.0.1:8080/v1. */
  endpoint: z.url({ protocol: /^https?$/ }),
  model: z.string().trim().min(1).max(200),
  /** Per request, from connecting to the last byte of the answer. */
  timeoutMs: z.int().min(50).max(600_000).default(120_000),
  /** Requests per part before the document's model extraction is recorded as failed. */
  maxAttempts: z.int().min(1).max(10).default(3),
  /** First retry delay; doubled before each further attempt. */
  retryDelayMs: z.int().min(0).max(60_000).default(1_000),
  /** A document longer than this (in characters of text) is asked in parts. */
  maxPartChars: z.int().min(200).max(400_000).default(12_000),
  /** Sending text to a host other than this machine needs this, set when the user chose it. */
  allowRemote: z.boolean().default(false),
});
export type LlmConfig = z.infer<typeof LlmConfigSchema>;
export type LlmConfigInput = z.input<typeof LlmConfigSchema>;

/** What a caller gives the runner: the config for a new run, and the key (kept in memory only). */
export interface LlmRunOptions {
  /** For a new run; a resumed run uses the config it was started with. Absent: the model is off. */
  config?: LlmConfigInput;
  apiKey?: string | null;
}

/** "provider/model": how fact_evidence.source names a model (provider ids never contain '/'). */
export function sourceName(config: Pick<LlmConfig, 'provider' | 'model'>): string {
  return `${config.provider}/${config.model}`;
}

/**
 * The run's engine version with the model in it: results are copied from an earlier run only when
 * that run used the same rules, prompt version and model (or no model at all, like this one).
 */
export function engineVersionWithModel(engineVersion: string, config: LlmConfig | undefined): string {
  return config ? `${engineVersion}+llm-${PROMPT_VERSION}-${sourceName(config)}` : engineVersion;
}
