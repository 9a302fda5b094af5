import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../../src-shared/contract/names';
import { FakeWebContents } from './electron-stub';

vi.mock('electron', () => ({}));
const { registerIpc } = await import('../../../src-main/electron/ipc');

function setup() {
  const handlers = new Map<string, (event: unknown, message: unknown) => unknown>();
  const ipcMain = { handle: vi.fn((channel: string, fn: (event: unknown, message: unknown) => unknown) => handlers.set(channel, fn)), removeHandler: vi.fn() };
  let subscriber: ((name: string, payload: unknown) => void) | null = null;
  const dispatch = vi.fn(async () => ({ ok: true, data: null }));
  const backend = { router: { dispatch }, subscribe: vi.fn((fn) => ((subscriber = fn), () => (subscriber = null))) };
  const contents = new FakeWebContents();
  const win = { webContents: contents, isDestroyed: vi.fn(() => false) };
  const off = registerIpc(ipcMain as never, backend as never, () => win as never);
  return { handlers, ipcMain, dispatch, contents, win, off, emit: (name: string, payload: unknown) => subscriber?.(name, payload) };
}

describe('Electron IPC registration', () => {
  it('handles the one invoke channel, passing the main frame URL as the sender', async () => {
    const { handlers, dispatch, contents } = setup();
    expect([...handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    const message = { channel: 'deals.list', input: {} };
    await handlers.get(INVOKE_CHANNEL)!({ sender: contents, senderFrame: contents.mainFrame }, message);
    expect(dispatch).toHaveBeenLastCalledWith(message, { senderUrl: 'app://renderer/index.html' });
  });

  it('passes no sender URL for a subframe or a destroyed frame (the router then refuses)', async () => {
    const { handlers, dispatch, contents } = setup();
    await handlers.get(INVOKE_CHANNEL)!({ sender: contents, senderFrame: { url: 'app://renderer/index.html' } }, {});
    expect(dispatch).toHaveBeenLastCalledWith({}, { senderUrl: null });
    await handlers.get(INVOKE_CHANNEL)!({ sender: contents, senderFrame: null }, {});
    expect(dispatch).toHaveBeenLastCalledWith({}, { senderUrl: null });
  });

  it('forwards backend events on the one event channel, unless the window is gone; unregisters', () => {
    const { contents, win, emit, off, ipcMain } = setup();
    emit('run.progress', { runId: 1 });
    expect(contents.sent).toEqual([[EVENT_CHANNEL, { event: 'run.progress', payload: { runId: 1 } }]]);
    win.isDestroyed.mockReturnValue(true);
    emit('run.progress', { runId: 2 });
    expect(contents.sent).toHaveLength(1);
    off();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith(INVOKE_CHANNEL);
  });
});
