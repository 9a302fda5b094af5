import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Session, WebContents } from 'electron';
import { RENDERER_CSP } from '../ipc/renderer-policy';

/** Denies every permission request and check (camera, notifications from the page, geolocation…). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  // Responses served over http (the dev server) get the same CSP as app:// files.
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
}

/** A folder dropped on the window arrives as a navigation to its file:// URL; anything else is null. */
export function droppedFolder(url: string): string | null {
  if (!url.startsWith('file://')) return null;
  try {
    const folder = fileURLToPath(url);
    return statSync(folder).isDirectory() ? folder : null;
  } catch {
    return null;
  }
}

/**
 * Locks down every web contents: no navigation away from the app (a dropped folder is reported
 * instead of opened), no new windows, no <webview>.
 */
export function lockDownContents(contents: WebContents, onFolderDropped: (folder: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    const folder = droppedFolder(url);
    if (folder) onFolderDropped(folder);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
