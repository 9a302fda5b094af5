#!/usr/bin/env node
// The command line: the same services the desktop app uses, over the same database.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataRoomError } from '../analysis/ingest/walk';
import { RunConflictError } from '../analysis/runner/runner';
import { DatabaseError, translateSqliteError } from '../db/errors';
import { DEMO_DEAL, demoDataRoomPath } from '../services/demo';
import { analyzeCommand, resumeCommand } from './commands/analyze';
import { archiveCommand, importCommand } from './commands/archive';
import { diffCommand } from './commands/diff';
import { exportCommand } from './commands/export';
import { dealsCommand, findingsCommand, runsCommand } from './commands/lists';
import { CliError, openContext } from './context';

const USAGE = `Diligence Desk — IT due diligence from a data room

Usage:
  analyze <data-room> [--deal NAME] [--as-of YYYY-MM-DD] [--type acquisition|carve_out|divestiture]
                      [--target NAME] [--buyer NAME] [--db FILE] [--json]
  demo [--db FILE] [--json]             analyse the bundled demo data room (into a fresh database)
  resume <deal> [--db FILE] [--json]    continue an interrupted run
  deals [--db FILE] [--json]            list deals with their last run
  runs <deal> [--db FILE] [--json]      list a deal's runs
  findings <deal> [--severity S] [--domain D] [--type T] [--run N] [--search TEXT] [--limit N] [--db FILE] [--json]
  diff <deal> <runA> <runB> [--limit N] [--db FILE] [--json]
                                        documents, facts, gaps and findings new, resolved and changed from A to B
  export <deal> [--run N] [--xlsx FILE] [--html FILE] [--include-dismissed] [--db FILE] [--json]
                                        write a run's results as an Excel workbook and/or a self-contained HTML report
  archive <deal> <file> [--db FILE] [--json]
                                        write one deal (documents, runs, results, reviews) to one archive file
  import <file> [--as NAME] [--db FILE] [--json]
                                        add an archive's deal to the database (--as NAME when the name is taken)

The database defaults to the desktop app's (set DILIGENCE_DESK_DB or --db to use another file).
Exit codes: 0 done, 1 the run failed, 2 bad input (missing folder, locked or newer database…).`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  deal: { type: 'string' },
  'as-of': { type: 'string' },
  type: { type: 'string' },
  target: { type: 'string' },
  buyer: { type: 'string' },
  severity: { type: 'string' },
  domain: { type: 'string' },
  run: { type: 'string' },
  search: { type: 'string' },
  limit: { type: 'string' },
  xlsx: { type: 'string' },
  html: { type: 'string' },
  'include-dismissed': { type: 'boolean', default: false },
  as: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const needsArg = (what: string) => {
    if (!rest[0]) throw new CliError(`${command} needs ${what}.\n\n${USAGE}`);
    return rest[0];
  };
  if (!['analyze', 'demo', 'resume', 'deals', 'runs', 'findings', 'diff', 'archive', 'import', 'export'].includes(command)) {
    throw new CliError(`Unknown command "${command}".\n\n${USAGE}`);
  }
  if (command === 'analyze') needsArg('a data room folder');
  // The demo analyses into a fresh database of its own unless told otherwise, so it never mixes into real deals.
  const dbFile = command === 'demo' && !values.db ? freshDemoDatabasePath() : values.db;
  const ctx = openContext(dbFile, values.json);
  if (command === 'demo' && !values.json) ctx.err(`Demo database: ${dbFile} (explore it with: findings "${DEMO_DEAL.name}" --db ${dbFile})`);
  try {
    switch (command) {
      case 'analyze':
        return await analyzeCommand(ctx, { dataRoom: rest[0]!, deal: values.deal, asOf: values['as-of'], type: values.type, target: values.target, buyer: values.buyer });
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
      default:
        return findingsCommand(ctx, { deal: rest[0], severity: values.severity, domain: values.domain, type: values.type, run: values.run, search: values.search, limit: values.limit });
    }
  } finally {
    ctx.database.close();
  }
}

function freshDemoDatabasePath(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return path.join(os.tmpdir(), `diligence-desk-demo-${stamp}-${process.pid}.sqlite`);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (raw: unknown) => {
    const error = translateSqliteError(raw, 'the database');
    const known = error instanceof CliError || error instanceof DatabaseError || error instanceof DataRoomError || error instanceof RunConflictError;
    const isArgError = error instanceof TypeError && (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`Error: ${(error as Error).message}\n`);
    if (!known && !isArgError) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
    process.exitCode = known || isArgError ? 2 : 1;
  },
);
