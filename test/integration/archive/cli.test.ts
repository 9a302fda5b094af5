// The archive commands as a user meets them: a deal archived from one database and imported into
// another through the real CLI, a taken name refused (exit 2) until --as renames it.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { startCli } from '../../support/cli-process';
import { analyse } from '../../support/rooms';
import { sample } from '../../support/paths';
import { suiteDatabase } from '../../support/suite-db';
import { withoutIds } from './support';

let dir: string;
let sourceDb: string;

beforeAll(async () => {
  const suite = suiteDatabase('dd-archive-cli-');
  ({ dir, file: sourceDb } = suite);
  await analyse(suite.database, sample('scenarios'), { name: 'Scenarios', asOfDate: '2026-02-01' });
  return suite.dispose;
}, 120_000);

async function cli(args: string[]) {
  const child = startCli(args, { DILIGENCE_DESK_REPORT_DOCS: '0' });
  const exit = await child.exited;
  return { code: exit.code, stdout: child.lines.join('\n'), stderr: child.stderr() };
}

describe('archive and import on the command line', () => {
  it('archives a deal, imports it into another database, refuses the taken name, and imports it --as another', async () => {
    const file = path.join(dir, 'scenarios.ddarchive');
    const targetDb = path.join(dir, 'laptop-b.sqlite');

    const archived = await cli(['archive', 'Scenarios', file, '--db', sourceDb, '--json']);
    expect(archived.code, archived.stderr).toBe(0);
    const written = JSON.parse(archived.stdout) as { file: string; deal: { name: string }; counts: Record<string, number> };
    expect(written).toMatchObject({ file, deal: { name: 'Scenarios' }, counts: { deals: 1, analysis_runs: 1 } });

    const imported = await cli(['import', file, '--db', targetDb]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^Imported deal "Scenarios" \(id \d+\) from .*scenarios\.ddarchive: 3 documents, 1 runs, \d+ facts, \d+ gaps, \d+ findings, 0 review decisions\.$/);

    const again = await cli(['import', file, '--db', targetDb]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^Error: A deal named "Scenarios" already exists in this database; nothing was imported\. .*--as NAME/m);

    const renamed = await cli(['import', file, '--as', 'Scenarios (laptop A)', '--db', targetDb, '--json']);
    expect(renamed.code, renamed.stderr).toBe(0);
    expect(JSON.parse(renamed.stdout)).toMatchObject({ name: 'Scenarios (laptop A)', counts: written.counts });

    const deals = await cli(['deals', '--db', targetDb]);
    expect(deals.stdout).toMatch(/Scenarios\s/);
    expect(deals.stdout).toMatch(/Scenarios \(laptop A\)/);
    // The same runs and findings, read back through the CLI from both databases.
    for (const args of [['runs', 'Scenarios', '--json'], ['findings', 'Scenarios', '--json']]) {
      const [before, after] = await Promise.all([cli([...args, '--db', sourceDb]), cli([...args, '--db', targetDb])]);
      expect(withoutIds(JSON.parse(after.stdout))).toEqual(withoutIds(JSON.parse(before.stdout)));
    }
  }, 120_000);

  it('exits 2 with a specific message on bad input', async () => {
    const notes = path.join(dir, 'notes.txt');
    writeFileSync(notes, 'not an archive\n'.repeat(20));
    const targetDb = path.join(dir, 'laptop-c.sqlite');
    const cases: Array<[string[], RegExp]> = [
      [['import', notes, '--db', targetDb], /notes\.txt is not a Diligence Desk archive \(it is not a SQLite file\)/],
      [['import', path.join(dir, 'missing.ddarchive'), '--db', targetDb], /missing\.ddarchive does not exist/],
      [['import', sourceDb, '--db', targetDb], /is a Diligence Desk database, not a deal archive/],
      [['import', '--db', targetDb], /import needs an archive file/],
      [['import', notes, '--as', ' ', '--db', targetDb], /--as needs a deal name/],
      [['archive', 'No such deal', path.join(dir, 'x.ddarchive'), '--db', sourceDb], /No deal named "No such deal"/],
      [['archive', 'Scenarios', '--db', sourceDb], /archive needs the file to write/],
      [['archive', 'Scenarios', path.join(dir, 'no-dir', 'x.ddarchive'), '--db', sourceDb], /the folder .*no-dir does not exist/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  }, 120_000);
});
