import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../src-shared/contract/names';
import type { Backend } from '../ipc/backend';

/**
 * Wires the one invoke channel to the router (which checks the sender frame's URL, validates and
 * maps errors) and forwards every backend event on the one event channel.
 */
export function registerIpc(ipcMain: IpcMain, backend: Backend, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, message: unknown) => {
    const frame = event.senderFrame;
    // Only the top frame of our window may call; a destroyed frame has no URL and is refused.
    const senderUrl = frame && frame === event.sender.mainFrame ? frame.url : null;
    return backend.router.dispatch(message, { senderUrl });
  });
  const unsubscribe = backend.subscribe((name, payload) => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, { event: name, payload });
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
