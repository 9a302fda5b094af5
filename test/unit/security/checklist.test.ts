// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security), item by
// item, asserted against the app's Electron edge with `electron` replaced by fakes, plus the
// source-wide rules that keep it true as the code grows.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../support/paths';
import { ensureAppBuilt } from '../packaging/app-build';
import { bridge, FakeBrowserWindow, FakeSession, FakeWebContents, schemes } from './electron-fakes';

vi.mock('electron', async () => {
  const fakes = await import('./electron-fakes');
  return { BrowserWindow: fakes.FakeBrowserWindow, contextBridge: fakes.fakeContextBridge, ipcRenderer: fakes.fakeIpcRenderer, protocol: fakes.fakeProtocol, screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] } };
});

const { secureWebPreferences, createMainWindow } = await import('../../../src-main/electron/window');
const { hardenSession, lockDownContents } = await import('../../../src-main/electron/security');
const { registerAppScheme, serveRendererFile } = await import('../../../src-main/electron/protocol');
const { registerIpc } = await import('../../../src-main/electron/ipc');
const { RENDERER_CSP, APP_ORIGIN, isTrustedRendererUrl } = await import('../../../src-main/ipc/renderer-policy');
const { createRouter } = await import('../../../src-main/ipc/router');
const { tempDir } = await import('../../support/temp');

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const sources = (dir: string): string[] =>
  readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(`${dir}/${e.name}`) : /\.(ts|tsx|html)$/.test(e.name) ? [`${dir}/${e.name}`] : [],
  );
const appSources = () => [...sources('src-main'), ...sources('src-renderer'), ...sources('src-shared')];
const csp = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

let prefs: Record<string, unknown>;
beforeAll(async () => {
  await ensureAppBuilt();
  FakeBrowserWindow.created.length = 0;
  createMainWindow({ preloadPath: '/app/out/preload/preload.cjs', userDataDir: tempDir('dd-win-'), url: `${APP_ORIGIN}/index.html` });
  prefs = FakeBrowserWindow.created[0]!.options.webPreferences!;
}, 120_000);

describe('Electron security checklist', () => {
  it('1, 18. loads only its own content, over a custom secure scheme instead of file:// or http', async () => {
    expect(FakeBrowserWindow.created[0]!.loadedUrl).toBe('app://renderer/index.html');
    registerAppScheme();
    expect(schemes).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
    const main = read('src-main/electron/main.ts');
    expect(main).toMatch(/const devServerUrl = app\.isPackaged \? undefined : process\.env\.ELECTRON_RENDERER_URL/);
    // The scheme serves the renderer folder only: another host, or a path climbing out, is a 404.
    const dir = tempDir('dd-renderer-');
    expect((await serveRendererFile(dir, 'app://renderer/../../etc/passwd')).status).toBe(404);
    expect((await serveRendererFile(dir, 'app://renderer/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await serveRendererFile(dir, 'app://elsewhere/index.html')).status).toBe(404);
  });

  it('2, 3, 4. no Node integration anywhere, context isolation, sandboxed renderer (and app-wide sandbox)', () => {
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false });
    expect(secureWebPreferences('/app/out/preload/preload.cjs')).toEqual(prefs);
    expect(read('src-main/electron/main.ts')).toMatch(/app\.enableSandbox\(\)/);
  });

  it('5. denies every permission request and permission check', () => {
    const session = new FakeSession();
    hardenSession(session as never);
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'openExternal', 'hid', 'serial', 'usb', 'fileSystem']) {
      let granted: boolean | null = null;
      session.request!({}, permission, (g) => (granted = g), {});
      expect(granted, permission).toBe(false);
      expect(session.check!({}, permission, APP_ORIGIN, {}), permission).toBe(false);
    }
  });

  it('6, 8, 9, 10. web security on, no insecure content, no experimental or Blink features', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false, experimentalFeatures: false });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('7. a strict Content-Security-Policy without unsafe-eval, as a header on every response and in the page', async () => {
    const policy = csp(RENDERER_CSP);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval|\*|https?:|ws:/);
    const session = new FakeSession();
    hardenSession(session as never);
    let sent: Record<string, string[]> | undefined;
    session.headers!({ url: 'http://localhost:5173/', responseHeaders: {} }, (r) => (sent = r.responseHeaders));
    expect(sent?.['Content-Security-Policy']).toEqual([RENDERER_CSP]);
    const dir = tempDir('dd-renderer-');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html>');
    const response = await serveRendererFile(dir, 'app://renderer/index.html');
    expect(response.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // The built page carries the same policy as a meta tag, and its code needs no eval.
    const html = read('out/renderer/index.html').replace(/&#39;/g, "'");
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(meta).not.toMatch(/unsafe-eval|unsafe-inline/);
    for (const asset of readdirSync(path.join(REPO_ROOT, 'out/renderer/assets')).filter((f) => f.endsWith('.js'))) {
      expect(read(`out/renderer/assets/${asset}`), asset).not.toMatch(/\beval\(|new Function\(/);
    }
  });

  it('11, 12. no <webview>: the tag is disabled and any attach is refused', () => {
    expect(prefs.webviewTag).toBe(false);
    const contents = new FakeWebContents();
    lockDownContents(contents as never, () => undefined);
    expect(contents.fire('will-attach-webview', {}, { src: 'https://evil.example' })).toBe(true);
  });

  it('13, 14. navigation and new windows are blocked (a dropped folder is reported, never opened)', () => {
    const contents = new FakeWebContents();
    const dropped: string[] = [];
    lockDownContents(contents as never, (folder) => dropped.push(folder));
    const folder = tempDir('dd-dropped-');
    for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'app://renderer/other.html', 'file:///etc/passwd', `file://${folder}`, 'javascript:alert(1)']) {
      expect(contents.fire('will-navigate', url), url).toBe(true);
    }
    expect(dropped).toEqual([folder]);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(read('src-main/electron/main.ts')).toMatch(/app\.on\('web-contents-created',[\s\S]*lockDownContents\(contents/);
  });

  it('15. never hands URLs to the operating system (no shell.openExternal)', () => {
    for (const file of appSources()) expect(read(file), file).not.toMatch(/openExternal|openPath\(/);
  });

  it('16. runs a current Electron', () => {
    const version = (JSON.parse(read('node_modules/electron/package.json')) as { version: string }).version;
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(41);
  });

  it('17. validates the sender of every IPC message: only the top frame of the app:// page may call', async () => {
    expect(isTrustedRendererUrl('app://renderer/index.html')).toBe(true);
    for (const url of [null, '', 'file:///index.html', 'https://evil.example/', 'app://other/index.html', 'data:text/html,x', 'http://localhost:5173/']) {
      expect(isTrustedRendererUrl(url), String(url)).toBe(false);
    }
    expect(isTrustedRendererUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://evil.example:5173/', 'http://evil.example:5173')).toBe(false);

    const handler = vi.fn(() => ({ name: 'Diligence Desk' }));
    const router = createRouter({ handlers: { 'app.info': handler } as never, isTrustedSender: (url) => isTrustedRendererUrl(url), log: () => undefined });
    const handlers = new Map<string, (event: unknown, message: unknown) => Promise<unknown>>();
    const ipcMain = { handle: (channel: string, fn: (event: unknown, message: unknown) => Promise<unknown>) => handlers.set(channel, fn), removeHandler: () => undefined };
    registerIpc(ipcMain as never, { router, subscribe: () => () => undefined } as never, () => null);
    const invoke = [...handlers.values()][0]!;
    const mainFrame = { url: 'app://renderer/index.html' };
    const subFrame = { url: 'app://renderer/index.html' };
    const call = (senderFrame: unknown) => invoke({ senderFrame, sender: { mainFrame } }, { channel: 'app.info', input: {} }) as Promise<{ ok: boolean; error?: { code: string } }>;
    expect(await call(subFrame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(null)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('19. flips the Electron fuses at packaging time', () => {
    const config = read('electron-builder.yml');
    for (const line of ['runAsNode: false', 'enableNodeOptionsEnvironmentVariable: false', 'enableNodeCliInspectArguments: false', 'onlyLoadAppFromAsar: true', 'enableEmbeddedAsarIntegrityValidation: true']) {
      expect(config).toContain(line);
    }
  });

  it('20. exposes no Electron API to the page: only a frozen invoke/on pair for contract names', async () => {
    await import('../../../src-main/electron/preload');
    expect([...bridge.exposed.keys()]).toEqual(['dd']);
    const api = bridge.exposed.get('dd') as { invoke(c: unknown, i?: unknown): Promise<unknown>; on(e: unknown, h: unknown): () => void };
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    await expect(api.invoke('shell.openExternal', {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(bridge.invoked).toEqual([]);
    expect(() => api.on('ipc-message', () => undefined)).toThrow(TypeError);
    const received: unknown[] = [];
    api.on('run.progress', (payload: unknown) => received.push(payload));
    for (const listener of bridge.listeners.get('dd:event') ?? []) listener({ sender: 'ipcRenderer' }, { event: 'run.progress', payload: { runId: 1 } });
    expect(received).toEqual([{ runId: 1 }]);
  });

  it('keeps the rules true across the code base: no weakened preference, no eval, no remote module', () => {
    const weakened = /nodeIntegration(InWorker|InSubFrames)?:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true|experimentalFeatures:\s*true|webviewTag:\s*true|enableBlinkFeatures|@electron\/remote|\beval\(|new Function\(/;
    for (const file of appSources()) expect(read(file), file).not.toMatch(weakened);
  });
});
