import { openDatabase, type AppDatabase } from '../db/open';
import { defaultDatabasePath } from '../db/paths';
import { recoverOrphanedRuns } from '../analysis/runner/ownership';
import { createRepositories, type Repositories } from '../repositories';
import type { DealRow } from '../repositories/deals';

/** A usage or input problem: printed as one clear line, exit code 2. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export interface CliContext {
  database: AppDatabase;
  repos: Repositories;
  json: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
  isTty: boolean;
}

/** Opens the database, and marks runs left running by a dead process as interrupted (startup recovery). */
export function openContext(dbFile: string | undefined, json: boolean): CliContext {
  const database = openDatabase(dbFile ?? defaultDatabasePath());
  const repos = createRepositories(database.db);
  const recovered = recoverOrphanedRuns(repos);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  for (const run of recovered) {
    err(`Run ${run.runNumber} of deal ${run.dealId} was interrupted (its process ended); resume it with: resume <deal>`);
  }
  return {
    database,
    repos,
    json,
    out: (line: string) => process.stdout.write(`${line}\n`),
    err,
    isTty: Boolean(process.stderr.isTTY) && !json,
  };
}

export function requireDeal(ctx: CliContext, ref: string | undefined): DealRow {
  if (!ref) throw new CliError('Name the deal (its name or id). List deals with: deals');
  const deal = ctx.repos.deals.findByRef(ref);
  if (!deal) throw new CliError(`No deal named "${ref}". List deals with: deals`);
  return deal;
}
