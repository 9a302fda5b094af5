import { BrowserWindow, screen } from 'electron';
import { fitToDisplays, loadWindowState, MIN_HEIGHT, MIN_WIDTH, saveWindowState } from './window-state';

export interface WindowOptions {
  preloadPath: string;
  userDataDir: string;
  /** app://renderer/index.html, or the dev server's URL in development. */
  url: string;
}

/** The secure settings of the main window: isolated, sandboxed, no Node in the page. */
export function secureWebPreferences(preloadPath: string): Electron.WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: true,
    spellcheck: false,
  };
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const state = fitToDisplays(loadWindowState(options.userDataDir), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    show: false,
    title: 'Diligence Desk',
    backgroundColor: '#111729',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    const bounds = win.getNormalBounds();
    saveWindowState(options.userDataDir, { width: bounds.width, height: bounds.height, x: bounds.x, y: bounds.y, maximized: win.isMaximized() });
  });
  void win.loadURL(options.url);
  return win;
}
