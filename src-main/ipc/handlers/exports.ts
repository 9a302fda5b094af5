import { IpcError } from '../errors';
import type { Handlers } from '../router';
import type { HandlerDeps, Platform } from './deps';

type ExportChannels = 'exports.workbook' | 'exports.report' | 'deals.exportArchive' | 'deals.importArchive';

const NO_DIALOGS = 'Exports and archives are saved with the desktop app’s file dialogs; they are not available in this window.';

function saver(platform: Platform): NonNullable<Platform['saveFile']> {
  if (!platform.saveFile) throw new IpcError('unavailable', NO_DIALOGS);
  return platform.saveFile;
}

/**
 * Exports and archives: the deal and run are checked first (an error shows before any dialog),
 * then the user picks the file in the system dialog; a cancelled dialog returns null.
 */
export function exportHandlers({ exports, platform, emit }: HandlerDeps): Handlers<ExportChannels> {
  return {
    'exports.workbook': async ({ dealId, runNumber, includeDismissed }) => {
      const save = saver(platform);
      const { runId, suggestedName } = exports.prepare(dealId, runNumber, 'workbook');
      const file = await save({ title: 'Export the results as a workbook', defaultName: suggestedName, filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] });
      if (!file) return { file: null };
      return { file: await exports.workbook({ dealId, runId, includeDismissed, file }) };
    },
    'exports.report': async ({ dealId, runNumber, format }) => {
      const save = saver(platform);
      const print = platform.printToPdf;
      if (format === 'pdf' && !print) throw new IpcError('unavailable', 'Printing the report to PDF needs the desktop app. Export it as HTML and print it from a browser.');
      const { runId, suggestedName } = exports.prepare(dealId, runNumber, 'report');
      const pdf = format === 'pdf';
      const file = await save({
        title: pdf ? 'Save the report as PDF' : 'Save the report as a web page',
        defaultName: `${suggestedName}.${pdf ? 'pdf' : 'html'}`,
        filters: [pdf ? { name: 'PDF document', extensions: ['pdf'] } : { name: 'Web page', extensions: ['html'] }],
      });
      if (!file) return { file: null };
      return { file: pdf && print ? await exports.reportPdf({ dealId, runId, file }, print) : exports.report({ dealId, runId, file }) };
    },
    'deals.exportArchive': async ({ dealId }) => {
      const save = saver(platform);
      const { suggestedName } = exports.prepare(dealId, undefined, 'archive');
      const file = await save({ title: 'Archive the deal', defaultName: suggestedName, filters: [{ name: 'Diligence Desk deal', extensions: ['ddeal'] }] });
      if (!file) return { file: null };
      return { file: await exports.exportArchive(dealId, file) };
    },
    'deals.importArchive': async ({ as }) => {
      if (!platform.openFile) throw new IpcError('unavailable', NO_DIALOGS);
      const file = await platform.openFile({ title: 'Import a deal archive', filters: [{ name: 'Diligence Desk deal', extensions: ['ddeal', 'sqlite'] }] });
      if (!file) return { deal: null };
      const deal = exports.importArchive(file, as);
      emit('deals.changed', { dealId: deal.id });
      return { deal };
    },
  };
}
