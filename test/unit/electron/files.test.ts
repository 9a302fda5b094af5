// The export edge with electron stubbed: save/open dialogs attached to the window (a cancel is
// null), and the report printed to PDF in a hidden, sandboxed window with JavaScript disabled that
// is destroyed afterwards, even when printing fails.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp';

const windows: FakeWindow[] = [];
let failPrint = false;

class FakeWindow {
  loaded: string | null = null;
  destroyed = false;
  printOptions: unknown = null;
  webContents = {
    printToPDF: async (options: unknown) => {
      this.printOptions = options;
      if (failPrint) throw new Error('printer on fire');
      return Buffer.from('%PDF-1.7 fake');
    },
  };
  constructor(readonly options: { show?: boolean; webPreferences?: Record<string, unknown> }) {
    windows.push(this);
  }
  loadURL(url: string) {
    this.loaded = url;
    return Promise.resolve();
  }
  destroy() {
    this.destroyed = true;
  }
}

const dialog = {
  showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePath: '/tmp/out.xlsx' })),
  showOpenDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: false, filePaths: ['/tmp/in.ddeal'] })),
};

vi.mock('electron', () => ({ BrowserWindow: FakeWindow, dialog }));

const { fileDialogs, printHtmlToPdf, printWebPreferences } = await import('../../../src-main/electron/files');

describe('file dialogs', () => {
  beforeEach(() => {
    dialog.showSaveDialog.mockClear();
    dialog.showOpenDialog.mockClear();
  });

  it('asks with the window as parent, suggesting the name and the file type', async () => {
    const win = { id: 1 };
    const dialogs = fileDialogs(() => win as never);
    const file = await dialogs.saveFile({ title: 'Export', defaultName: 'Atlas - run 2.xlsx', filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] });
    expect(file).toBe('/tmp/out.xlsx');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(win, expect.objectContaining({ title: 'Export', defaultPath: 'Atlas - run 2.xlsx', filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] }));
    expect(await dialogs.openFile({ title: 'Import', filters: [] })).toBe('/tmp/in.ddeal');
    expect(dialog.showOpenDialog.mock.calls[0]?.[1]).toMatchObject({ properties: ['openFile'] });
  });

  it('returns null when the user cancels, and works without a window', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const dialogs = fileDialogs(() => null);
    expect(await dialogs.saveFile({ title: 'x', defaultName: 'y', filters: [] })).toBeNull();
    expect(await dialogs.openFile({ title: 'x', filters: [] })).toBeNull();
    expect(dialog.showSaveDialog.mock.calls[0]).toHaveLength(1);
  });
});

describe('print to PDF', () => {
  beforeEach(() => {
    windows.length = 0;
    failPrint = false;
  });

  it('uses a hidden, sandboxed window without JavaScript, Node or preload, in its own session', () => {
    const prefs = printWebPreferences();
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, webviewTag: false, partition: 'dd-print' });
    expect(prefs.preload).toBeUndefined();
    expect(prefs.partition?.startsWith('persist:')).toBe(false);
  });

  it('loads the HTML file, writes the PDF and destroys the window', async () => {
    const dir = tempDir('dd-pdf-');
    const html = path.join(dir, 'report.html');
    writeFileSync(html, '<html><body>Report</body></html>');
    const pdf = path.join(dir, 'report.pdf');
    await printHtmlToPdf(html, pdf);
    expect(windows).toHaveLength(1);
    const win = windows[0]!;
    expect(win.options.show).toBe(false);
    expect(win.options.webPreferences).toMatchObject({ javascript: false, sandbox: true });
    expect(win.loaded).toMatch(/^file:\/\/.*report\.html$/);
    expect(win.printOptions).toMatchObject({ printBackground: true, pageSize: 'A4' });
    expect(readFileSync(pdf, 'utf8')).toBe('%PDF-1.7 fake');
    expect(win.destroyed).toBe(true);
  });

  it('destroys the window when printing fails, and reports the failure', async () => {
    failPrint = true;
    const dir = tempDir('dd-pdf-');
    await expect(printHtmlToPdf(path.join(dir, 'r.html'), path.join(dir, 'r.pdf'))).rejects.toThrow('printer on fire');
    expect(windows[0]?.destroyed).toBe(true);
  });
});
