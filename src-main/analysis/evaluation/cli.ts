// `npm run eval -- <data-room> <expectations.json> [--as-of D] [--type T] [--db FILE] [--dump] [--json]`:
// analyses the room into a temporary database through the real runner and scores the run.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEAL_TYPES, type DealType } from '../../../src-shared/domain';
import { openDatabase } from '../../db/open';
import { ExpectationsError, loadExpectations } from './expectations';
import { formatReport } from './report';
import { evaluateRoom } from './room';

const USAGE = `Usage: npm run eval -- <data-room or single document> <expectations.json> [options]

Analyses the data room into a temporary database (the real runner: parse, extract, gaps, findings)
and compares the run with the expectations file: expected facts, gaps and findings found or missed,
findings raised that the file does not expect, recall and precision per category.

Options:
  --as-of YYYY-MM-DD   deal as-of date (default: the file's deal.asOf)
  --type TYPE          acquisition | carve_out | divestiture (default: the file's deal.type)
  --db FILE            keep the analysis in this database file instead of a temporary one
  --dump               also list every fact and finding of the run
  --json               print the evaluation as JSON
Exit codes: 0 every threshold holds, 1 a threshold fails, 2 bad input.`;

export async function evalMain(argv: readonly string[], out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'as-of': { type: 'string' },
        type: { type: 'string' },
        db: { type: 'string' },
        dump: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    out(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const [room, file] = positionals;
  if (!room || !file || positionals.length > 2) {
    out(USAGE);
    return 2;
  }
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    out(`--as-of must be a date as YYYY-MM-DD, not "${asOf}".`);
    return 2;
  }
  const type = values.type;
  if (type !== undefined && !(DEAL_TYPES as readonly string[]).includes(type)) {
    out(`--type must be one of ${DEAL_TYPES.join(', ')}, not "${type}".`);
    return 2;
  }
  let expectations;
  try {
    expectations = loadExpectations(file);
  } catch (error) {
    if (error instanceof ExpectationsError) {
      out(error.message);
      return 2;
    }
    throw error;
  }
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'dd-eval-'));
  const database = openDatabase(values.db ?? path.join(tempDir, 'eval.sqlite'));
  try {
    const result = await evaluateRoom(database, roomFolder(room, tempDir), expectations, {
      name: `Evaluation ${path.basename(room)} ${new Date().toISOString()}`,
      ...(asOf ? { asOfDate: asOf } : {}),
      ...(type ? { dealType: type as DealType } : {}),
    });
    if (values.json) {
      out(JSON.stringify({ expectations: expectations.file, dealId: result.dealId, runId: result.runId, ...result.evaluation }, null, 2));
    } else {
      out(formatReport(expectations, result.evaluation, result.observed, { dump: values.dump }));
    }
    return result.evaluation.failures.length === 0 ? 0 : 1;
  } catch (error) {
    out(`Evaluation failed: ${(error as Error).message}`);
    return 2;
  } finally {
    database.close();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** A single document is a room of its own: it is copied into a fresh folder. */
function roomFolder(room: string, tempDir: string): string {
  const absolute = path.resolve(room);
  let isFile: boolean;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    return absolute; // the runner reports a missing folder clearly
  }
  if (!isFile) return absolute;
  const folder = path.join(tempDir, 'room');
  mkdirSync(folder);
  copyFileSync(absolute, path.join(folder, path.basename(absolute)));
  return folder;
}
