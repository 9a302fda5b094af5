import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../../src-main/dev-bridge/server';
import { createBackend } from '../../../src-main/ipc/backend';
import { onCleanup, tempDir } from '../../support/temp';

async function bridge(): Promise<{ bridge: Bridge; staticDir: string }> {
  const dir = tempDir('dd-bridge-');
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ok</title>');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the renderer');
  const started = await startBridge({
    staticDir,
    createBackend: (isTrustedSender) =>
      createBackend({
        dbFile: path.join(dir, 'bridge.sqlite'),
        demoDir: null,
        spawnWorker: () => {
          throw new Error('no runs here');
        },
        platform: { shell: 'bridge', canPickFolder: false, pickFolder: async () => null },
        isTrustedSender,
        app: { name: 'Diligence Desk', version: 'test' },
      }),
  });
  onCleanup(() => void started.close());
  return { bridge: started, staticDir };
}

function http(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const invokeBody = JSON.stringify({ channel: 'deals.list', input: {} });

describe('loopback dev bridge', () => {
  it('listens on 127.0.0.1 with a random port and token', async () => {
    const { bridge: a } = await bridge();
    const { bridge: b } = await bridge();
    expect(a.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.port).not.toBe(b.port);
    expect(a.token).toMatch(/^[0-9a-f]{48}$/);
    expect(a.token).not.toBe(b.token);
  });

  it('answers a call with the right token through the shared router', async () => {
    const { bridge: b } = await bridge();
    const res = await http(b.port, { method: 'POST', path: '/api/invoke', headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json' }, body: invokeBody });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, data: { deals: [] } });
  });

  it('refuses calls without the token, with a wrong token, from another origin, with another Host, or not as JSON', async () => {
    const { bridge: b } = await bridge();
    const json = { 'content-type': 'application/json' };
    const auth = { authorization: `Bearer ${b.token}` };
    const cases: Array<[Record<string, string>, number]> = [
      [json, 401],
      [{ ...json, authorization: `Bearer ${'0'.repeat(48)}` }, 401],
      [{ ...json, authorization: `Bearer ${b.token}x` }, 401],
      [{ ...json, ...auth, origin: 'https://evil.example' }, 403],
      [{ ...json, ...auth, host: `evil.example:${b.port}` }, 421],
      [{ ...auth, 'content-type': 'text/plain' }, 415],
    ];
    for (const [headers, status] of cases) {
      const res = await http(b.port, { method: 'POST', path: '/api/invoke', headers, body: invokeBody });
      expect(res.status, JSON.stringify(headers)).toBe(status);
    }
  });

  it('turns a body that is not JSON into a validation error, not a crash', async () => {
    const { bridge: b } = await bridge();
    const res = await http(b.port, { method: 'POST', path: '/api/invoke', headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json' }, body: '{"channel": ' });
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('streams backend events to subscribers who present the token', async () => {
    const { bridge: b } = await bridge();
    expect((await http(b.port, { path: '/api/events' })).status).toBe(401);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: b.port, path: `/api/events?token=${b.token}` }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          // Subscribed once the stream opens: an event emitted now must arrive.
          if (text === ': connected\n\n') b.backend.emit('deals.changed', { dealId: 3 });
          if (text.includes('"deals.changed"')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"event":"deals.changed","payload":{"dealId":3}}');
  });

  it('serves the renderer with the CSP header and never a file outside it', async () => {
    const { bridge: b } = await bridge();
    const page = await http(b.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(page.headers['content-security-policy'])).not.toContain('unsafe');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await http(b.port, { path: p });
      expect(res.body).not.toContain('outside the renderer');
    }
  });
});
