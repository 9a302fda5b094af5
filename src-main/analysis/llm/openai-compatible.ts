import { z } from 'zod';
import type { LlmConfig, LlmProviderId } from './config';
import { chatCompletionsUrl, describeEndpoint, modelsUrl } from './endpoint';
import { request, TransportError } from './http';

/** One structured-output request: instructions, the part of a document, and the JSON schema to answer in. */
export interface CompletionRequest {
  system: string;
  user: string;
  schemaName: string;
  schema: Record<string, unknown>;
  signal?: AbortSignal;
}

/** What the extractor needs of a provider; one call, no retries (the extractor owns those). */
export interface ExtractionProvider {
  readonly id: LlmProviderId;
  readonly model: string;
  /** The model's message content. Throws TransportError. */
  complete(req: CompletionRequest): Promise<string>;
}

const ChatResponse = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullable() }), finish_reason: z.string().nullable().optional() })).min(1),
});
const ModelsResponse = z.object({ data: z.array(z.object({ id: z.string() })) });

/**
 * Any server speaking the OpenAI chat completions API: llama.cpp's server, Ollama, vLLM, LM Studio
 * on this machine, or a cloud endpoint the user chose. Temperature 0 and a fixed seed make answers
 * as repeatable as the server allows; the cache makes them repeatable across runs.
 */
export class OpenAiCompatibleProvider implements ExtractionProvider {
  readonly id = 'openai-compatible' as const;
  readonly model: string;
  private readonly loopbackOnly: boolean;

  constructor(
    private readonly config: LlmConfig,
    private readonly apiKey: string | null,
  ) {
    this.model = config.model;
    const destination = describeEndpoint(config.endpoint);
    // The settings refuse this too; checking again here means no path can send text off the machine unasked.
    if (destination.leavesMachine && !config.allowRemote) {
      throw new TransportError(`${destination.host} is not this computer and sending document text there was not allowed in the settings.`, 'refused', false);
    }
    this.loopbackOnly = destination.loopback;
  }

  async complete(req: CompletionRequest): Promise<string> {
    const body = JSON.stringify({
      model: this.model,
      temperature: 0,
      seed: 0,
      stream: false,
      messages: [
        { role: 'system', content: req.system },
        { role: 'user', content: req.user },
      ],
      response_format: { type: 'json_schema', json_schema: { name: req.schemaName, strict: true, schema: req.schema } },
    });
    const response = await request({
      method: 'POST',
      url: chatCompletionsUrl(this.config.endpoint),
      headers: this.headers(),
      body,
      timeoutMs: this.config.timeoutMs,
      signal: req.signal,
      loopbackOnly: this.loopbackOnly,
    });
    assertOk(response.status, response.body);
    const parsed = ChatResponse.safeParse(parseJson(response.body));
    if (!parsed.success) throw new TransportError('The server answered 200 without a chat completion in the body.', 'malformed', true);
    const choice = parsed.data.choices[0]!;
    if (choice.finish_reason === 'length') throw new TransportError('The answer was cut off at the model’s output limit.', 'malformed', true);
    if (choice.message.content === null || choice.message.content.trim() === '') throw new TransportError('The model returned an empty answer.', 'malformed', true);
    return choice.message.content;
  }

  /** For the settings page's test button: the models the server offers. */
  async listModels(signal?: AbortSignal): Promise<string[]> {
    const response = await request({ method: 'GET', url: modelsUrl(this.config.endpoint), headers: this.headers(), timeoutMs: this.config.timeoutMs, signal, loopbackOnly: this.loopbackOnly });
    assertOk(response.status, response.body);
    const parsed = ModelsResponse.safeParse(parseJson(response.body));
    if (!parsed.success) throw new TransportError('The server’s model list is not in the OpenAI format.', 'malformed', false);
    return parsed.data.data.map((m) => m.id);
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (this.apiKey) headers.authorization = `Bearer ${this.apiKey}`;
    return headers;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * 5xx, 408 and 429 are the server's passing trouble: retried. Other 4xx mean the request itself is
 * wrong (bad key, unknown model, no structured output support): retrying would fail the same way.
 */
function assertOk(status: number, body: string): void {
  if (status >= 200 && status < 300) return;
  const retryable = status >= 500 || status === 408 || status === 429;
  const detail = serverMessage(body);
  throw new TransportError(`The server answered HTTP ${status}${detail ? `: ${detail}` : '.'}`, 'http', retryable, status);
}

function serverMessage(body: string): string | null {
  const parsed = z.object({ error: z.union([z.string(), z.object({ message: z.string() })]) }).safeParse(parseJson(body));
  if (!parsed.success) return null;
  const message = typeof parsed.data.error === 'string' ? parsed.data.error : parsed.data.error.message;
  return message.slice(0, 300);
}
