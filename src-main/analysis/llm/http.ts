import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isLoopbackAddress } from './endpoint';

/** Why a request failed, and whether trying again may help. */
export type TransportFailure = 'timeout' | 'network' | 'http' | 'malformed' | 'cancelled' | 'refused';

export class TransportError extends Error {
  constructor(
    message: string,
    readonly kind: TransportFailure,
    readonly retryable: boolean,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Refuse to connect anywhere but loopback, whatever the name resolves to. */
  loopbackOnly: boolean;
}

export interface HttpResponse {
  status: number;
  body: string;
}

/** Answers larger than this are not a list of facts; reading them would only cost memory. */
const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/**
 * One HTTP exchange on node:http(s), not fetch: it lets the connection be pinned to loopback at
 * DNS time, and bounds the whole exchange (connect, headers and body) by one deadline.
 */
export function request(req: HttpRequest): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    if (req.signal?.aborted) return reject(new TransportError('Cancelled.', 'cancelled', false));
    const client = req.url.protocol === 'https:' ? https : http;
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    const headers = { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const outgoing = client.request(req.url, { method: req.method, headers, lookup: req.loopbackOnly ? loopbackOnlyLookup : undefined, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          outgoing.destroy();
          finish(() => reject(new TransportError(`The answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB.`, 'malformed', true)));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => finish(() => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })));
      res.on('error', (error) => finish(() => reject(new TransportError(`The connection failed while reading the answer: ${error.message}`, 'network', true))));
    });
    const timer = setTimeout(() => {
      outgoing.destroy();
      finish(() => reject(new TransportError(`No complete answer within ${req.timeoutMs} ms.`, 'timeout', true)));
    }, req.timeoutMs);
    const onAbort = () => {
      outgoing.destroy();
      finish(() => reject(new TransportError('Cancelled.', 'cancelled', false)));
    };
    req.signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      const refused = error.code === 'ERR_NOT_LOOPBACK';
      finish(() => reject(new TransportError(refused ? error.message : `Could not reach ${req.url.host}: ${error.code ?? error.message}.`, refused ? 'refused' : 'network', !refused)));
    });
    outgoing.end(body);
  });
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that fails unless every address it yields is on the loopback interface. */
const loopbackOnlyLookup = ((hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const outside = addresses.find((a) => !isLoopbackAddress(a.address));
    if (outside || addresses.length === 0) {
      const refusal: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${outside?.address ?? 'nothing'}, not to this machine; the request was not sent.`);
      refusal.code = 'ERR_NOT_LOOPBACK';
      return callback(refusal, '');
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0]!;
    return callback(null, first.address, first.family);
  });
}) as LookupFunction;
