import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp';
import { emitPreventable, FakeWebContents } from './electron-stub';

vi.mock('electron', () => ({}));

const { hardenSession, lockDownContents, droppedFolder } = await import('../../../src-main/electron/security');
const { RENDERER_CSP } = await import('../../../src-main/ipc/renderer-policy');

function fakeSession() {
  const captured: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (...args: unknown[]) => boolean;
    headers?: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void;
  } = {};
  const session = {
    setPermissionRequestHandler: vi.fn((fn) => (captured.request = fn)),
    setPermissionCheckHandler: vi.fn((fn) => (captured.check = fn)),
    webRequest: { onHeadersReceived: vi.fn((fn) => (captured.headers = fn)) },
  };
  return { session, captured };
}

describe('session hardening', () => {
  it('denies every permission request and check', () => {
    const { session, captured } = fakeSession();
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      const callback = vi.fn();
      captured.request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(captured.check!({}, 'media', 'app://renderer')).toBe(false);
  });

  it('adds a strict CSP header to every response: no eval, no inline script, no remote content', () => {
    const { session, captured } = fakeSession();
    hardenSession(session as never);
    let headers: Record<string, string[]> = {};
    captured.headers!({ responseHeaders: { 'X-Other': ['1'] } }, (response) => (headers = response.responseHeaders));
    expect(headers['X-Other']).toEqual(['1']);
    const csp = headers['Content-Security-Policy']![0]!;
    expect(csp).toBe(RENDERER_CSP);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|\*|https?:/);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
  });
});

describe('web contents lock-down', () => {
  it('blocks every navigation and window.open, and <webview>', () => {
    const contents = new FakeWebContents();
    const dropped = vi.fn();
    lockDownContents(contents as never, dropped);
    for (const url of ['https://evil.example/', 'app://renderer/other.html', 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(emitPreventable(contents, 'will-navigate', url), url).toBe(true);
    }
    expect(emitPreventable(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(emitPreventable(contents, 'will-attach-webview', {}, {})).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(dropped).not.toHaveBeenCalled();
  });

  it('reports a folder dropped on the window (a file:// navigation to a directory) instead of opening it', () => {
    const room = tempDir('dd-drop-');
    mkdirSync(path.join(room, 'data room'));
    writeFileSync(path.join(room, 'doc.md'), '# x');
    const contents = new FakeWebContents();
    const dropped = vi.fn();
    lockDownContents(contents as never, dropped);
    expect(emitPreventable(contents, 'will-navigate', pathToFileURL(path.join(room, 'data room')).href)).toBe(true);
    expect(dropped).toHaveBeenCalledWith(path.join(room, 'data room'));
    expect(emitPreventable(contents, 'will-navigate', pathToFileURL(path.join(room, 'doc.md')).href)).toBe(true);
    expect(dropped).toHaveBeenCalledTimes(1);
    expect(droppedFolder('https://example.com/')).toBeNull();
    expect(droppedFolder('file:///no/such/folder')).toBeNull();
  });
});
