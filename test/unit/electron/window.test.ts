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

/** The displays attached now (a laptop screen beside an external monitor, by default). */
let workAreas = [
  { x: 0, y: 0, width: 1920, height: 1040 },
  { x: 1920, y: 0, width: 2560, height: 1400 },
];

vi.mock('electron', () => ({ BrowserWindow: FakeWindow, screen: { getAllDisplays: () => workAreas.map((workArea) => ({ workArea })) } }));

const { createMainWindow, secureWebPreferences } = await import('../../../src-main/electron/window');
const { loadWindowState, fitToDisplays, DEFAULT_WINDOW_STATE } = await import('../../../src-main/electron/window-state');

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

  it('opens on a screen attached now: a position on a monitor that is gone is dropped, and the size fits', () => {
    const userData = tempDir();
    writeFileSync(path.join(userData, 'window-state.json'), JSON.stringify({ width: 2400, height: 1300, x: 2000, y: 50, maximized: false }));
    // Docked: the external monitor is there, the window comes back where it was.
    createMainWindow({ preloadPath: '/p.cjs', userDataDir: userData, url: 'app://renderer/index.html' });
    expect(created.at(-1)!.options).toMatchObject({ width: 2400, height: 1300, x: 2000, y: 50 });
    // On the road: only the laptop screen; no position (centred) and no larger than that screen.
    workAreas = [{ x: 0, y: 0, width: 1440, height: 860 }];
    createMainWindow({ preloadPath: '/p.cjs', userDataDir: userData, url: 'app://renderer/index.html' });
    const options = created.at(-1)!.options;
    expect(options).toMatchObject({ width: 1440, height: 860 });
    expect(options.x).toBeUndefined();
    expect(options.y).toBeUndefined();
  });

  it('keeps a position whose title bar is reachable on some display, and drops one that is not', () => {
    const laptop = [{ x: 0, y: 0, width: 1440, height: 860 }];
    expect(fitToDisplays({ width: 1200, height: 800, x: 1300, y: 100, maximized: false }, laptop)).toMatchObject({ x: 1300, y: 100 });
    expect(fitToDisplays({ width: 1200, height: 800, x: 1400, y: 100, maximized: false }, laptop).x).toBeUndefined();
    expect(fitToDisplays({ width: 1200, height: 800, x: 100, y: -30, maximized: false }, laptop).x).toBeUndefined();
    expect(fitToDisplays({ width: 1200, height: 800, x: -1000, y: 0, maximized: true }, laptop)).toEqual({ width: 1200, height: 800, x: -1000, y: 0, maximized: true });
    // No display information at all: the state as remembered.
    expect(fitToDisplays({ width: 1200, height: 800, x: 5000, y: 5000, maximized: false }, [])).toMatchObject({ x: 5000 });
  });
});
