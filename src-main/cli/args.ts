// Checks and normalises what a user typed: paths, names, numbers and the closed lists of options.
import path from 'node:path';
import { CliError } from './errors';

/**
 * The folder the user typed the command in. `npm run` starts scripts in the repository root, and
 * sets INIT_CWD to where it was called from; run directly (tsx, node), the process's own folder.
 */
export function userCwd(): string {
  return process.env.INIT_CWD || process.cwd();
}

/** A path the user gave (data room, --db, export and archive files), made absolute against userCwd(). */
export function resolveUserPath(given: string): string {
  return path.resolve(userCwd(), given);
}

export const MAX_DEAL_NAME = 200;

/** A deal name given with --deal or --as: not blank, at most 200 characters, trimmed. */
export function parseDealName(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const name = value.trim();
  if (name === '') throw new CliError(`${flag} needs a deal name (got a blank one).`);
  if (name.length > MAX_DEAL_NAME) throw new CliError(`${flag}: a deal name can be at most ${MAX_DEAL_NAME} characters (this one has ${name.length}).`);
  return name;
}

export const MAX_LIMIT = 10_000;

/** --limit: a whole number from 1 to 10,000. */
export function parseLimit(value: string | undefined, fallback = 50): number {
  if (value === undefined) return fallback;
  const text = value.trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > MAX_LIMIT) {
    throw new CliError(`--limit must be a whole number from 1 to ${MAX_LIMIT.toLocaleString('en-US')} (got "${value}").`);
  }
  return Number(text);
}

/** --run N (and diff's run numbers): a whole number from 1. */
export function parseRunNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim().replace(/^#/, '');
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new CliError(`${flag} must be a run number like 2 (got "${value}").`);
  return Number(text);
}

/** One of a closed list, whatever the case and with - or _ or a space between words (HIGH, carve-out, CARVE_OUT). */
export function parseChoice<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const normalized = value.trim().toLowerCase().replace(/[-\s]+/g, '_');
  const match = allowed.find((a) => a === normalized);
  if (!match) throw new CliError(`${flag} must be one of: ${allowed.join(', ')} (got "${value}").`);
  return match;
}

/** Quotes an argument for a shell when it needs it, so a printed command can be pasted as is. */
export function shellQuote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/.test(arg)) return arg;
  if (!/["$`\\!]/.test(arg) || process.platform === 'win32') return `"${arg.replace(/"/g, '""')}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** How a person runs the CLI from a clone: `npm run cli -- …`. */
export function cliCommand(...args: string[]): string {
  return ['npm run cli --', ...args.map(shellQuote)].join(' ');
}
