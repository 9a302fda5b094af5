import { accessSync, constants, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ErrorCode } from '../../../src-shared/contract';
import type { Db } from '../../db/open';
import { createRepositories } from '../../repositories';
import type { DealRow } from '../../repositories/deals';
import type { RunRow } from '../../repositories/runs';

export type ExportErrorCode = 'deal_not_found' | 'no_completed_run' | 'run_not_found' | 'run_not_in_deal' | 'run_not_completed' | 'output_folder' | 'output_file';

/**
 * An export that cannot be made, for a reason the user can fix: the code is stable (for the IPC
 * layer and the CLI's exit code), the message says what is wrong in plain words.
 */
export class ExportError extends Error {
  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }

  /** The IPC contract's code for it (for toErrorPayload): missing things, a run still busy, a bad destination. */
  get contractCode(): ErrorCode {
    if (this.code === 'run_not_completed') return 'conflict';
    if (this.code === 'output_folder' || this.code === 'output_file') return 'validation';
    return 'not_found';
  }
}

export interface ExportTarget {
  deal: DealRow;
  run: RunRow;
}

/**
 * The run an export shows, by the app's scoping rule: the one asked for (by its id, and it must be
 * the deal's), else the deal's latest completed run. Only a completed run is exported: a running
 * run's rows are still being written, and a report is something people send on.
 */
export function resolveExportTarget(db: Db, dealId: number, runId?: number): ExportTarget {
  const repos = createRepositories(db);
  const deal = repos.deals.get(dealId);
  if (!deal) throw new ExportError('deal_not_found', `Deal ${dealId} does not exist (it may have been archived).`);
  if (runId === undefined) {
    const run = repos.runs.latestCompleted(dealId);
    if (run) return { deal, run };
    const latest = repos.runs.latest(dealId);
    const state = latest ? ` (its latest run, ${latest.runNumber}, is ${latest.status})` : ' (it has never been analysed)';
    throw new ExportError('no_completed_run', `Deal "${deal.name}" has no completed run to export${state}.`);
  }
  const run = repos.runs.get(runId);
  if (!run) throw new ExportError('run_not_found', `Run id ${runId} does not exist.`);
  if (run.dealId !== dealId) throw new ExportError('run_not_in_deal', `Run id ${runId} belongs to another deal, not to "${deal.name}".`);
  if (run.status !== 'completed') {
    throw new ExportError('run_not_completed', `Run ${run.runNumber} of deal "${deal.name}" is ${run.status}; only a completed run can be exported.`);
  }
  return { deal, run };
}

/** Checks that the file can be written (its folder exists and is writable) before any work is done. */
export function checkOutputFile(file: string): string {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new ExportError('output_folder', `The folder ${dir} does not exist.`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new ExportError('output_folder', `The folder ${dir} is not writable.`);
  }
  try {
    if (statSync(target).isDirectory()) throw new ExportError('output_file', `${target} is a folder, not a file.`);
  } catch (error) {
    if (error instanceof ExportError) throw error;
  }
  return target;
}

/**
 * Writes through a temporary file beside the target and renames it into place, so a failed export
 * leaves the old file (or nothing), never half a file.
 */
export async function writeAtomically<T>(file: string, write: (tempFile: string) => Promise<T> | T): Promise<T> {
  const target = checkOutputFile(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const result = await write(temp);
    renameSync(temp, target);
    return result;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** The same for writers that are synchronous end to end. */
export function writeAtomicallySync<T>(file: string, write: (tempFile: string) => T): T {
  const target = checkOutputFile(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const result = write(temp);
    renameSync(temp, target);
    return result;
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
