// A fake OpenAI-compatible chat completions server on 127.0.0.1 (random port), started by a test.
// It answers like a model that read the part it was sent: the canned facts whose quote is in that
// part, plus whatever a test injects (invented quotes, failures, hangs).
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Domain } from '../../../src-shared/domain';

export interface CannedFact {
  domain: Domain;
  attribute: string;
  subject: string | null;
  value: string;
  quote: string;
}

export interface FakeRequest {
  /** sha256 of the user message: identifies the part asked about. */
  part: string;
  user: string;
  model: string;
  authorization: string | undefined;
  hasSchema: boolean;
}

/** What to do with one request: answer with facts, send a raw body, fail with a status, or never answer. */
export type Reply = { facts: CannedFact[] } | { raw: string; status?: number } | { hang: true };

export type Handler = (request: FakeRequest, index: number) => Reply;

export interface FakeServer {
  /** Base URL for the config, e.g. http://127.0.0.1:41234/v1 */
  url: string;
  requests: FakeRequest[];
  setHandler(handler: Handler): void;
  close(): Promise<void>;
}

/** Facts from `canned` whose quote appears in the part (as a model reading it would find them). */
export function factsIn(user: string, canned: readonly CannedFact[]): CannedFact[] {
  const text = user.replace(/\s+/g, ' ');
  return canned.filter((f) => text.includes(f.quote.replace(/\s+/g, ' ')));
}

export function answer(facts: readonly CannedFact[]): string {
  const byDomain: Record<string, unknown[]> = { applications: [], infrastructure: [], network: [], cybersecurity: [], identity_access: [], organization: [] };
  for (const f of facts) byDomain[f.domain]!.push({ attribute: f.attribute, subject: f.subject, value: f.value, quote: f.quote });
  return JSON.stringify(byDomain);
}

export async function startFakeOpenAi(initial: Handler): Promise<FakeServer> {
  let handler = initial;
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'GET' && req.url === '/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data: [{ id: 'test-model' }] }));
        return;
      }
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        model: string;
        messages: Array<{ role: string; content: string }>;
        response_format?: { type: string; json_schema?: { schema?: unknown } };
      };
      const user = body.messages.find((m) => m.role === 'user')?.content ?? '';
      const request: FakeRequest = {
        part: createHash('sha256').update(user).digest('hex'),
        user,
        model: body.model,
        authorization: req.headers.authorization,
        hasSchema: body.response_format?.type === 'json_schema' && body.response_format.json_schema?.schema !== undefined,
      };
      requests.push(request);
      const reply = handler(request, requests.length - 1);
      if ('hang' in reply) return;
      if ('raw' in reply) {
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(reply.raw);
        return;
      }
      const completion = { id: 'fake', object: 'chat.completion', model: body.model, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: answer(reply.facts) } }] };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(completion));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    setHandler: (next) => (handler = next),
    close: () =>
      new Promise<void>((resolve) => {
        // Hung requests keep their sockets open; end them so close() returns.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A chat completion whose content is not JSON: what a confused model sends. */
export function malformedCompletion(): string {
  return JSON.stringify({ choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: 'Sure! Here are the facts: {applications: [' } }] });
}
