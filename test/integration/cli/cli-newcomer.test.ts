// What a newcomer meets on a clean clone: every mistake is one clear line and exit code 2, deals
// are never merged or changed by a refused command, Ctrl-C can be resumed, output fits and pipes.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { createRepositories } from '../../../src-main/repositories';
import { startCli } from '../../support/cli-process';
import { writeGeneratedRoom } from '../../support/generated-room';
import { REPO_ROOT, sample } from '../../support/paths';
import { tempDir } from '../../support/temp';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  const child = startCli(args, { DILIGENCE_DESK_REPORT_DOCS: '0', ...env });
  const exit = await child.exited;
  return { code: exit.code, stdout: child.lines.join('\n'), stderr: child.stderr() };
}

/** The CLI with some environment variables removed (startCli can only add them). */
function cliWithout(args: string[], unset: string[], env: Record<string, string> = {}): Promise<Result> {
  const fullEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of unset) delete fullEnv[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src-main/cli/index.ts'), ...args], { cwd: REPO_ROOT, env: fullEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Two copies of a small room in folders of the same name, as two clients' data rooms would be. */
function twoRoomsNamedAlike(): { a: string; b: string } {
  const base = tempDir();
  const a = path.join(base, 'clientA', 'data-room');
  const b = path.join(base, 'clientB', 'data-room');
  cpSync(sample('atlas-v1'), a, { recursive: true });
  cpSync(sample('atlas-v1'), b, { recursive: true });
  return { a, b };
}

function dbIn(dir = tempDir()): string {
  return path.join(dir, 'cli.sqlite');
}

describe('command line: deals are never merged or changed by mistake', () => {
  it('refuses a second room of the same folder name unless --deal names the deal explicitly', async () => {
    const { a, b } = twoRoomsNamedAlike();
    const db = dbIn();
    expect((await cli(['analyze', a, '--as-of', '2026-02-01', '--db', db])).code).toBe(0);
    const refused = await cli(['analyze', b, '--as-of', '2026-02-01', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Deal "data-room" analyses .*clientA\/data-room, not .*clientB\/data-room\./);
    expect(refused.stderr).toMatch(/as a new deal, name it: npm run cli -- analyze .*clientB\/data-room --deal "NEW NAME"/);
    expect(refused.stderr).toMatch(/To point "data-room" at this folder from now on: .*--deal data-room/);
    expect(refused.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const runs = JSON.parse((await cli(['runs', 'data-room', '--db', db, '--json'])).stdout) as unknown[];
    expect(runs).toHaveLength(1);

    const newDeal = await cli(['analyze', b, '--deal', 'Client B', '--as-of', '2026-02-01', '--db', db]);
    expect(newDeal.code, newDeal.stderr).toBe(0);
    expect(newDeal.stdout).toMatch(/Deal "Client B", run 1: completed/);

    const moved = await cli(['analyze', b, '--deal', 'data-room', '--as-of', '2026-02-01', '--db', db]);
    expect(moved.code, moved.stderr).toBe(0);
    expect(moved.stderr).toMatch(/^Note: deal "data-room" now analyses .*clientB\/data-room \(it analysed .*clientA\/data-room\)\.$/m);
    expect(moved.stdout).toMatch(/Deal "data-room", run 2: completed/);
  }, 90_000);

  it('leaves the deal untouched when the analysis is refused because a run is in progress', async () => {
    const db = dbIn();
    const room = sample('atlas-v1');
    expect((await cli(['analyze', room, '--deal', 'Busy', '--as-of', '2026-02-01', '--type', 'acquisition', '--db', db])).code).toBe(0);
    const database = openDatabase(db);
    const repos = createRepositories(database.db);
    const deal = repos.deals.findByName('Busy')!;
    // A run held by a live process (this one) with a fresh heartbeat: really in progress.
    repos.runs.create(deal.id, 'test', {}, { pid: process.pid, host: os.hostname() });
    const before = repos.deals.get(deal.id)!;
    database.close();

    const refused = await cli(['analyze', sample('atlas-v2'), '--deal', 'Busy', '--as-of', '2020-01-01', '--type', 'divestiture', '--target', 'Other', '--db', db]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Deal "Busy" already has run 2 in progress .*the deal was not changed/);
    const after = openDatabase(db);
    expect(createRepositories(after.db).deals.get(deal.id)).toEqual(before);
    after.close();
  }, 60_000);
});

describe('command line: Ctrl-C and resume', () => {
  it('counts what a cancelled run did, says how many documents were not reached, and resumes it', async () => {
    const room = path.join(tempDir(), 'big-room');
    writeGeneratedRoom(room, 150);
    const db = dbIn();
    const child = startCli(['analyze', room, '--deal', 'Big', '--as-of', '2026-02-01', '--db', db], { DILIGENCE_DESK_REPORT_DOCS: '1' });
    await child.waitForLine(/^DOC_DONE /);
    child.child.kill('SIGINT');
    const exit = await child.exited;
    const stdout = child.lines.join('\n');
    expect(exit.code, child.stderr()).toBe(1);
    expect(stdout).toMatch(/Deal "Big", run 1: cancelled/);
    const counts = /Documents: 150 \((\d+) parsed, 0 failed; (\d+) not reached\)/.exec(stdout);
    expect(counts, stdout).not.toBeNull();
    const [parsed, notReached] = [Number(counts![1]), Number(counts![2])];
    expect(parsed).toBeGreaterThan(0);
    expect(parsed + notReached).toBe(150);
    expect(stdout).toContain(`analysed when the run is resumed with:\n    npm run cli -- resume Big --db ${db}\n`);

    const resumed = await cli(['resume', 'Big', '--db', db]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/Resuming run 1 of deal "Big" \(cancelled\)/);
    expect(resumed.stdout).toMatch(/Deal "Big", run 1: completed/);
    expect(resumed.stdout).toMatch(/Documents: 150 \(150 parsed, 0 failed\)/);

    const again = await cli(['resume', 'Big', '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/Deal "Big" has no interrupted or cancelled run to resume \(its latest run, 1, is completed\)\./);
  }, 120_000);

  it('names the deal, and a runnable command, when it finds a run whose process died', async () => {
    const db = dbIn();
    expect((await cli(['analyze', sample('atlas-v1'), '--deal', 'Great Insurance', '--as-of', '2026-02-01', '--db', db])).code).toBe(0);
    const database = openDatabase(db);
    const repos = createRepositories(database.db);
    const gone = spawnSync(process.execPath, ['-e', '0']).pid; // a process that has exited
    repos.runs.create(repos.deals.findByName('Great Insurance')!.id, 'test', {}, { pid: gone, host: os.hostname() });
    database.close();
    const result = await cli(['deals', '--db', db]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Run 2 of deal "Great Insurance" was interrupted (its process ended); resume it with: npm run cli -- resume "Great Insurance" --db ${db}`);
  }, 60_000);
});

describe('command line: clear errors, never a stack trace', () => {
  it('exits quietly when the reader of its output goes away (| head)', () => {
    const db = dbIn();
    expect(spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/index.ts', 'analyze', sample('atlas-v1'), '--as-of', '2026-02-01', '--db', db], { cwd: REPO_ROOT }).status).toBe(0);
    // `true` exits at once, so every write of the CLI meets a closed pipe (EPIPE).
    const piped = spawnSync('bash', ['-c', `node --import tsx src-main/cli/index.ts findings atlas-v1 --full --limit 500 --db '${db}' | true; exit \${PIPESTATUS[0]}`], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
  }, 60_000);

  it('explains each unusable --db and database location with exit code 2', async () => {
    const dir = tempDir();
    const folder = await cli(['deals', '--db', dir]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/--db .* is a folder; name a database file, for example .*diligence-desk\.sqlite\./);
    const empty = await cli(['deals', '--db', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--db needs a database file name \(got an empty one\)\./);
    const noParent = await cli(['deals', '--db', path.join(dir, 'no', 'such', 'folder', 'x.sqlite')]);
    expect(noParent.code).toBe(2);
    expect(noParent.stderr).toMatch(/The folder .*no\/such\/folder \(for --db .*\) does not exist\. Create it first/);
    expect(existsSync(path.join(dir, 'no'))).toBe(false);

    // The default location cannot be created: HOME is a file, not a folder.
    const home = path.join(dir, 'home-file');
    writeFileSync(home, '');
    const blocked = await cliWithout(['deals'], ['DILIGENCE_DESK_DB', 'XDG_CONFIG_HOME', 'APPDATA'], { HOME: home });
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toMatch(/^Error: Cannot create the database folder .*home-file\/\.config\/Diligence Desk \(.*\)\. Keep the database elsewhere with --db FILE/m);
    expect(blocked.stderr).not.toMatch(/\n\s+at /);

    if (process.getuid?.() !== 0) {
      // Permissions bind everyone but root.
      const locked = path.join(dir, 'locked-home');
      mkdirSync(locked, { mode: 0o555 });
      const denied = await cliWithout(['deals'], ['DILIGENCE_DESK_DB', 'XDG_CONFIG_HOME', 'APPDATA'], { HOME: locked });
      expect(denied.code).toBe(2);
      expect(denied.stderr).toMatch(/Cannot create the database folder .*permission denied/);
      chmodSync(locked, 0o755);
    }
  }, 60_000);

  it('the dev bridge refuses an unknown option with its usage and exit code 2', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/dev-bridge/main.ts', '--bogus'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^Error: Unknown option '--bogus'/);
    expect(result.stderr).toMatch(/Usage: npm run bridge -- \[--db FILE\]/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('says the database file when it is locked, and prints errors as JSON on stdout with --json', async () => {
    const db = dbIn();
    openDatabase(db).close();
    const holder = spawn(process.execPath, ['-e', `const D=require('better-sqlite3');const d=new D(${JSON.stringify(db)});d.exec('BEGIN EXCLUSIVE');console.log('held');setTimeout(()=>{},60000)`], { cwd: REPO_ROOT });
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    try {
      const locked = await cli(['analyze', sample('atlas-v1'), '--db', db, '--json']);
      expect(locked.code).toBe(2);
      expect(locked.stderr).toContain(`Error: The database ${db} is locked by another process.`);
      expect(locked.stderr).not.toMatch(/the database the database/i);
      expect(JSON.parse(locked.stdout)).toEqual({ error: { code: 'locked', message: expect.stringContaining(`The database ${db} is locked`) as string } });
    } finally {
      holder.kill();
    }
    const bad = await cli(['findings', 'nobody', '--db', db, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({ error: { code: 'not_found', message: expect.stringMatching(/^No deal named "nobody"/) as string } });
    const badArgs = await cli(['deals', '--bogus', '--json', '--db', db]);
    expect(badArgs.code).toBe(2);
    expect((JSON.parse(badArgs.stdout) as { error: { code: string } }).error.code).toBe('bad_arguments');
  }, 60_000);
});

describe('command line: input', () => {
  it('resolves relative paths against the folder the command was typed in (INIT_CWD under npm run)', async () => {
    const here = tempDir();
    cpSync(sample('atlas-v1'), path.join(here, 'room'), { recursive: true });
    const env = { INIT_CWD: here };
    const analysed = await cli(['analyze', 'room', '--deal', 'Rel', '--as-of', '2026-02-01', '--db', 'rel.sqlite'], env);
    expect(analysed.code, analysed.stderr).toBe(0);
    expect(analysed.stderr).toContain(`Database: ${path.join(here, 'rel.sqlite')}`);
    expect(analysed.stderr).toContain(`Analysing ${path.join(here, 'room')}`);
    const exported = await cli(['export', 'Rel', '--html', 'out/report.html', '--db', 'rel.sqlite'], env);
    expect(exported.code).toBe(2); // out/ does not exist: a clear refusal, not a file next to the repo
    mkdirSync(path.join(here, 'out'));
    expect((await cli(['export', 'Rel', '--html', 'out/report.html', '--db', 'rel.sqlite'], env)).code).toBe(0);
    expect(existsSync(path.join(here, 'out', 'report.html'))).toBe(true);
    expect((await cli(['archive', 'Rel', 'rel.ddarchive', '--db', 'rel.sqlite'], env)).code).toBe(0);
    expect(existsSync(path.join(here, 'rel.ddarchive'))).toBe(true);
    const imported = await cli(['import', 'rel.ddarchive', '--as', 'Rel copy', '--db', 'rel.sqlite'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(readdirSync(REPO_ROOT).some((f) => f.startsWith('rel.'))).toBe(false);
  }, 90_000);

  it('refuses blank and overlong deal names and bad --limit values, and takes choices in any case', async () => {
    const db = dbIn();
    const room = sample('scenarios');
    const blank = await cli(['analyze', room, '--deal', '   ', '--db', db]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toMatch(/--deal needs a deal name \(got a blank one\)\./);
    const long = await cli(['analyze', room, '--deal', 'x'.repeat(201), '--db', db]);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/--deal: a deal name can be at most 200 characters \(this one has 201\)\./);

    const analysed = await cli(['analyze', room, '--deal', 'Scen', '--as-of', '2026-02-01', '--type', 'CARVE_OUT', '--db', db]);
    expect(analysed.code, analysed.stderr).toBe(0);
    expect(analysed.stderr).toMatch(/carve-out, as of 2026-02-01/);
    for (const limit of ['abc', '0', '2.5', '-1', '10001']) {
      const bad = await cli(['findings', 'Scen', `--limit=${limit}`, '--db', db]);
      expect(bad.code, limit).toBe(2);
      expect(bad.stderr).toContain(`--limit must be a whole number from 1 to 10,000 (got "${limit}").`);
    }
    const high = JSON.parse((await cli(['findings', 'Scen', '--severity', 'HIGH', '--type', 'Work-Item', '--db', db, '--json'])).stdout) as { findings: Array<{ severity: string; type: string }> };
    expect(high.findings.every((f) => f.severity === 'high' && f.type === 'work_item')).toBe(true);
    const gaps = await cli(['gaps', 'Scen', '--domain', 'Identity-Access', '--importance', 'High', '--db', db]);
    expect(gaps.code, gaps.stderr).toBe(0);
  }, 60_000);

  it('finds a deal by id first, then by name, and says so when the digits are both', async () => {
    const db = dbIn();
    expect((await cli(['analyze', sample('atlas-v1'), '--deal', 'Alpha', '--as-of', '2026-02-01', '--db', db])).code).toBe(0); // id 1
    expect((await cli(['analyze', sample('atlas-v2'), '--deal', '1', '--as-of', '2026-02-01', '--db', db])).code).toBe(0); // id 2, named "1"
    expect((await cli(['analyze', sample('scenarios'), '--deal', '77', '--as-of', '2026-02-01', '--db', db])).code).toBe(0); // id 3, named "77"
    const both = await cli(['runs', '1', '--db', db]);
    expect(both.code).toBe(0);
    expect(both.stderr).toMatch(/Note: "1" is the id of deal "Alpha"; the deal named "1" has id 2 \(use 2 for that one\)\./);
    const byName = await cli(['runs', '77', '--db', db, '--json']);
    expect(byName.code, byName.stderr).toBe(0);
    expect((JSON.parse(byName.stdout) as Array<{ dealId: number }>)[0]!.dealId).toBe(3);
    const missing = await cli(['runs', '99', '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No deal named "99" and no deal with id 99\./);
  }, 90_000);

  it('prints usage for help and --help with exit code 0', async () => {
    for (const args of [['help'], ['--help'], ['-h']]) {
      const result = await cli(args);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^Usage: npm run cli -- <command>/m);
      expect(result.stdout).toMatch(/gaps <deal>/);
    }
  }, 30_000);
});

describe('command line: output', () => {
  it('diff names the runs a deal has; analyze says which database it used', async () => {
    const db = dbIn();
    const analysed = await cli(['analyze', sample('atlas-v1'), '--deal', 'X', '--as-of', '2026-02-01', '--db', db]);
    expect(analysed.stderr).toContain(`Database: ${db}`);
    await cli(['analyze', sample('atlas-v1'), '--deal', 'X', '--as-of', '2026-02-01', '--db', db]);
    const diff = await cli(['diff', 'X', '1', '5', '--db', db]);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toMatch(/^Error: Deal "X" has no run 5 \(it has runs 1–2\)\.$/m);
    const findings = await cli(['findings', 'X', '--run', '3', '--db', db]);
    expect(findings.stderr).toMatch(/Deal "X" has no run 3 \(it has runs 1–2\)\./);
  }, 60_000);

  it('lists the files the run did not analyse, grouped by reason, in the summary and its JSON', async () => {
    const base = tempDir();
    const room = path.join(base, 'room');
    cpSync(sample('atlas-v1'), room, { recursive: true });
    mkdirSync(path.join(room, 'photos'));
    for (const n of [1, 2, 3, 4]) writeFileSync(path.join(room, 'photos', `site-${n}.jpg`), 'jpeg');
    writeFileSync(path.join(base, 'secret.txt'), 'outside the room');
    symlinkSync(path.join(base, 'secret.txt'), path.join(room, 'link-out.txt'));
    const db = dbIn();
    const text = await cli(['analyze', room, '--as-of', '2026-02-01', '--db', db]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^5 files not analysed:$/m);
    expect(text.stdout).toMatch(/^ {2}4 × unsupported file type \.jpg: photos\/site-1\.jpg, photos\/site-2\.jpg, photos\/site-3\.jpg and 1 more$/m);
    expect(text.stdout).toMatch(/^ {2}1 × symbolic link pointing outside the data room: link-out\.txt$/m);
    const json = await cli(['analyze', room, '--as-of', '2026-02-01', '--db', db, '--json']);
    const summary = JSON.parse(json.stdout) as { skippedFiles: Array<{ relativePath: string; reason: string }> };
    expect(summary.skippedFiles).toHaveLength(5);
    expect(summary.skippedFiles).toContainEqual({ relativePath: 'link-out.txt', reason: 'symbolic link pointing outside the data room' });
  }, 60_000);

  it('never cuts names when the output is piped', async () => {
    const db = dbIn();
    const name = `A deal with a very long name ${'x'.repeat(150)}`;
    expect((await cli(['analyze', sample('atlas-v1'), '--deal', name, '--as-of', '2026-02-01', '--db', db])).code).toBe(0);
    const deals = await cli(['deals', '--db', db]);
    expect(deals.stdout).toContain(name);
  }, 60_000);

  it('gaps lists the requests, facts where each was read, findings --full the reasoning and every quote', async () => {
    const db = dbIn();
    expect((await cli(['analyze', sample('atlas-v1'), '--deal', 'Atlas', '--as-of', '2026-02-01', '--db', db])).code).toBe(0);

    const gaps = await cli(['gaps', 'Atlas', '--importance', 'critical', '--db', db]);
    expect(gaps.code, gaps.stderr).toBe(0);
    expect(gaps.stdout).toMatch(/^Deal "Atlas", run 1: 1 requests to the target$/m);
    expect(gaps.stdout).toMatch(/^\[CRITICAL\] SEC-01 .* · contradictory · Cybersecurity$/m);
    expect(gaps.stdout).toMatch(/^ {2}Request: Please confirm/m);
    const gapsJson = JSON.parse((await cli(['gaps', 'Atlas', '--search', 'MFA', '--limit', '2', '--db', db, '--json'])).stdout) as { total: number; gaps: Array<{ request: string; checklistItem: string }> };
    expect(gapsJson.gaps.length).toBeLessThanOrEqual(2);

    const facts = await cli(['facts', 'Atlas', '--attribute', 'IT staff (FTE)', '--db', db]);
    expect(facts.code, facts.stderr).toBe(0);
    expect(facts.stdout).toMatch(/subject\s+attribute\s+value\s+document:location/);
    expect(facts.stdout).toMatch(/IT staff \(FTE\)\s+47 fte\s+it_discovery\.txt:line 16/);
    const factsJson = JSON.parse((await cli(['facts', 'Atlas', '--domain', 'network', '--limit', '600', '--db', db, '--json'])).stdout) as { total: number; facts: Array<{ domain: string; evidence: unknown[] }> };
    expect(factsJson.facts).toHaveLength(factsJson.total);
    expect(factsJson.facts.every((f) => f.domain === 'network')).toBe(true);
    const unknownAttribute = await cli(['facts', 'Atlas', '--attribute', 'shoe size', '--db', db]);
    expect(unknownAttribute.code).toBe(2);
    expect(unknownAttribute.stderr).toMatch(/No fact of run 1 has the attribute "shoe size"\. Its attributes: /);

    const full = await cli(['findings', 'Atlas', '--severity', 'critical', '--limit', '1', '--full', '--db', db]);
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/^ {2}Reasoning:$/m);
    expect(full.stdout).toMatch(/^ {4}Rule [a-z_.]+:/m);
    expect(full.stdout).toMatch(/^ {2}Evidence \(\d+\):$/m);
  }, 60_000);
});
