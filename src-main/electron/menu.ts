import type { MenuItemConstructorOptions } from 'electron';
import type { UiCommand } from '../../src-shared/contract';

/** The application menu with the usual shortcuts; app-specific items send a command to the window. */
export function menuTemplate(options: { isMac: boolean; isDev: boolean; send: (command: UiCommand) => void }): MenuItemConstructorOptions[] {
  const { isMac, isDev, send } = options;
  const go = (label: string, accelerator: string, command: UiCommand): MenuItemConstructorOptions => ({ label, accelerator, click: () => send(command) });
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [go('New Deal…', 'CmdOrCtrl+N', 'new-deal'), go('All Deals', 'CmdOrCtrl+Shift+D', 'go-deals'), { type: 'separator' }, isMac ? { role: 'close' } : { role: 'quit' }],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        go('Dashboard', 'CmdOrCtrl+1', 'go-dashboard'),
        go('Findings', 'CmdOrCtrl+2', 'go-findings'),
        go('Gaps', 'CmdOrCtrl+3', 'go-gaps'),
        go('Facts', 'CmdOrCtrl+4', 'go-facts'),
        go('Documents', 'CmdOrCtrl+5', 'go-documents'),
        go('Runs', 'CmdOrCtrl+6', 'go-runs'),
        go('Run Progress', 'CmdOrCtrl+7', 'go-progress'),
        { type: 'separator' },
        go('Search', 'CmdOrCtrl+F', 'focus-search'),
        { type: 'separator' },
        ...(isDev ? [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }] : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About Diligence Desk', role: 'about' }] },
  ];
}
