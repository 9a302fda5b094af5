// Stand-ins for the parts of Electron the edge touches, so its security settings can be checked
// in plain Node (no Electron binary here).
import { EventEmitter } from 'node:events';

/** An Electron-style event that records preventDefault. */
export function preventable(): { defaultPrevented: boolean; preventDefault(): void } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits `name` and returns whether a listener prevented the default action. */
  fire(name: string, ...args: unknown[]): boolean {
    const event = preventable();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

type PermissionRequest = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheck = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type HeadersListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;

export class FakeSession {
  request: PermissionRequest | null = null;
  check: PermissionCheck | null = null;
  headers: HeadersListener | null = null;
  setPermissionRequestHandler(handler: PermissionRequest): void {
    this.request = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheck): void {
    this.check = handler;
  }
  webRequest = {
    onHeadersReceived: (listener: HeadersListener): void => {
      this.headers = listener;
    },
  };
}

/** Records the options of every BrowserWindow created. */
export class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  loadedUrl: string | null = null;
  webContents = new FakeWebContents();
  constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize(): void {}
  show(): void {}
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1200, height: 800 };
  }
}

/** What the preload exposed to the page, and what it sent over IPC. */
export const bridge = {
  exposed: new Map<string, unknown>(),
  invoked: [] as Array<[string, unknown]>,
  listeners: new Map<string, Array<(event: unknown, message: unknown) => void>>(),
};

export const fakeContextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    bridge.exposed.set(key, api);
  },
};

export const fakeIpcRenderer = {
  invoke(channel: string, message: unknown): Promise<unknown> {
    bridge.invoked.push([channel, message]);
    return Promise.resolve({ ok: true, data: null });
  },
  on(channel: string, listener: (event: unknown, message: unknown) => void): void {
    bridge.listeners.set(channel, [...(bridge.listeners.get(channel) ?? []), listener]);
  },
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): void {
    bridge.listeners.set(channel, (bridge.listeners.get(channel) ?? []).filter((l) => l !== listener));
  },
};

/** Records custom-scheme registrations. */
export const schemes: Array<{ scheme: string; privileges: Record<string, boolean> }> = [];
export const fakeProtocol = {
  registerSchemesAsPrivileged(list: Array<{ scheme: string; privileges: Record<string, boolean> }>): void {
    schemes.push(...list);
  },
  handle(): void {},
};
