import type { Envelope } from '../../src-shared/contract';
import type { DdApi } from './types';

// Development and tests only: when the renderer runs in a plain browser (no preload, so no
// window.dd), talk to the loopback dev bridge that served this page. The token comes from the
// page URL (?token=…); the bridge refuses every call without it.

const TOKEN_KEY = 'dd.bridgeToken';

function bridgeToken(): string | null {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function createBridgeApi(token: string): DdApi {
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  const connect = () => {
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.onmessage = (message) => {
      let parsed: { event?: string; payload?: unknown };
      try {
        parsed = JSON.parse(message.data as string) as { event?: string; payload?: unknown };
      } catch {
        return;
      }
      for (const handler of handlers.get(parsed.event ?? '') ?? []) handler(parsed.payload);
    };
  };

  return {
    async invoke(channel, input) {
      try {
        const response = await fetch('/api/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ channel, input }),
        });
        if (!response.ok) return { ok: false, error: { code: 'unavailable', message: `The dev bridge refused the call (${response.status}).` } };
        return (await response.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'The Diligence Desk backend is not reachable. Is the dev bridge running?' } };
      }
    },
    on(event, handler) {
      if (!source) connect();
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
      return () => set.delete(handler);
    },
  };
}

/** Installs the bridge client as window.dd when no preload provided one. */
export function installBridgeShim(): void {
  if (window.dd) return;
  const token = bridgeToken();
  if (token) window.dd = createBridgeApi(token);
}
