import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, type ChannelName } from '../../../src-shared/contract';
import { DataRoomError } from '../../../src-main/analysis/ingest/walk';
import { RunConflictError } from '../../../src-main/analysis/runner/runner';
import { DatabaseError } from '../../../src-main/db/errors';
import { DealDataError } from '../../../src-main/deal-data/errors';
import { createRouter, type Handlers } from '../../../src-main/ipc/router';
import { isTrustedRendererUrl } from '../../../src-main/ipc/renderer-policy';
import { VALID_INPUTS } from './valid-inputs';

const TRUSTED = 'app://renderer/index.html';

function routerWith(handler: (channel: ChannelName, input: unknown) => unknown, log = vi.fn()) {
  const handlers = Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => handler(c, input)])) as unknown as Handlers;
  return { router: createRouter({ handlers, isTrustedSender: (url) => url === TRUSTED, log }), log };
}

describe('IPC router', () => {
  it('refuses an untrusted sender before looking at the message, and never calls a handler', async () => {
    const handler = vi.fn();
    const { router } = routerWith(handler);
    for (const senderUrl of [null, 'https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html', 'data:text/html,hi']) {
      const reply = await router.dispatch({ channel: 'deals.list', input: {} }, { senderUrl });
      expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('passes the parsed input to the handler and returns its output', async () => {
    const handler = vi.fn(() => ({ deals: [] }));
    const { router } = routerWith(handler);
    const reply = await router.dispatch({ channel: 'deals.list', input: {} }, { senderUrl: TRUSTED });
    expect(reply).toEqual({ ok: true, data: { deals: [] } });
    expect(handler).toHaveBeenCalledWith('deals.list', {});
  });

  it('trims and validates inputs (a blank deal name is a validation error)', async () => {
    const handler = vi.fn();
    const { router } = routerWith(handler);
    const reply = await router.dispatch({ channel: 'deals.create', input: { ...VALID_INPUTS['deals.create'], name: '   ' } }, { senderUrl: TRUSTED });
    expect(reply).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!reply.ok && reply.error.message).toContain('name');
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses output that breaks the contract, logging it and telling the window only that it failed', async () => {
    const { router, log } = routerWith(() => ({ deals: [{ secret: 'sqlite internals' }] }));
    const reply = await router.dispatch({ channel: 'deals.list', input: {} }, { senderUrl: TRUSTED });
    expect(reply).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(reply)).not.toContain('sqlite internals');
    expect(log).toHaveBeenCalledOnce();
  });

  it('maps known errors to their codes with their messages, and unknown ones to a generic internal error', async () => {
    const cases: Array<[Error, string, string | RegExp]> = [
      [new DealDataError('not_found', 'Deal 9 does not exist.'), 'not_found', 'Deal 9 does not exist.'],
      [new RunConflictError('Run 2 is in progress.'), 'conflict', 'Run 2 is in progress.'],
      [new DataRoomError('The folder does not exist.'), 'invalid_data_room', 'The folder does not exist.'],
      [new DatabaseError('locked', 'The database is locked.'), 'database', 'The database is locked.'],
      [new TypeError("Cannot read properties of undefined (reading 'x') at /src/secret.ts:12"), 'internal', /^Something went wrong/],
    ];
    for (const [error, code, message] of cases) {
      const { router, log } = routerWith(() => {
        throw error;
      });
      const reply = await router.dispatch({ channel: 'deals.get', input: { dealId: 1 } }, { senderUrl: TRUSTED });
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error.code).toBe(code);
        expect(reply.error.message).toMatch(message);
      }
      expect(log).toHaveBeenCalledTimes(code === 'internal' ? 1 : 0);
    }
  });

  it('handles async handlers that reject', async () => {
    const { router } = routerWith(async () => {
      throw new DealDataError('conflict', 'Busy.');
    });
    expect(await router.dispatch({ channel: 'runs.start', input: { dealId: 1 } }, { senderUrl: TRUSTED })).toEqual({ ok: false, error: { code: 'conflict', message: 'Busy.' } });
  });
});

describe('renderer sender policy', () => {
  it('trusts only the app:// renderer origin, and the dev server on loopback when given', () => {
    expect(isTrustedRendererUrl('app://renderer/index.html')).toBe(true);
    expect(isTrustedRendererUrl('app://renderer/deep/page?x=1#/deals')).toBe(true);
    for (const url of [null, '', 'not a url', 'app://evil/index.html', 'file:///index.html', 'https://renderer/index.html', 'http://localhost:5173/', 'devtools://devtools/bundled/x.html']) {
      expect(isTrustedRendererUrl(url), String(url)).toBe(false);
    }
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('http://example.com:5173/', 'http://example.com:5173')).toBe(false);
  });
});
