// `npm run eval -- [<data-room>] <expectations.json> [--as-of D] [--type T] [--db FILE] [--dump] [--json]`
// and `npm run eval -- --all`: analyses a room into a temporary database through the real runner
// and scores the run against what a diligence lead expects.

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEAL_TYPES, isCalendarDate, type DealType } from '../../../src-shared/domain';
import { openDatabase } from '../../db/open';
import { pct } from './evaluate';
import { ExpectationsError, loadExpectations, type Expectations } from './expectations';
import { formatReport } from './report';
import { evaluateRoom } from './room';
import { defaultRoomBases, resolveExpectedRoom } from './room-spec';

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
        all: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    out(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  // `npm run` starts in the repository root; paths the user typed are relative to where they typed them.
  const here = process.env.INIT_CWD || process.cwd();
  const positionals = parsed.positionals.map((p) => path.resolve(here, p));
  if (values.db !== undefined) values.db = path.resolve(here, values.db);
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (values.all) {
    if (positionals.length > 1) {
      out(USAGE);
      return 2;
    }
    return evalAll(positionals[0] ?? path.join('test', 'expectations'), out);
  }
  if (positionals.length < 1 || positionals.length > 2) {
    out(USAGE);
    return 2;
  }
  const [room, file] = positionals.length === 2 ? [positionals[0], positionals[1]!] : [undefined, positionals[0]!];
  const asOf = values['as-of'];
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    out(`--as-of must be a calendar date as YYYY-MM-DD, not "${asOf}".`);
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
    const folder = room === undefined ? namedRoom(expectations, tempDir) : roomFolder(room, tempDir);
    const result = await evaluateRoom(database, folder, expectations, {
      name: `Evaluation ${path.basename(room ?? file, '.json')} ${new Date().toISOString()}`,
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

function namedRoom(expectations: Expectations, tempDir: string): string {
  return resolveExpectedRoom(expectations, defaultRoomBases(), tempDir, 'room').room;
}

/** Every expectations file of a folder, each room analysed and scored; one summary line per room. */
async function evalAll(folder: string, out: (line: string) => void): Promise<number> {
  let files: string[];
  try {
    files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
  } catch {
    out(`The expectations folder ${path.resolve(folder)} does not exist.`);
    return 2;
  }
  if (files.length === 0) {
    out(`${path.resolve(folder)} holds no expectations files (*.json).`);
    return 2;
  }
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'dd-eval-all-'));
  const database = openDatabase(path.join(tempDir, 'eval.sqlite'));
  let failed = 0;
  try {
    out(`${'room'.padEnd(30)} ${'fact rec'.padStart(8)} ${'gap rec'.padStart(8)} ${'gap prec'.padStart(8)} ${'find rec'.padStart(8)} ${'find prec'.padStart(9)}  verdict`);
    for (const file of files) {
      const name = file.replace(/\.json$/, '');
      try {
        const expectations = loadExpectations(path.join(folder, file));
        const { room } = resolveExpectedRoom(expectations, defaultRoomBases(), tempDir, name);
        const { evaluation: e } = await evaluateRoom(database, room, expectations, { name });
        const verdict = e.failures.length === 0 ? 'PASS' : `FAIL: ${e.failures.join('; ')}`;
        if (e.failures.length > 0) failed++;
        out(`${name.padEnd(30)} ${pct(e.facts.recall).padStart(8)} ${pct(e.gaps.recall).padStart(8)} ${pct(e.gaps.precision).padStart(8)} ${pct(e.findings.recall).padStart(8)} ${pct(e.findings.precision).padStart(9)}  ${verdict}`);
      } catch (error) {
        failed++;
        out(`${name.padEnd(30)} could not be evaluated: ${(error as Error).message}`);
      }
    }
    out(failed === 0 ? `PASS: all ${files.length} rooms hold their thresholds.` : `FAIL: ${failed} of ${files.length} rooms.`);
    return failed === 0 ? 0 : 1;
  } finally {
    database.close();
    rmSync(tempDir, { recursive: true, force: true });
  }
}
