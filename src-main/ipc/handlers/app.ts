import type { Handlers } from '../router';
import type { HandlerDeps } from './deps';

export function appHandlers({ app, platform }: HandlerDeps): Handlers<'app.info' | 'dialog.pickFolder'> {
  return {
    'app.info': () => ({
      name: app.name,
      version: app.version,
      shell: platform.shell,
      canPickFolder: platform.canPickFolder,
      canSaveFiles: Boolean(platform.saveFile && platform.openFile),
      canPrintPdf: Boolean(platform.saveFile && platform.printToPdf),
      demoAvailable: app.demoDir !== null,
      databaseFile: app.databaseFile,
    }),
    'dialog.pickFolder': async ({ title }) => ({ path: platform.canPickFolder ? await platform.pickFolder(title) : null }),
  };
}
