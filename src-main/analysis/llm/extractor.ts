import { createHash } from 'node:crypto';
import { FactSink } from '../extract/facts';
import type { ExtractedFact } from '../extract/types';
import type { TextChunk } from '../runner/document-text';
import { parseAnswer, type ParsedAnswer } from './answer';
import { PROMPT_VERSION, sourceName, type LlmConfig } from './config';
import { QuoteIndex } from './grounding';
import { TransportError } from './http';
import { readAnswer } from './model-facts';
import type { ExtractionProvider } from './openai-compatible';
import { ANSWER_JSON_SCHEMA, ANSWER_SCHEMA_NAME, documentParts, SYSTEM_PROMPT, type DocumentPart } from './prompt';
import type { CacheKey, LlmDocumentRecord, LlmStore } from './store';

/** The model's contribution to one document, before merging with the rules' facts. */
export interface ModelExtraction {
  /** 'cancelled': the run was cancelled mid-call; nothing of it may be committed. */
  status: 'ok' | 'failed' | 'cancelled';
  facts: ExtractedFact[];
  /** "provider/model", recorded on every evidence row the model states. */
  source: string;
  record: LlmDocumentRecord;
}

type PartAnswer = { kind: 'ok'; answer: ParsedAnswer } | { kind: 'failed'; error: string } | { kind: 'cancelled' };

/** The request hash covers everything the model is shown, so any change to it is a new question. */
const REQUEST_PREFIX = JSON.stringify([SYSTEM_PROMPT, ANSWER_SCHEMA_NAME, ANSWER_JSON_SCHEMA]);

/** The cache key's request part for one part's user message. */
export function requestSha256(user: string): string {
  return createHash('sha256').update(REQUEST_PREFIX).update('\u0000').update(user).digest('hex');
}

/**
 * Extraction by a language model for one run: asks about each part of a document (from the cache
 * when the same question was answered before), retries passing failures with backoff, and keeps
 * only facts whose quotes are in the text. Never throws: a failure is the document's outcome.
 */
export class LlmExtractor {
  constructor(
    private readonly config: LlmConfig,
    private readonly provider: ExtractionProvider,
    private readonly store: LlmStore,
    private readonly signal?: AbortSignal,
  ) {}

  async extract(documentSha256: string, chunks: readonly TextChunk[]): Promise<ModelExtraction> {
    const parts = documentParts(chunks, this.config.maxPartChars);
    const record: LlmDocumentRecord = {
      provider: this.provider.id,
      model: this.provider.model,
      promptVersion: PROMPT_VERSION,
      status: 'ok',
      parts: parts.length,
      calls: 0,
      cacheHits: 0,
      proposed: 0,
      kept: 0,
      rejectedQuotes: 0,
      invalid: 0,
      duplicates: 0,
      conflicts: 0,
      error: null,
    };
    const source = sourceName(this.config);
    const sink = new FactSink();
    for (const [i, part] of parts.entries()) {
      const result = await this.answer(documentSha256, part, record);
      if (result.kind === 'cancelled') return { status: 'cancelled', facts: [], source, record };
      if (result.kind === 'failed') {
        // All or nothing per document: a re-run then asks again (cheaply, from the cache) for the whole.
        const where = parts.length > 1 ? ` (part ${i + 1} of ${parts.length})` : '';
        return { status: 'failed', facts: [], source, record: { ...record, status: 'failed', error: `Language-model extraction failed${where}: ${result.error}` } };
      }
      readAnswer(result.answer, new QuoteIndex(part.chunks), sink, record);
    }
    return { status: 'ok', facts: sink.facts, source, record };
  }

  private async answer(documentSha256: string, part: DocumentPart, record: LlmDocumentRecord): Promise<PartAnswer> {
    const key: CacheKey = {
      documentSha256,
      promptVersion: PROMPT_VERSION,
      model: this.provider.model,
      requestSha256: requestSha256(part.user),
    };
    const cached = this.store.cached(key);
    const fromCache = cached === undefined ? null : parseAnswer(cached);
    if (fromCache) {
      record.cacheHits += 1;
      return { kind: 'ok', answer: fromCache };
    }
    let lastError = 'no attempt was made';
    for (let attempt = 1; attempt <= this.config.maxAttempts; attempt++) {
      if (attempt > 1 && !(await this.backoff(attempt))) return { kind: 'cancelled' };
      record.calls += 1;
      try {
        const content = await this.provider.complete({ system: SYSTEM_PROMPT, user: part.user, schemaName: ANSWER_SCHEMA_NAME, schema: ANSWER_JSON_SCHEMA, signal: this.signal });
        const answer = parseAnswer(content);
        if (!answer) throw new TransportError('The answer is not JSON with a list of facts per domain.', 'malformed', true);
        // Only a well-formed answer is cached: a malformed one is asked again next time.
        this.store.remember(key, this.provider.id, content);
        return { kind: 'ok', answer };
      } catch (error) {
        if (this.signal?.aborted || (error instanceof TransportError && error.kind === 'cancelled')) return { kind: 'cancelled' };
        const retryable = error instanceof TransportError ? error.retryable : false;
        lastError = `${(error as Error).message}${attempt > 1 ? ` (after ${attempt} attempts)` : ''}`;
        if (!retryable) break;
      }
    }
    return { kind: 'failed', error: lastError };
  }

  /** Waits retryDelay · 2^(attempt-2) before an attempt; false if the run was cancelled meanwhile. */
  private backoff(attempt: number): Promise<boolean> {
    const delay = this.config.retryDelayMs * 2 ** (attempt - 2);
    return new Promise((resolve) => {
      if (this.signal?.aborted) return resolve(false);
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        this.signal?.removeEventListener('abort', onAbort);
        resolve(true);
      }, delay);
      this.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}
