// The optional language-model extractor as the runner sees it (DESIGN: "Optional language-model
// extractor"; issue 8). Off unless a run is started with a config: then no code here runs and
// nothing opens a connection. When on, it runs outside every transaction (network calls can be
// slow), and what it found commits with the document like the rules' facts.
import type Database from 'better-sqlite3';
import type { ExtractedFact } from '../extract/types';
import type { KeyedFact } from '../runner/document-step';
import type { TextChunk } from '../runner/document-text';
import { LlmConfigSchema, type LlmConfig, type LlmRunOptions } from './config';
import { describeEndpoint } from './endpoint';
import { LlmExtractor } from './extractor';
import { mergeModelFacts } from './merge';
import { OpenAiCompatibleProvider } from './openai-compatible';
import { LlmStore, type LlmDocumentRecord } from './store';

export { engineVersionWithModel, type LlmConfig, type LlmRunOptions } from './config';
export type { LlmExtractor } from './extractor';
export type { LlmDocumentRecord } from './store';

/** What the model contributed to a document, committed with it. */
export interface ModelOutcome {
  status: 'ok' | 'failed' | 'cancelled';
  record: LlmDocumentRecord;
}

/** A model config a run cannot start with: invalid, or a remote endpoint nobody allowed. */
export class LlmConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LlmConfigError';
  }
}

/** The run-settings field for a new run: the validated config (never the key), or nothing when off. */
export function modelSettings(options: LlmRunOptions | undefined): { llm?: LlmConfig } {
  if (!options?.config) return {};
  const parsed = LlmConfigSchema.safeParse(options.config);
  if (!parsed.success) throw new LlmConfigError(`The language-model settings are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ')}`);
  const destination = describeEndpoint(parsed.data.endpoint);
  if (destination.leavesMachine && !parsed.data.allowRemote) {
    throw new LlmConfigError(`${destination.description} Allow sending document text off this machine in the settings first, or use a server on this computer.`);
  }
  return { llm: parsed.data };
}

/** The extractor a run uses, from the config it was started with; null when the model is off. */
export function createRunExtractor(sqlite: Database.Database, config: LlmConfig | undefined, options: LlmRunOptions | undefined, signal?: AbortSignal): LlmExtractor | null {
  if (!config) return null;
  const parsed = LlmConfigSchema.parse(config);
  return new LlmExtractor(parsed, new OpenAiCompatibleProvider(parsed, options?.apiKey ?? null), llmStore(sqlite), signal);
}

/**
 * Asks the model about a parsed document and merges its facts into the rules' (rules win). A
 * failed or cancelled extraction contributes no facts; the rules' facts stand either way.
 */
export async function withModelFacts(
  extractor: LlmExtractor,
  sha256: string,
  chunks: readonly TextChunk[],
  ruleFacts: KeyedFact[],
  keyed: (fact: ExtractedFact) => KeyedFact,
): Promise<{ facts: KeyedFact[]; model: ModelOutcome }> {
  const extraction = await extractor.extract(sha256, chunks);
  if (extraction.status !== 'ok') return { facts: ruleFacts, model: { status: extraction.status, record: extraction.record } };
  const modelFacts = extraction.facts.map((f) => ({ ...keyed(f), source: extraction.source }));
  const facts = mergeModelFacts(ruleFacts, modelFacts, extraction.record);
  return { facts, model: { status: 'ok', record: extraction.record } };
}

/** Records the model's outcome for a document; call inside the document's transaction. */
export function recordModelOutcome(sqlite: Database.Database, runId: number, documentId: number, outcome: ModelOutcome): void {
  llmStore(sqlite).record(runId, documentId, outcome.record);
}

const stores = new WeakMap<Database.Database, LlmStore>();

/** One store per connection: its statements are prepared once. */
function llmStore(sqlite: Database.Database): LlmStore {
  let store = stores.get(sqlite);
  if (!store) {
    store = new LlmStore(sqlite);
    stores.set(sqlite, store);
  }
  return store;
}
