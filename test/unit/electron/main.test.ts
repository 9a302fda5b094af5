import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp';

// The app lifecycle with electron and the backend stubbed: single instance, sandbox, the app://
// scheme before ready, then session hardening, IPC, menu and one window once ready.

const calls: string[] = [];
const app = Object.assign(new EventEmitter(), {
  lock: true,
  requestSingleInstanceLock: vi.fn(() => app.lock),
  enableSandbox: vi.fn(() => calls.push('enableSandbox')),
  whenReady: vi.fn(() => Promise.resolve()),
  quit: vi.fn(),
  exit: vi.fn(),
  isPackaged: false,
  getPath: vi.fn(() => userData),
  getName: () => 'Diligence Desk',
  getVersion: () => '0.1.0',
});
let userData = '/tmp';
const windows: Array<EventEmitter & { options: unknown; loaded?: string }> = [];
class BrowserWindow extends EventEmitter {
  webContents = new EventEmitter();
  constructor(readonly options: unknown) {
    super();
    windows.push(this as never);
  }
  loadURL(url: string) {
    (this as unknown as { loaded: string }).loaded = url;
    return Promise.resolve();
  }
  maximize() {}
  isMinimized() {
    return false;
  }
  focus = vi.fn();
  restore = vi.fn();
  isDestroyed() {
    return false;
  }
}
const session = { defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } } };
const protocol = { registerSchemesAsPrivileged: vi.fn(() => calls.push('registerScheme')), handle: vi.fn() };
const ipcMain = { handle: vi.fn(), removeHandler: vi.fn() };
const Menu = { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: vi.fn() };
const backend = { router: { dispatch: vi.fn() }, subscribe: vi.fn(() => () => undefined), emit: vi.fn(), close: vi.fn(async () => undefined), runs: {} };
const createBackend = vi.fn((_options: Record<string, unknown>) => backend);

vi.mock('electron', () => ({ app, BrowserWindow, session, protocol, ipcMain, Menu, Notification: { isSupported: () => false }, dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn() }, screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] } }));
vi.mock('../../../src-main/ipc/backend', () => ({ createBackend }));
vi.mock('../../../src-main/deal-data/runs/worker?modulePath', () => ({ default: '/out/main/chunks/worker.js' }));

const { startApp } = await import('../../../src-main/electron/main');

describe('app lifecycle', () => {
  beforeEach(() => {
    calls.length = 0;
    windows.length = 0;
    app.removeAllListeners();
    vi.clearAllMocks();
    userData = tempDir('dd-userdata-');
  });

  it('quits at once when another instance holds the lock', () => {
    app.lock = false;
    startApp();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
    app.lock = true;
  });

  it('enables the sandbox and registers app:// before ready, then opens one hardened window', async () => {
    startApp();
    expect(calls).toEqual(['enableSandbox', 'registerScheme']);
    await new Promise((r) => setTimeout(r, 0));
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(ipcMain.handle).toHaveBeenCalledWith('dd:invoke', expect.any(Function));
    expect(Menu.setApplicationMenu).toHaveBeenCalled();
    expect(windows).toHaveLength(1);
    expect(windows[0]!.loaded).toBe('app://renderer/index.html');
    expect(windows[0]!.options).toMatchObject({ webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
    const options = createBackend.mock.calls[0]![0];
    expect(options.dbFile).toMatch(/diligence-desk\.sqlite$/);
    expect((options.isTrustedSender as (u: string) => boolean)('app://renderer/index.html')).toBe(true);
    expect((options.isTrustedSender as (u: string) => boolean)('https://evil.example/')).toBe(false);
  });

  it('locks down every web contents and focuses the window when a second instance starts', async () => {
    startApp();
    await new Promise((r) => setTimeout(r, 0));
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    app.emit('second-instance');
    expect((windows[0] as unknown as { focus: () => void }).focus).toHaveBeenCalled();
  });

  it('closes the backend (stopping runs cleanly) before quitting', async () => {
    startApp();
    await new Promise((r) => setTimeout(r, 0));
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await new Promise((r) => setTimeout(r, 0));
    expect(backend.close).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalled();
  });
});
