import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type AppDatabase } from '../db/open';
import { defaultDatabasePath } from '../db/paths';
import { recoverOrphanedRuns } from '../analysis/runner/ownership';
import { createRepositories, type Repositories } from '../repositories';
import type { DealRow } from '../repositories/deals';
import type { RunRow } from '../repositories/runs';
import { cliCommand, resolveUserPath } from './args';
import { CliError } from './errors';

export { CliError } from './errors';

export interface CliContext {
  database: AppDatabase;
  repos: Repositories;
  json: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
  /** stderr is a terminal (and not --json): live progress. */
  isTty: boolean;
  /** The width to fit stdout's tables to: the terminal's, or null when stdout is piped or --json (never cut). */
  outWidth: number | null;
  /** `--db FILE` to repeat in printed commands, when the user gave one. */
  dbArgs: string[];
}

/**
 * Which database file to open, checked so every mistake is one clear line (exit 2):
 * --db must name a file in an existing folder (the CLI never creates folders the user typed);
 * the default location (or DILIGENCE_DESK_DB) is created like the desktop app creates it.
 */
export function databaseFile(dbOption: string | undefined): string {
  if (dbOption !== undefined) {
    if (dbOption.trim() === '') throw new CliError('--db needs a database file name (got an empty one).', 'bad_database_path');
    const file = resolveUserPath(dbOption);
    checkFileLocation(file, '--db', false);
    return file;
  }
  if (process.env.DILIGENCE_DESK_DB !== undefined && process.env.DILIGENCE_DESK_DB.trim() === '') {
    throw new CliError('DILIGENCE_DESK_DB is set but empty; set it to a database file, or unset it to use the default.', 'bad_database_path');
  }
  const file = resolveUserPath(defaultDatabasePath());
  checkFileLocation(file, process.env.DILIGENCE_DESK_DB ? 'DILIGENCE_DESK_DB' : 'the default database', true);
  return file;
}

function checkFileLocation(file: string, what: string, createFolder: boolean): void {
  const folder = path.dirname(file);
  const fileInfo = statOrNull(file);
  if (fileInfo?.isDirectory()) {
    throw new CliError(`${what} ${file} is a folder; name a database file, for example ${path.join(file, 'diligence-desk.sqlite')}.`, 'bad_database_path');
  }
  if (fileInfo) return; // an existing file: openDatabase checks what it is
  const folderInfo = statOrNull(folder);
  if (!folderInfo) {
    if (!createFolder) {
      throw new CliError(`The folder ${folder} (for ${what} ${file}) does not exist. Create it first or choose another place; folders given with --db are not created for you.`, 'bad_database_path');
    }
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new CliError(
        `Cannot create the database folder ${folder} (${describeFsCode(code)}). Keep the database elsewhere with --db FILE or the DILIGENCE_DESK_DB environment variable.`,
        'database_folder',
      );
    }
  } else if (!folderInfo.isDirectory()) {
    throw new CliError(`Cannot create the database ${file}: ${folder} is a file, not a folder.`, 'bad_database_path');
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new CliError(`Cannot create the database ${file}: the folder ${folder} is not writable. Choose another place with --db FILE.`, 'database_folder');
  }
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

function describeFsCode(code: string): string {
  const reasons: Record<string, string> = {
    EACCES: 'permission denied',
    EPERM: 'not permitted',
    EROFS: 'read-only file system',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EEXIST: 'a file is in the way',
    ENOSPC: 'the disk is full',
  };
  return reasons[code] ? `${reasons[code]}, ${code}` : code;
}

/** Opens the database, and marks runs left running by a dead process as interrupted (startup recovery). */
export function openContext(file: string, json: boolean, dbArgs: string[] = []): CliContext {
  const database = openDatabase(file);
  const repos = createRepositories(database.db);
  const recovered = recoverOrphanedRuns(repos);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  for (const run of recovered) {
    const name = repos.deals.get(run.dealId)?.name ?? String(run.dealId);
    err(`Run ${run.runNumber} of deal "${name}" was interrupted (its process ended); resume it with: ${cliCommand('resume', name, ...dbArgs)}`);
  }
  return {
    database,
    repos,
    json,
    out: (line: string) => process.stdout.write(`${line}\n`),
    err,
    isTty: Boolean(process.stderr.isTTY) && !json,
    outWidth: process.stdout.isTTY && !json ? process.stdout.columns || 80 : null,
    dbArgs,
  };
}

/**
 * The deal a command names: all digits is its id first, then a deal with that name (a deal may be
 * called "2024"); "#12" is always an id. When the digits are both an id and another deal's name,
 * the id wins and a note says how to reach the other.
 */
export function requireDeal(ctx: CliContext, ref: string | undefined): DealRow {
  const text = ref?.trim();
  if (!text) throw new CliError(`Name the deal (its name or id). List deals with: ${cliCommand('deals', ...ctx.dbArgs)}`);
  const idText = /^#\d+$/.test(text) ? text.slice(1) : /^\d+$/.test(text) ? text : null;
  const byId = idText === null ? undefined : ctx.repos.deals.get(Number(idText));
  const byName = text.startsWith('#') && byId ? undefined : ctx.repos.deals.findByName(text);
  if (byId && byName && byId.id !== byName.id) {
    ctx.err(`Note: "${text}" is the id of deal "${byId.name}"; the deal named "${text}" has id ${byName.id} (use ${byName.id} for that one).`);
  }
  const deal = byId ?? byName;
  if (!deal) throw new CliError(`No deal named "${text}"${idText !== null ? ` and no deal with id ${idText}` : ''}. List deals with: ${cliCommand('deals', ...ctx.dbArgs)}`, 'not_found');
  return deal;
}

/** The run to read: the one asked for, else the latest completed, else the latest (invariant 7). */
export function requireRun(ctx: CliContext, deal: DealRow, runNumber: number | undefined): RunRow {
  const run = ctx.repos.runs.resolveForReading(deal.id, runNumber);
  if (run) return run;
  if (runNumber === undefined) throw new CliError(`Deal "${deal.name}" has no runs yet. Analyse its data room with: ${cliCommand('analyze', '<folder>', '--deal', deal.name)}`, 'not_found');
  throw new CliError(`Deal "${deal.name}" has no run ${runNumber} (${describeRuns(ctx, deal)}).`, 'not_found');
}

/** "it has runs 1–3", "it has run 1 only", "it has no runs yet". */
export function describeRuns(ctx: CliContext, deal: DealRow): string {
  const numbers = ctx.repos.runs.list(deal.id).map((r) => r.runNumber).sort((a, b) => a - b);
  if (numbers.length === 0) return 'it has no runs yet';
  if (numbers.length === 1) return `it has run ${numbers[0]} only`;
  const first = numbers[0]!;
  const last = numbers[numbers.length - 1]!;
  return last - first + 1 === numbers.length ? `it has runs ${first}–${last}` : `it has runs ${numbers.join(', ')}`;
}
