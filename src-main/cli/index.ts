#!/usr/bin/env node
// The command line: the same services the desktop app uses, over the same database.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataRoomError } from '../analysis/ingest/walk';
import { RunConflictError } from '../analysis/runner/runner';
import { DatabaseError, translateSqliteError } from '../db/errors';
import { defaultDatabasePath } from '../db/paths';
import { DEMO_DEAL, demoDataRoomPath } from '../services/demo';
import { cliCommand } from './args';
import { analyzeCommand, resumeCommand } from './commands/analyze';
import { archiveCommand, importCommand } from './commands/archive';
import { diffCommand } from './commands/diff';
import { exportCommand } from './commands/export';
import { dealsCommand, findingsCommand, runsCommand } from './commands/lists';
import { factsCommand, gapsCommand } from './commands/results';
import { CliError, databaseFile, openContext } from './context';

const USAGE = `Diligence Desk — IT due diligence from a data room

Usage: npm run cli -- <command> [options]     (npm run analyze -- <data-room> is short for analyze)

  analyze <data-room> [--deal NAME] [--as-of YYYY-MM-DD] [--type acquisition|carve-out|divestiture]
                      [--target NAME] [--buyer NAME] [--db FILE] [--json]
                      [--model-endpoint URL --model NAME [--allow-remote]]
                                        analyse a folder; the deal is the folder's name unless --deal NAME.
                                        With a model: also ask an OpenAI-compatible server (off by default;
                                        key from DILIGENCE_DESK_LLM_API_KEY; another host needs --allow-remote)
  demo [--db FILE] [--json]             analyse the bundled demo data room (into a fresh database)
  resume <deal> [--db FILE] [--json]    continue the deal's interrupted or cancelled run where it stopped
  deals [--db FILE] [--json]            list deals with their last run
  runs <deal> [--db FILE] [--json]      list a deal's runs
  findings <deal> [--severity S] [--domain D] [--type T] [--run N] [--search TEXT] [--limit N] [--full]
                  [--db FILE] [--json]  risks, work items and recommendations; --full: whole text, reasoning, every quote
  gaps <deal> [--run N] [--domain D] [--importance I] [--search TEXT] [--limit N] [--db FILE] [--json]
                                        the request list: what to ask the target for, most important first
  facts <deal> [--run N] [--domain D] [--attribute A] [--search TEXT] [--limit N] [--db FILE] [--json]
                                        what the documents state, with the document and place of each
  diff <deal> <runA> <runB> [--limit N] [--db FILE] [--json]
                                        documents, facts, gaps and findings new, resolved and changed from A to B
  export <deal> [--run N] [--xlsx FILE] [--html FILE] [--include-dismissed] [--db FILE] [--json]
                                        write a run's results as an Excel workbook and/or a self-contained HTML report
  archive <deal> <file> [--db FILE] [--json]
                                        write one deal (documents, runs, results, reviews) to one archive file
  import <file> [--as NAME] [--db FILE] [--json]
                                        add an archive's deal to the database (--as NAME when the name is taken)
  help                                  this text (also --help, -h)

<deal> is a deal's name or its id (as listed by deals); digits are tried as an id first, then as a name.
Without --run, results are the latest completed run's (else the latest run's, marked "results so far").
Values:  --severity/--importance critical|high|medium|low   --type risk|work-item|recommendation|strategic-consideration
         --domain applications|infrastructure|network|cybersecurity|identity-access|organization
         Any case, with - or _ (HIGH, carve-out, CARVE_OUT).  --limit 1 to 10000 (default 50).
         --deal and --as: 1 to 200 characters.
Paths are relative to the folder you run the command in.
The database defaults to the desktop app's (set DILIGENCE_DESK_DB, or --db FILE, to use another file);
--db must name a file in an existing folder (its folder is never created for you).
--json prints JSON on stdout, errors too: {"error": {"code": "...", "message": "..."}}.
Exit codes: 0 done, 1 the run failed or was cancelled, 2 bad input (missing folder, locked or newer database…).`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  deal: { type: 'string' },
  'as-of': { type: 'string' },
  type: { type: 'string' },
  target: { type: 'string' },
  buyer: { type: 'string' },
  severity: { type: 'string' },
  importance: { type: 'string' },
  domain: { type: 'string' },
  attribute: { type: 'string' },
  run: { type: 'string' },
  search: { type: 'string' },
  limit: { type: 'string' },
  full: { type: 'boolean', default: false },
  xlsx: { type: 'string' },
  html: { type: 'string' },
  'include-dismissed': { type: 'boolean', default: false },
  as: { type: 'string' },
  'model-endpoint': { type: 'string' },
  model: { type: 'string' },
  'allow-remote': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

const COMMANDS = ['analyze', 'demo', 'resume', 'deals', 'runs', 'findings', 'gaps', 'facts', 'diff', 'archive', 'import', 'export', 'help'];

/** The database being used, so a SQLite error names the file. */
let databaseInUse: string | null = null;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (!command) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (!COMMANDS.includes(command)) {
    throw new CliError(`Unknown command "${command}". The commands are: ${COMMANDS.join(', ')}. For usage: ${cliCommand('help')}`, 'unknown_command');
  }
  const needsArg = (what: string) => {
    if (!rest[0]?.trim()) throw new CliError(`${command} needs ${what}. For usage: ${cliCommand('help')}`);
    return rest[0];
  };
  if (command === 'analyze') needsArg('a data room folder');
  // The demo analyses into a fresh database of its own unless told otherwise, so it never mixes into real deals.
  const dbFile = command === 'demo' && values.db === undefined ? freshDemoDatabasePath() : databaseFile(values.db);
  const dbArgs = values.db !== undefined || command === 'demo' ? ['--db', dbFile] : [];
  databaseInUse = dbFile;
  const ctx = openContext(dbFile, values.json, dbArgs);
  if (command === 'demo' && !values.json) ctx.err(`Demo database: ${dbFile} (explore it with: ${cliCommand('findings', DEMO_DEAL.name, '--db', dbFile)})`);
  if (command === 'analyze' && !values.json) ctx.err(`Database: ${dbFile}`);
  try {
    switch (command) {
      case 'analyze':
        return await analyzeCommand(ctx, {
          dataRoom: rest[0]!,
          deal: values.deal,
          asOf: values['as-of'],
          type: values.type,
          target: values.target,
          buyer: values.buyer,
          model: { endpoint: values['model-endpoint'], model: values.model, allowRemote: values['allow-remote'] },
        });
      case 'demo':
        return await analyzeCommand(ctx, {
          dataRoom: demoDataRoomPath(),
          deal: values.deal ?? DEMO_DEAL.name,
          asOf: values['as-of'] ?? DEMO_DEAL.asOfDate,
          type: values.type ?? DEMO_DEAL.dealType,
          target: DEMO_DEAL.targetName,
          buyer: DEMO_DEAL.buyerName,
        });
      case 'resume':
        return await resumeCommand(ctx, needsArg('a deal name or id'));
      case 'deals':
        return dealsCommand(ctx);
      case 'runs':
        return runsCommand(ctx, rest[0]);
      case 'diff':
        return diffCommand(ctx, { deal: rest[0], runA: rest[1], runB: rest[2], limit: values.limit });
      case 'export':
        return await exportCommand(ctx, { deal: rest[0], run: values.run, xlsx: values.xlsx, html: values.html, includeDismissed: values['include-dismissed'] });
      case 'archive':
        return await archiveCommand(ctx, { deal: rest[0], file: rest[1] });
      case 'import':
        return importCommand(ctx, { file: needsArg('an archive file'), as: values.as });
      case 'gaps':
        return gapsCommand(ctx, { deal: rest[0], run: values.run, domain: values.domain, importance: values.importance, search: values.search, limit: values.limit });
      case 'facts':
        return factsCommand(ctx, { deal: rest[0], run: values.run, domain: values.domain, attribute: values.attribute, search: values.search, limit: values.limit });
      default:
        return findingsCommand(ctx, { deal: rest[0], severity: values.severity, domain: values.domain, type: values.type, run: values.run, search: values.search, limit: values.limit, full: values.full });
    }
  } finally {
    ctx.database.close();
  }
}

function freshDemoDatabasePath(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return path.join(os.tmpdir(), `diligence-desk-demo-${stamp}-${process.pid}.sqlite`);
}

/**
 * A reader that stops early (`| head`) closes the pipe: further output is dropped and the command
 * finishes quietly (an analysis still completes and is recorded) instead of dying on EPIPE.
 */
function ignoreClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      stream.write = (() => true) as typeof stream.write;
    });
  }
}

/** File-system failures the user can act on (permissions, a full or read-only disk): a message, not a stack. */
const FILE_SYSTEM_CODES = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOENT', 'EISDIR', 'ENOTDIR', 'EEXIST', 'EBUSY', 'EMFILE']);

function describeError(raw: unknown): { code: string; message: string; known: boolean } {
  const error = translateSqliteError(raw, databaseInUse ?? defaultDatabasePath());
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof CliError || error instanceof DatabaseError) return { code: error.code, message, known: true };
  if (error instanceof DataRoomError) return { code: 'data_room', message, known: true };
  if (error instanceof RunConflictError) return { code: 'run_conflict', message, known: true };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (error instanceof TypeError && code?.startsWith('ERR_PARSE_ARGS')) {
    return { code: 'bad_arguments', message: `${message} For usage: ${cliCommand('help')}`, known: true };
  }
  if (code && FILE_SYSTEM_CODES.has(code)) return { code: code.toLowerCase(), message, known: true };
  return { code: 'internal', message, known: false };
}

ignoreClosedPipes();
const argv = process.argv.slice(2);
main(argv).then(
  (code) => {
    process.exitCode = code;
  },
  (raw: unknown) => {
    const { code, message, known } = describeError(raw);
    process.stderr.write(`Error: ${message}\n`);
    if (!known) process.stderr.write(`${(raw as Error)?.stack ?? ''}\n`);
    // --json callers read stdout: the error is there too, as JSON (before any "--" that ends the options).
    const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
    if (options.includes('--json')) process.stdout.write(`${JSON.stringify({ error: { code, message } })}\n`);
    process.exitCode = known ? 2 : 1;
  },
);
