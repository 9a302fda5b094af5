import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({}));
const { menuTemplate } = await import('../../../src-main/electron/menu');
const { runFeedback } = await import('../../../src-main/electron/run-feedback');

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const run = { id: 1, dealId: 1, runNumber: 2, status: 'running', phase: 'documents', engineVersion: 'x', docsTotal: 10, docsDone: 5, docsFailed: 0, factCount: 1, gapCount: 0, findingCount: 0, startedAt: '', heartbeatAt: '', finishedAt: null, error: null } as const;

describe('application menu', () => {
  it('has the usual shortcuts, and app items send commands to the window', () => {
    const send = vi.fn();
    const items = flatten(menuTemplate({ isMac: false, isDev: false, send }));
    const byAccel = new Map(items.filter((i) => i.accelerator).map((i) => [i.accelerator, i]));
    for (const accel of ['CmdOrCtrl+N', 'CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+3', 'CmdOrCtrl+4', 'CmdOrCtrl+5', 'CmdOrCtrl+6', 'CmdOrCtrl+7', 'CmdOrCtrl+F']) {
      expect(byAccel.has(accel), accel).toBe(true);
    }
    (byAccel.get('CmdOrCtrl+N')!.click as () => void)();
    (byAccel.get('CmdOrCtrl+2')!.click as () => void)();
    expect(send.mock.calls).toEqual([['new-deal'], ['go-findings']]);
    const roles = items.map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['editMenu', 'quit', 'zoomIn', 'togglefullscreen', 'windowMenu']));
    expect(roles).not.toContain('toggleDevTools');
  });

  it('adds developer tools only in development, and the app menu on macOS', () => {
    const dev = flatten(menuTemplate({ isMac: true, isDev: true, send: vi.fn() })).map((i) => i.role);
    expect(dev).toEqual(expect.arrayContaining(['appMenu', 'toggleDevTools', 'reload', 'close']));
  });
});

describe('run feedback', () => {
  it('shows run progress on the taskbar and clears it at the end with a notification', () => {
    const win = { isDestroyed: () => false, setProgressBar: vi.fn() };
    const notify = vi.fn();
    const onEvent = runFeedback({ getWindow: () => win as never, notify });
    onEvent('run.progress', { dealId: 1, runId: 1, runNumber: 2, run });
    expect(win.setProgressBar).toHaveBeenLastCalledWith(0.48);
    onEvent('run.finished', { dealId: 1, runId: 1, runNumber: 2, status: 'completed', error: null });
    expect(win.setProgressBar).toHaveBeenLastCalledWith(-1);
    expect(notify).toHaveBeenCalledWith('Run 2 finished', expect.stringContaining('ready'));
    onEvent('run.finished', { dealId: 1, runId: 1, runNumber: 3, status: 'failed', error: 'Disk full.' });
    expect(notify).toHaveBeenLastCalledWith('Run 3 failed', 'Disk full.');
  });

  it('still notifies when the window is closed', () => {
    const notify = vi.fn();
    runFeedback({ getWindow: () => null, notify })('run.finished', { dealId: 1, runId: 1, runNumber: 1, status: 'cancelled', error: null });
    expect(notify).toHaveBeenCalledOnce();
  });
});
