import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { LlmConfigSchema, type LlmConfig, type LlmRunOptions } from '../analysis/llm/config';
import { describeEndpoint, type Destination } from '../analysis/llm/endpoint';
import { TransportError } from '../analysis/llm/http';
import { OpenAiCompatibleProvider } from '../analysis/llm/openai-compatible';
import type { Db } from '../db/open';
import { analysisRuns, llmSettings } from '../db/schema';
import type { SecretBox } from './secret-box';

// The settings of the optional language-model extractor: endpoint, model, key, consent to send text
// off the machine. Off until the user turns it on. The key is encrypted by the OS secret store
// before it reaches the database and is decrypted only to start or resume a run, or to test.

const ROW_ID = 1;
/** What a fresh install shows: a llama.cpp server on this computer, off. */
const DEFAULTS = { enabled: false, provider: 'openai-compatible' as const, endpoint: 'http://127.0.0.1:8080/v1', model: '', allowRemote: false, timeoutMs: 120_000, maxAttempts: 3 };

export const LlmSettingsInput = z.strictObject({
  enabled: z.boolean(),
  endpoint: z.url({ protocol: /^https?$/ }),
  model: z.string().trim().max(200),
  /** Absent: keep the stored key. Null: remove it. A string: store it (encrypted). */
  apiKey: z.string().trim().min(1).max(4096).nullable().optional(),
  allowRemote: z.boolean().default(false),
  timeoutMs: z.int().min(1000).max(600_000).default(DEFAULTS.timeoutMs),
  maxAttempts: z.int().min(1).max(10).default(DEFAULTS.maxAttempts),
});
export type LlmSettingsInput = z.input<typeof LlmSettingsInput>;

/** What the settings page shows. Never the key: only whether one is stored. */
export interface LlmSettingsView {
  enabled: boolean;
  provider: 'openai-compatible';
  endpoint: string;
  model: string;
  hasApiKey: boolean;
  allowRemote: boolean;
  timeoutMs: number;
  maxAttempts: number;
  /** The indicator: whether document text would leave this machine, and why. */
  destination: Destination;
  /** False when the OS offers no secret store: a key cannot be saved. */
  keyStorageAvailable: boolean;
  updatedAt: string | null;
}

export interface ConnectionTest {
  ok: boolean;
  destination: Destination;
  latencyMs: number | null;
  models: string[];
  /** Whether the configured model is among those the server lists. */
  modelFound: boolean;
  message: string;
}

export class LlmSettingsError extends Error {
  constructor(
    readonly code: 'invalid' | 'key_storage_unavailable' | 'key_unreadable',
    message: string,
  ) {
    super(message);
    this.name = 'LlmSettingsError';
  }
}

export class LlmSettingsService {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
  ) {}

  get(): LlmSettingsView {
    const row = this.row();
    const values = row ?? { ...DEFAULTS, apiKeyCiphertext: null, updatedAt: null };
    return {
      enabled: values.enabled,
      provider: 'openai-compatible',
      endpoint: values.endpoint,
      model: values.model,
      hasApiKey: values.apiKeyCiphertext !== null,
      allowRemote: values.allowRemote,
      timeoutMs: values.timeoutMs,
      maxAttempts: values.maxAttempts,
      destination: describeEndpoint(values.endpoint),
      keyStorageAvailable: this.box.available(),
      updatedAt: values.updatedAt,
    };
  }

  save(input: LlmSettingsInput): LlmSettingsView {
    const parsed = LlmSettingsInput.safeParse(input);
    if (!parsed.success) throw new LlmSettingsError('invalid', parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; '));
    const value = parsed.data;
    const destination = describeEndpoint(value.endpoint);
    if (value.enabled && value.model === '') throw new LlmSettingsError('invalid', 'Name the model to use before turning the extractor on.');
    if (destination.leavesMachine && !value.allowRemote) {
      throw new LlmSettingsError('invalid', `${destination.description} Confirm that document text may leave this machine, or use a server on this computer.`);
    }
    let ciphertext = this.row()?.apiKeyCiphertext ?? null;
    if (value.apiKey === null) ciphertext = null;
    else if (value.apiKey !== undefined) {
      if (!this.box.available()) {
        throw new LlmSettingsError('key_storage_unavailable', 'This system offers no secure store for the key (no keyring), and keys are never stored in plain text. Use a local server without a key, or set up a keyring.');
      }
      ciphertext = this.box.encrypt(value.apiKey);
    }
    const row = {
      enabled: value.enabled,
      provider: DEFAULTS.provider,
      endpoint: value.endpoint,
      model: value.model,
      apiKeyCiphertext: ciphertext,
      // Consent only means something for a remote host; saving a local endpoint clears it.
      allowRemote: destination.leavesMachine && value.allowRemote,
      timeoutMs: value.timeoutMs,
      maxAttempts: value.maxAttempts,
      updatedAt: new Date().toISOString(),
    };
    this.db
      .insert(llmSettings)
      .values({ id: ROW_ID, ...row })
      .onConflictDoUpdate({ target: llmSettings.id, set: row })
      .run();
    return this.get();
  }

  /**
   * What to start a run with: undefined while the extractor is off, so the runner creates no
   * provider and opens no connection. The key is decrypted here, in memory, for this run only.
   */
  runOptions(): LlmRunOptions | undefined {
    const row = this.row();
    if (!row?.enabled) return undefined;
    return { config: this.config(row), apiKey: this.decryptKey(row.apiKeyCiphertext) };
  }

  /**
   * The key for resuming a run: a resumed run keeps the endpoint it started with, so it gets the
   * stored key only if that key still belongs to the same endpoint.
   */
  resumeOptions(runConfig: Pick<LlmConfig, 'endpoint'> | undefined): LlmRunOptions | undefined {
    const row = this.row();
    if (!runConfig || !row || row.endpoint !== runConfig.endpoint) return undefined;
    return { apiKey: this.decryptKey(row.apiKeyCiphertext) };
  }

  /** resumeOptions for a run by id, from the config saved with it. */
  resumeOptionsForRun(runId: number): LlmRunOptions | undefined {
    const row = this.db.select({ settings: analysisRuns.settings }).from(analysisRuns).where(eq(analysisRuns.id, runId)).get();
    const saved = row ? (JSON.parse(row.settings) as { llm?: Pick<LlmConfig, 'endpoint'> }) : undefined;
    return this.resumeOptions(saved?.llm);
  }

  /** The settings page's button: lists the server's models with the saved key, or with `draft` unsaved. */
  async testConnection(draft?: LlmSettingsInput): Promise<ConnectionTest> {
    const row = this.row();
    const saved = row ?? DEFAULTS;
    const input = LlmSettingsInput.parse(
      draft ?? { enabled: true, endpoint: saved.endpoint, model: saved.model, allowRemote: saved.allowRemote, timeoutMs: saved.timeoutMs, maxAttempts: saved.maxAttempts },
    );
    const destination = describeEndpoint(input.endpoint);
    const failed = (message: string): ConnectionTest => ({ ok: false, destination, latencyMs: null, models: [], modelFound: false, message });
    if (destination.leavesMachine && !input.allowRemote) return failed(`${destination.description} Nothing was sent: confirm that document text may leave this machine first.`);
    const apiKey = input.apiKey === undefined ? this.decryptKey(row?.apiKeyCiphertext ?? null) : input.apiKey;
    const config = LlmConfigSchema.parse({ provider: DEFAULTS.provider, endpoint: input.endpoint, model: input.model || 'unset', timeoutMs: Math.min(input.timeoutMs, 15_000), allowRemote: input.allowRemote });
    const started = Date.now();
    try {
      const models = await new OpenAiCompatibleProvider(config, apiKey).listModels();
      const modelFound = input.model !== '' && models.includes(input.model);
      const message = input.model === '' ? 'Connected. Choose one of the listed models.' : modelFound ? `Connected; ${input.model} is available.` : `Connected, but the server does not list ${input.model}.`;
      return { ok: true, destination, latencyMs: Date.now() - started, models, modelFound, message };
    } catch (error) {
      return failed(error instanceof TransportError ? error.message : `The test failed: ${(error as Error).message}`);
    }
  }

  private row() {
    return this.db.select().from(llmSettings).where(eq(llmSettings.id, ROW_ID)).get();
  }

  private config(row: NonNullable<ReturnType<LlmSettingsService['row']>>): LlmConfig {
    return LlmConfigSchema.parse({ provider: DEFAULTS.provider, endpoint: row.endpoint, model: row.model, timeoutMs: row.timeoutMs, maxAttempts: row.maxAttempts, allowRemote: row.allowRemote });
  }

  private decryptKey(ciphertext: Buffer | null): string | null {
    if (ciphertext === null) return null;
    try {
      return this.box.decrypt(ciphertext);
    } catch {
      throw new LlmSettingsError('key_unreadable', 'The stored API key cannot be decrypted on this account or machine. Enter it again in the settings.');
    }
  }
}
