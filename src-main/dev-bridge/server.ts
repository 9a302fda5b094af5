import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Backend } from '../ipc/backend';
import { serveStatic } from './static-files';

// The loopback bridge: the IPC contract over HTTP for tests and development only. It binds to
// 127.0.0.1, requires a random token on every call, refuses foreign Host and Origin headers (DNS
// rebinding, cross-site requests), and answers through the very router the Electron edge uses.

const MAX_BODY_BYTES = 1024 * 1024;
const KEEPALIVE_MS = 15_000;

export interface BridgeOptions {
  /** Builds the backend once the bridge knows its own origin (the router trusts only that origin). */
  createBackend: (isTrustedSender: (senderUrl: string | null) => boolean) => Backend;
  /** The built renderer to serve beside the API (out/renderer); omitted, only the API is served. */
  staticDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  token?: string;
  /** Test-only controls, e.g. holding run workers; never enabled by default. */
  testHooks?: { pauseGate: SharedArrayBuffer };
}

export interface Bridge {
  origin: string;
  port: number;
  token: string;
  /** The page to open in a browser: the renderer, with the token for the shim. */
  pageUrl: string;
  backend: Backend;
  close(): Promise<void>;
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = options.token ?? randomBytes(24).toString('hex');
  let origin = '';
  const sseClients = new Set<ServerResponse>();
  let backend: Backend | undefined;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== origin.slice('http://'.length) && host !== `localhost:${new URL(origin).port}`) {
      res.writeHead(421, { 'content-type': 'text/plain' }).end('Wrong host');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/__test/')) {
      if (req.headers.origin !== undefined && req.headers.origin !== origin) {
        res.writeHead(403, { 'content-type': 'text/plain' }).end('Cross-origin requests are refused');
        return;
      }
      const presented = url.pathname === '/api/events' ? url.searchParams.get('token') : bearer(req.headers.authorization);
      if (!tokenMatches(presented, token)) {
        res.writeHead(401, { 'content-type': 'text/plain' }).end('Missing or wrong token');
        return;
      }
    }
    if (url.pathname === '/api/invoke' && req.method === 'POST') return invoke(req, res);
    if (url.pathname === '/api/events' && req.method === 'GET') return events(res);
    if (url.pathname === '/__test/pause' && req.method === 'POST' && options.testHooks) return pause(req, res, options.testHooks.pauseGate);
    if (req.method === 'GET' && options.staticDir && !url.pathname.startsWith('/api/')) return serveStatic(options.staticDir, url.pathname, res);
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }

  async function invoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      res.writeHead(415, { 'content-type': 'text/plain' }).end('Send application/json');
      return;
    }
    const body = await readBody(req);
    let message: unknown;
    if (body === null) {
      message = Symbol('too large');
    } else {
      try {
        message = JSON.parse(body);
      } catch {
        message = null;
      }
    }
    const envelope = await backend!.router.dispatch(typeof message === 'symbol' ? null : message, { senderUrl: req.headers.origin ?? `${origin}/` });
    const json = JSON.stringify(envelope);
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(json);
  }

  function events(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write(': connected\n\n');
    sseClients.add(res);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
    res.on('close', () => {
      clearInterval(keepAlive);
      sseClients.delete(res);
    });
  }

  async function pause(req: IncomingMessage, res: ServerResponse, gate: SharedArrayBuffer): Promise<void> {
    const body = JSON.parse((await readBody(req)) ?? '{}') as { paused?: unknown };
    const flag = new Int32Array(gate);
    Atomics.store(flag, 0, body.paused === true ? 1 : 0);
    Atomics.notify(flag, 0);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ paused: body.paused === true }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  try {
    backend = options.createBackend((senderUrl) => senderUrl !== null && safeOrigin(senderUrl) === origin);
  } catch (error) {
    server.close();
    throw error;
  }
  const unsubscribe = backend.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const client of sseClients) client.write(frame);
  });

  return {
    origin,
    port,
    token,
    pageUrl: `${origin}/?token=${token}`,
    backend,
    async close() {
      unsubscribe();
      for (const client of sseClients) client.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await backend!.close();
    },
  };
}

function bearer(header: string | undefined): string | null {
  const match = /^Bearer (\S+)$/.exec(header ?? '');
  return match ? match[1]! : null;
}

function tokenMatches(presented: string | null, token: string): boolean {
  if (presented === null) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
