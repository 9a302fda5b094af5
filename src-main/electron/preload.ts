// The sandboxed preload: exposes exactly window.dd.invoke(channel, input) and
// window.dd.on(event, handler) for contract names. Bundled as CommonJS with nothing from
// node_modules but `electron` itself (a sandboxed preload can require nothing else).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, isChannelName, isEventName } from '../../src-shared/contract/names';

type Listener = (event: IpcRendererEvent, message: unknown) => void;

export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: Listener): unknown;
  removeListener(channel: string, listener: Listener): unknown;
}

export function createPreloadApi(ipc: PreloadIpc) {
  return Object.freeze({
    invoke(channel: unknown, input: unknown): Promise<unknown> {
      if (!isChannelName(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown channel ${String(channel).slice(0, 60)}.` } });
      }
      return ipc.invoke(INVOKE_CHANNEL, { channel, input });
    },
    on(event: unknown, handler: unknown): () => void {
      if (!isEventName(event)) throw new TypeError(`Unknown event ${String(event).slice(0, 60)}.`);
      if (typeof handler !== 'function') throw new TypeError('The event handler must be a function.');
      // The renderer gets the payload only, never Electron's event object (it reaches ipcRenderer).
      const listener: Listener = (_event, message) => {
        if (typeof message === 'object' && message !== null && (message as { event?: unknown }).event === event) {
          (handler as (payload: unknown) => void)((message as { payload?: unknown }).payload);
        }
      };
      ipc.on(EVENT_CHANNEL, listener);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, listener);
      };
    },
  });
}

contextBridge.exposeInMainWorld('dd', createPreloadApi(ipcRenderer));
