import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BrowserWindow} from 'electron';
import { app, dialog, ipcMain, Menu, Notification, session } from 'electron';
import { DATABASE_FILE_NAME, findShippedDir } from '../db/paths';
import type { RunWorkerData } from '../deal-data/runs/protocol';
import { createBackend, type Backend } from '../ipc/backend';
import runWorkerPath from '../deal-data/runs/worker?modulePath';
import { APP_ORIGIN, isTrustedRendererUrl } from '../ipc/renderer-policy';
import { registerIpc } from './ipc';
import { fileDialogs, printHtmlToPdf } from './files';
import { electronSecretBox } from './secret-box';
import { menuTemplate } from './menu';
import { handleAppScheme, registerAppScheme } from './protocol';
import { runFeedback } from './run-feedback';
import { hardenSession, lockDownContents } from './security';
import { createMainWindow } from './window';

const here = path.dirname(fileURLToPath(import.meta.url));

function shippedDir(name: string): string | null {
  if (app.isPackaged) return path.join(process.resourcesPath, name);
  try {
    return findShippedDir(name, here);
  } catch {
    return null;
  }
}

/** The Electron edge: lifecycle, one secure window, IPC, menu, dialogs, taskbar and notifications. */
export function startApp(): void {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();

  let win: BrowserWindow | null = null;
  let backend: Backend | null = null;
  let closed = false;
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const getWindow = () => win;

  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    lockDownContents(contents, (folder) => backend?.emit('ui.folderDropped', { path: folder }));
  });

  app.whenReady().then(() => {
    hardenSession(session.defaultSession);
    handleAppScheme(path.join(here, '..', 'renderer'));
    const userData = app.getPath('userData');
    backend = createBackend({
      dbFile: process.env.DILIGENCE_DESK_DB ?? path.join(userData, DATABASE_FILE_NAME),
      migrationsDir: app.isPackaged ? path.join(process.resourcesPath, 'migrations') : undefined,
      demoDir: shippedDir(path.join('demo', 'data-room')),
      spawnWorker: (workerData: RunWorkerData) => new Worker(runWorkerPath, { workerData }),
      platform: {
        shell: 'electron',
        canPickFolder: true,
        async pickFolder(title) {
          const options = { title: title ?? 'Choose a folder', properties: ['openDirectory' as const] };
          const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
          return result.canceled ? null : (result.filePaths[0] ?? null);
        },
        ...fileDialogs(getWindow),
        printToPdf: printHtmlToPdf,
      },
      isTrustedSender: (url) => isTrustedRendererUrl(url, devServerUrl),
      secretBox: electronSecretBox(),
      app: { name: app.getName(), version: app.getVersion() },
    });
    const openBackend = backend;
    registerIpc(ipcMain, openBackend, getWindow);
    openBackend.subscribe(
      runFeedback({
        getWindow,
        notify: (title, body) => {
          if (Notification.isSupported()) new Notification({ title, body }).show();
        },
      }),
    );
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ isMac: process.platform === 'darwin', isDev: !app.isPackaged, send: (command) => openBackend.emit('ui.command', { command }) }),
      ),
    );
    win = createMainWindow({
      preloadPath: path.join(here, '..', 'preload', 'preload.cjs'),
      userDataDir: userData,
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
    });
    win.on('closed', () => {
      win = null;
    });
  }).catch((error: unknown) => {
    dialog.showErrorBox('Diligence Desk could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });

  app.on('window-all-closed', () => app.quit());

  // Let running analyses stop cleanly (their finished documents are already committed).
  app.on('before-quit', (event) => {
    if (closed || !backend) return;
    event.preventDefault();
    closed = true;
    backend.close().finally(() => app.quit());
  });
}
