// The command line as a user meets it: exit codes, clear errors, untouched files, JSON output.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/db/open';
import { startCli } from '../../support/cli-process';
import { sample } from '../../support/paths';
import { tempDir } from '../../support/temp';

async function cli(args: string[], env: Record<string, string> = {}) {
  const process = startCli(args, { DILIGENCE_DESK_REPORT_DOCS: '0', ...env });
  const exit = await process.exited;
  return { code: exit.code, stdout: process.lines.join('\n'), stderr: process.stderr() };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('command line', () => {
  it('analyses a room, then lists deals, runs and filtered findings from the same database', async () => {
    const db = path.join(tempDir(), 'cli.sqlite');
    const room = sample('scenarios');
    const analysed = await cli(['analyze', room, '--deal', 'Scenarios', '--as-of', '2026-02-01', '--type', 'carve-out', '--db', db]);
    expect(analysed.code, analysed.stderr).toBe(0);
    expect(analysed.stdout).toMatch(/Deal "Scenarios", run 1: completed/);
    expect(analysed.stdout).toMatch(/Documents: 3 \(3 parsed, 0 failed\)/);
    expect(analysed.stdout).toMatch(/Findings: \d+ critical/);
    expect(analysed.stderr).toMatch(/carve-out, as of 2026-02-01/);

    const deals = await cli(['deals', '--db', db]);
    expect(deals.stdout).toMatch(/Scenarios\s+carve-out\s+2026-02-01\s+#1\s+completed/);
    const runs = await cli(['runs', 'Scenarios', '--db', db]);
    expect(runs.stdout).toMatch(/#1\s+completed/);
    const critical = await cli(['findings', 'Scenarios', '--severity', 'critical', '--db', db, '--json']);
    const parsed = JSON.parse(critical.stdout) as { run: number; total: number; findings: Array<{ severity: string; evidence: unknown[] }> };
    expect(parsed.run).toBe(1);
    expect(parsed.total).toBeGreaterThan(0);
    expect(parsed.findings.every((f) => f.severity === 'critical')).toBe(true);
    const bad = await cli(['findings', 'Scenarios', '--severity', 'urgent', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--severity must be one of: critical, high, medium, low/);
  }, 60_000);

  it('prints a JSON summary with --json', async () => {
    const db = path.join(tempDir(), 'json.sqlite');
    const result = await cli(['analyze', sample('atlas-v1'), '--as-of', '2026-02-01', '--db', db, '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { run: { status: string }; documents: { total: number }; factTotal: number };
    expect(summary.run.status).toBe('completed');
    expect(summary.documents.total).toBe(2);
    expect(summary.factTotal).toBeGreaterThan(50);
  }, 60_000);

  it('fails clearly with exit code 2 on a missing folder, an empty folder, and an unknown command', async () => {
    const db = path.join(tempDir(), 'x.sqlite');
    const missing = await cli(['analyze', path.join(tempDir(), 'no-such-room'), '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Error: The data room folder .*no-such-room does not exist\.$/m);
    const empty = path.join(tempDir(), 'empty-room');
    mkdirSync(empty);
    writeFileSync(path.join(empty, 'photo.jpg'), 'not a document');
    const none = await cli(['analyze', empty, '--db', db]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/contains no documents \(PDF, DOCX, XLSX, CSV, Markdown or text files\)/);
    const deals = await cli(['deals', '--db', db]);
    expect(deals.stdout).toMatch(/No deals yet/);
    const unknown = await cli(['analyse-this', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command "analyse-this"/);
  }, 60_000);

  it('refuses a newer or foreign database with exit code 2 and leaves it byte-for-byte unchanged', async () => {
    const newer = path.join(tempDir(), 'newer.sqlite');
    const db = openDatabase(newer);
    db.sqlite.pragma(`user_version = ${db.schemaVersion + 5}`);
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = sha(newer);
    const refused = await cli(['deals', '--db', newer]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/written by a newer version of Diligence Desk/);
    expect(sha(newer)).toBe(before);

    const notes = path.join(tempDir(), 'notes.txt');
    writeFileSync(notes, 'shopping list\n');
    const notDb = await cli(['deals', '--db', notes]);
    expect(notDb.code).toBe(2);
    expect(notDb.stderr).toMatch(/is not a Diligence Desk database/);
    expect(readFileSync(notes, 'utf8')).toBe('shopping list\n');
  }, 60_000);

  it('reports a database locked by another process with exit code 2', async () => {
    const file = path.join(tempDir(), 'locked.sqlite');
    openDatabase(file).close();
    const holder = new Database(file);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const result = await cli(['analyze', sample('atlas-v1'), '--db', file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is locked by another process/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 60_000);

  it('runs the bundled demo into a fresh database', async () => {
    const result = await cli(['demo'], { TMPDIR: tempDir() });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Demo database: .*diligence-desk-demo-.*\.sqlite/);
    // The hint is a command that runs as printed.
    expect(result.stderr).toMatch(/explore it with: npm run cli -- findings "Demo: Corvane Marine Systems" --db \S+diligence-desk-demo-\S+\.sqlite\)/);
    expect(result.stdout).toMatch(/Deal "Demo: Corvane Marine Systems", run 1: completed/);
    expect(result.stdout).toMatch(/Documents: 13 \(13 parsed, 0 failed\)/);
  }, 60_000);
});
