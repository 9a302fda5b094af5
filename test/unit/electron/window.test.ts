import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp';

const created: Array<{ options: Record<string, unknown>; win: FakeWindow }> = [];

class FakeWindow {
  listeners = new Map<string, () => void>();
  loaded: string | null = null;
  maximized = false;
  constructor(readonly options: Record<string, unknown>) {
    created.push({ options, win: this });
  }
  on(name: string, fn: () => void) {
    this.listeners.set(name, fn);
    return this;
  }
  once(name: string, fn: () => void) {
    return this.on(name, fn);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return { x: 40, y: 30, width: 1500, height: 950 };
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { createMainWindow, secureWebPreferences } = await import('../../../src-main/electron/window');
const { loadWindowState, DEFAULT_WINDOW_STATE } = await import('../../../src-main/electron/window-state');

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('is isolated and sandboxed, with no Node in the page', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('opens with those settings on the app:// renderer, at the remembered size', () => {
    const userData = tempDir();
    writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify({ width: 1200, height: 800, x: 10, y: 20, maximized: true }));
    createMainWindow({ preloadPath: '/p.cjs', userDataDir: userData, url: 'app://renderer/index.html' });
    const { options, win } = created[0]!;
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
    expect(options).toMatchObject({ width: 1200, height: 800, x: 10, y: 20, show: false });
    expect(win.maximized).toBe(true);
    expect(win.loaded).toBe('app://renderer/index.html');
  });

  it('remembers its size and position in a small JSON file when it closes', () => {
    const userData = tempDir();
    createMainWindow({ preloadPath: '/p.cjs', userDataDir: userData, url: 'app://renderer/index.html' });
    expect(created[0]!.options).toMatchObject({ width: DEFAULT_WINDOW_STATE.width, height: DEFAULT_WINDOW_STATE.height });
    created[0]!.win.listeners.get('close')!();
    expect(JSON.parse(readFileSync(path.join(userData, 'window-state.json'), 'utf8'))).toEqual({ width: 1500, height: 950, x: 40, y: 30, maximized: false });
    expect(loadWindowState(userData)).toEqual({ width: 1500, height: 950, x: 40, y: 30, maximized: false });
  });

  it('falls back to defaults on a missing, corrupt or absurd state file', () => {
    const userData = tempDir();
    expect(loadWindowState(userData)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(path.join(userData, 'window-state.json'), '{not json');
    expect(loadWindowState(userData)).toEqual(DEFAULT_WINDOW_STATE);
    writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify({ width: 10, height: 'x', x: 5 }));
    expect(loadWindowState(userData)).toEqual(DEFAULT_WINDOW_STATE);
  });
});
