import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../src-shared/contract/names';

const exposed: Array<[string, unknown]> = [];
const listeners = new Map<string, Set<(event: unknown, message: unknown) => void>>();
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, data: 'from main' })),
  on: vi.fn((channel: string, fn: (event: unknown, message: unknown) => void) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(fn);
    listeners.set(channel, set);
  }),
  removeListener: vi.fn((channel: string, fn: (event: unknown, message: unknown) => void) => listeners.get(channel)?.delete(fn)),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
  ipcRenderer,
}));

await import('../../../src-main/electron/preload');

type Api = { invoke: (channel: unknown, input: unknown) => Promise<unknown>; on: (event: unknown, handler: unknown) => () => void };
const api = () => exposed[0]![1] as Api;
const fakeEvent = { sender: { secret: 'ipcRenderer' } };

describe('preload', () => {
  it('exposes exactly window.dd with invoke and on, frozen', () => {
    expect(exposed.map(([key]) => key)).toEqual(['dd']);
    expect(Object.keys(api()).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api())).toBe(true);
  });

  it('sends contract channels on the one invoke channel and refuses other names locally', async () => {
    await expect(api().invoke('deals.list', {})).resolves.toEqual({ ok: true, data: 'from main' });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL, { channel: 'deals.list', input: {} });
    ipcRenderer.invoke.mockClear();
    for (const bad of ['dd:invoke', 'deals.drop', '__proto__', 42, null]) {
      await expect(api().invoke(bad, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('delivers only the payload of the subscribed event, and unsubscribes', () => {
    const handler = vi.fn();
    const off = api().on('run.progress', handler);
    const fire = (message: unknown) => listeners.get(EVENT_CHANNEL)!.forEach((fn) => fn(fakeEvent, message));
    fire({ event: 'run.progress', payload: { runId: 1 } });
    fire({ event: 'run.finished', payload: { runId: 1 } });
    fire('garbage');
    fire(null);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith({ runId: 1 });
    off();
    fire({ event: 'run.progress', payload: { runId: 2 } });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(listeners.get(EVENT_CHANNEL)!.size).toBe(0);
  });

  it('refuses unknown events and non-function handlers', () => {
    expect(() => api().on('dd:event', () => undefined)).toThrow(TypeError);
    expect(() => api().on('run.progress', 'alert(1)')).toThrow(TypeError);
  });
});
