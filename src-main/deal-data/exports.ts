import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Deal } from '../../src-shared/contract';
import type { Db } from '../db/open';
import { createRepositories, type Repositories } from '../repositories';
import { exportDealArchive, importDealArchive } from '../services/archive';
import { resolveExportTarget } from '../services/export/common';
import { writeDealReport } from '../services/export/html-report';
import { writeDealWorkbook } from '../services/export/workbook';
import { notFound } from './errors';
import { toDeal } from './mappers';

/** Prints a self-contained HTML file to a PDF file (the desktop app's hidden, script-less window). */
export type PrintToPdf = (htmlFile: string, pdfFile: string) => Promise<void>;

/**
 * Exports (workbook, report) and deal archives for the window. Reads go through the read-only
 * connection; an import writes through the writer. Runs are named by number, as everywhere in the
 * contract, and resolved to the run the export services take.
 */
export class ExportCommands {
  private readonly repos: Repositories;

  constructor(
    private readonly reader: Db,
    private readonly writer: Db,
    private readonly migrationsDir?: string,
  ) {
    this.repos = createRepositories(reader);
  }

  /** Checks the deal and its run before any dialog opens, and names the file it suggests. */
  prepare(dealId: number, runNumber: number | undefined, kind: 'workbook' | 'report' | 'archive'): { runId?: number; suggestedName: string } {
    const deal = this.repos.deals.get(dealId);
    if (!deal) throw notFound(`Deal ${dealId}`);
    const base = safeFileName(deal.name);
    if (kind === 'archive') return { suggestedName: `${base}.ddeal` };
    let runId: number | undefined;
    if (runNumber !== undefined) {
      const run = this.repos.runs.byNumber(dealId, runNumber);
      if (!run) throw notFound(`Run ${runNumber} of deal "${deal.name}"`);
      runId = run.id;
    }
    const { run } = resolveExportTarget(this.reader, dealId, runId);
    return { runId: run.id, suggestedName: `${base} - run ${run.runNumber}${kind === 'workbook' ? '.xlsx' : ''}` };
  }

  async workbook(input: { dealId: number; runId?: number; includeDismissed?: boolean; file: string }): Promise<string> {
    return (await writeDealWorkbook(this.reader, input)).file;
  }

  report(input: { dealId: number; runId?: number; file: string }): string {
    return writeDealReport(this.reader, input).file;
  }

  /** The report written to a private temporary HTML file, printed to `file`, the temporary file removed. */
  async reportPdf(input: { dealId: number; runId?: number; file: string }, print: PrintToPdf): Promise<string> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-report-'));
    try {
      const html = writeDealReport(this.reader, { ...input, file: path.join(dir, 'report.html') }).file;
      const target = path.resolve(input.file);
      await print(html, target);
      return target;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  async exportArchive(dealId: number, file: string): Promise<string> {
    return (await exportDealArchive(this.reader, { dealId, file })).file;
  }

  importArchive(file: string, as?: string): Deal {
    const imported = importDealArchive(this.writer, { file, as, migrationsDir: this.migrationsDir });
    const deal = createRepositories(this.writer).deals.get(imported.dealId);
    if (!deal) throw notFound(`The imported deal ${imported.name}`);
    return toDeal(deal);
  }
}

/** A deal name as a file name on every OS: no separators, reserved characters or trailing dots. */
export function safeFileName(name: string): string {
  const cleaned = [...name]
    .map((ch) => (ch.charCodeAt(0) < 32 ? ' ' : ch))
    .join('')
    .replace(/[<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return cleaned.slice(0, 100) || 'Deal';
}
