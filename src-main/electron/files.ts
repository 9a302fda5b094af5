import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, dialog } from 'electron';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The system's save and open dialogs, attached to the main window when there is one. */
export function fileDialogs(getWindow: () => BrowserWindow | null) {
  return {
    async saveFile(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null> {
      const settings = { title: options.title, defaultPath: options.defaultName, filters: options.filters, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const win = getWindow();
      const result = win ? await dialog.showSaveDialog(win, settings) : await dialog.showSaveDialog(settings);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null> {
      const settings = { title: options.title, filters: options.filters, properties: ['openFile' as const] };
      const win = getWindow();
      const result = win ? await dialog.showOpenDialog(win, settings) : await dialog.showOpenDialog(settings);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}

/**
 * The settings of the print window: never shown, sandboxed and isolated, no preload, no Node and no
 * JavaScript at all (the report has none; a quote from a hostile document cannot run as script), in
 * an in-memory session of its own so nothing it loads touches the app's.
 */
export function printWebPreferences(): Electron.WebPreferences {
  return {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    javascript: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    images: true,
    spellcheck: false,
    partition: 'dd-print',
  };
}

/** Prints a self-contained HTML file to PDF (A4, backgrounds kept) in a hidden window, then closes it. */
export async function printHtmlToPdf(htmlFile: string, pdfFile: string): Promise<void> {
  const win = new BrowserWindow({ show: false, width: 1024, height: 1400, webPreferences: printWebPreferences() });
  try {
    await win.loadURL(pathToFileURL(htmlFile).href);
    const pdf = await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4', margins: { marginType: 'default' } });
    await writeFile(pdfFile, pdf);
  } finally {
    win.destroy();
  }
}
