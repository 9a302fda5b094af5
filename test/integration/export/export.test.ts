// Exports (issue 6, item 5): the Excel workbook and the self-contained HTML report of one run, on a
// real database holding the great-insurance room (analysed twice) plus a hostile document, with
// review decisions applied as in every view; and the CLI that writes them.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src-main/db/open';
import { ExportError } from '../../../src-main/services/export/common';
import { renderDealReport, writeDealReport } from '../../../src-main/services/export/html-report';
import { WORKBOOK_SHEETS, writeDealWorkbook } from '../../../src-main/services/export/workbook';
import { reviewFinding } from '../../../src-main/services/review';
import { startCli } from '../../support/cli-process';
import { sample } from '../../support/paths';
import { analyse } from '../../support/rooms';
import { suiteDatabase } from '../../support/suite-db';
import { seeder } from '../deal-data/seed';

const DEAL = 'Great Insurance';
const HOSTILE_FILE = 'servers <img src=x onerror=alert(2)>.md';
const HOSTILE_QUOTE = '<img src=x onerror=alert(1)>';
const HOSTILE_MD = `# Server inventory

| Hostname | Operating System | Environment |
|---|---|---|
| app01 ${HOSTILE_QUOTE} | Windows Server 2008 R2 | Production |

- Last DR test: never <script>alert(3)</script>
`;

let database: AppDatabase;
let dbFile: string;
let out: string;
let dealId: number;
let run1: number;
let run2: number;

beforeAll(async () => {
  const suite = suiteDatabase('dd-export-');
  ({ database, file: dbFile } = suite);
  const room = path.join(suite.dir, 'great-insurance');
  cpSync(sample('great-insurance'), room, { recursive: true });
  writeFileSync(path.join(room, HOSTILE_FILE), HOSTILE_MD);
  const first = await analyse(database, room, { name: DEAL, asOfDate: '2026-02-01' });
  const second = await analyse(database, room, { name: DEAL, asOfDate: '2026-02-01' });
  expect([first.status, second.status]).toEqual(['completed', 'completed']);
  dealId = first.dealId;
  run1 = first.runId;
  run2 = second.runId;
  out = path.join(suite.dir, 'out');
  mkdirSync(out);
  return suite.dispose;
}, 120_000);

const count = (sql: string, ...params: unknown[]) => database.sqlite.prepare(sql).pluck().get(...params) as number;
const NOT_DISMISSED = "NOT EXISTS (SELECT 1 FROM reviews r WHERE r.deal_id = f.deal_id AND r.item_kind = 'finding' AND r.stable_key = f.stable_key AND r.status = 'dismissed')";

/** The SQL counts of a run, written here independently of the export's own queries. */
function sqlCounts(runId: number, includeDismissed = false): Record<'Findings' | 'Work items' | 'Request list' | 'Facts' | 'Documents', number> {
  const live = includeDismissed ? '1' : NOT_DISMISSED;
  return {
    Findings: count(`SELECT count(*) FROM findings f WHERE f.run_id = ? AND f.deleted_at IS NULL AND ${live}`, runId),
    'Work items': count(`SELECT count(*) FROM findings f WHERE f.run_id = ? AND f.type = 'work_item' AND f.deleted_at IS NULL AND ${live}`, runId),
    'Request list': count('SELECT count(*) FROM gaps WHERE run_id = ? AND deleted_at IS NULL', runId),
    Facts: count('SELECT count(*) FROM facts WHERE run_id = ? AND deleted_at IS NULL', runId),
    Documents: count('SELECT count(*) FROM run_documents rd JOIN documents d ON d.id = rd.document_id WHERE rd.run_id = ? AND d.deleted_at IS NULL', runId),
  };
}

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet's rows as objects keyed by its header row. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): Array<Record<string, unknown>> {
  const sheet = workbook.getWorksheet(name)!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i + 1] ?? null])));
  });
  return rows;
}

function summaryValue(workbook: ExcelJS.Workbook, item: string): unknown {
  return rowsOf(workbook, 'Summary').find((r) => r.Item === item)?.Value;
}

function findingKeys(runId: number, where: string): string[] {
  return database.sqlite.prepare(`SELECT stable_key FROM findings f WHERE f.run_id = ? AND ${where} ORDER BY severity_rank, id`).pluck().all(runId) as string[];
}

async function expectExportError(promise: Promise<unknown> | (() => unknown), code: string, message: RegExp): Promise<void> {
  const error = await (typeof promise === 'function' ? Promise.resolve().then(promise) : promise).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ExportError);
  expect((error as ExportError).code).toBe(code);
  expect((error as ExportError).message).toMatch(message);
}

describe('the Excel workbook', () => {
  it('has the six sheets in order, each with a frozen, filtered header row and as many rows as SQL counts for the latest completed run', async () => {
    const file = path.join(out, 'default.xlsx');
    const result = await writeDealWorkbook(database.db, { dealId, file });
    expect(result.runId).toBe(run2);
    expect(result.file).toBe(file);
    const workbook = await readWorkbook(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([...WORKBOOK_SHEETS]);
    const expected = sqlCounts(run2);
    for (const [sheet, n] of Object.entries(expected)) {
      expect(result.sheets[sheet], sheet).toBe(n);
      expect(workbook.getWorksheet(sheet)!.rowCount - 1, sheet).toBe(n);
    }
    expect(expected.Facts).toBeGreaterThan(300);
    expect(expected['Work items']).toBeGreaterThan(0);
    for (const sheet of workbook.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter, sheet.name).toBeTruthy();
      expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
      expect(sheet.getColumn(1).width, sheet.name).toBeGreaterThan(5);
    }
    expect(summaryValue(workbook, 'Run')).toBe(2);
    expect(summaryValue(workbook, 'Facts')).toBe(expected.Facts);
    // Every row of the run, none of run 1's: the same count as the run's own record.
    expect(expected.Facts).toBe(count('SELECT fact_count FROM analysis_runs WHERE id = ?', run2));
  });

  it('writes dates as dates, numbers as numbers, and severities, cost bands and phases as words', async () => {
    const file = path.join(out, 'types.xlsx');
    await writeDealWorkbook(database.db, { dealId, file });
    const workbook = await readWorkbook(file);
    expect(summaryValue(workbook, 'As-of date')).toEqual(new Date('2026-02-01T00:00:00Z'));
    expect(summaryValue(workbook, 'Run finished')).toBeInstanceOf(Date);
    const findings = rowsOf(workbook, 'Findings');
    for (const row of findings) {
      expect(['Critical', 'High', 'Medium', 'Low']).toContain(row.Severity);
      for (const column of ['Cost band', 'Phase', 'M&A lens', 'Type']) expect(String(row[column] ?? '')).not.toMatch(/_/);
    }
    expect(findings.some((r) => /\d/.test(String(r['Cost band'] ?? '')))).toBe(true);
    expect(rowsOf(workbook, 'Work items').every((r) => r.Phase !== null)).toBe(true);
    const money = rowsOf(workbook, 'Facts').find((r) => String(r['As stated']).startsWith('$'));
    expect(typeof money?.Value).toBe('number');
    expect(rowsOf(workbook, 'Documents').every((r) => r.Added instanceof Date && typeof r['Size (bytes)'] === 'number')).toBe(true);
    const requests = rowsOf(workbook, 'Request list');
    expect(requests.map((r) => r['#'])).toEqual(requests.map((_, i) => i + 1));
    expect(String(requests[0]!.Request)).toMatch(/^Please /);
  });

  it('leaves a dismissed finding out by default and lists it, marked, when asked; shows a severity override', async () => {
    const [dismissed, overridden] = findingKeys(run2, `type = 'risk' AND severity <> 'critical'`);
    expect(overridden).toBeDefined();
    reviewFinding(database.db, { dealId, finding: { stableKey: dismissed! }, status: 'dismissed', reason: 'Remediated before signing' }, 'tester');
    reviewFinding(database.db, { dealId, finding: { stableKey: overridden! }, severityOverride: 'critical', note: 'Core platform' }, 'tester');
    try {
      const file = path.join(out, 'reviewed.xlsx');
      const result = await writeDealWorkbook(database.db, { dealId, file });
      const rows = rowsOf(await readWorkbook(file), 'Findings');
      expect(rows.map((r) => r.Key)).not.toContain(dismissed);
      expect(result.sheets.Findings).toBe(sqlCounts(run2).Findings);
      expect(result.sheets.Findings).toBe(sqlCounts(run2, true).Findings - 1);
      const row = rows.find((r) => r.Key === overridden)!;
      expect(row).toMatchObject({ Severity: 'Critical', 'Review note': 'Core platform', 'Reviewed by': 'tester' });
      expect(['High', 'Medium', 'Low']).toContain(row['Rule severity']);
      // Sorted by the reviewed severity: the override moves it to the top.
      expect(rows[0]!.Severity).toBe('Critical');

      const withDismissed = path.join(out, 'reviewed-all.xlsx');
      const all = await writeDealWorkbook(database.db, { dealId, file: withDismissed, includeDismissed: true });
      expect(all.sheets.Findings).toBe(sqlCounts(run2, true).Findings);
      const shown = rowsOf(await readWorkbook(withDismissed), 'Findings').find((r) => r.Key === dismissed);
      expect(shown).toMatchObject({ Review: 'Dismissed', 'Dismissal reason': 'Remediated before signing' });

      // The report follows the same decisions.
      const title = database.sqlite.prepare('SELECT title FROM findings WHERE run_id = ? AND stable_key = ?').pluck().get(run2, dismissed) as string;
      const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      expect(renderDealReport(database.db, { dealId })).not.toContain(escaped);
      expect(renderDealReport(database.db, { dealId, includeDismissed: true })).toContain(escaped);
    } finally {
      reviewFinding(database.db, { dealId, finding: { stableKey: dismissed! }, status: null }, 'tester');
      reviewFinding(database.db, { dealId, finding: { stableKey: overridden! }, severityOverride: null, note: null }, 'tester');
    }
  });

  it('exports an explicitly chosen run of the deal', async () => {
    const file = path.join(out, 'run1.xlsx');
    const result = await writeDealWorkbook(database.db, { dealId, runId: run1, file });
    expect(result.runId).toBe(run1);
    expect(summaryValue(await readWorkbook(file), 'Run')).toBe(1);
    expect(result.sheets.Facts).toBe(sqlCounts(run1).Facts);
  });

  it('reads a large run in pages without losing or repeating a fact', async () => {
    const seed = seeder(database.sqlite);
    const large = seed.deal('Large room');
    const run = seed.run(large, 'completed');
    const doc = seed.document(large, run.id, 'inventory.md');
    // Many equal sort keys (same domain, no subject, one attribute, a few values): only the id tells rows apart.
    database.sqlite.transaction(() => {
      for (let i = 0; i < 4500; i++) {
        const factId = seed.fact({ dealId: large, runId: run.id, domain: 'applications', attribute: 'app_version', value: `v${i % 7}`, key: `k${i}`, subjectName: i % 3 === 0 ? null : `App ${i % 11}`, subjectKind: i % 3 === 0 ? null : 'application' });
        if (i % 2 === 0) seed.evidence(factId, run.id, doc, `App ${i} version v${i % 7}`, i + 1);
      }
    })();
    const file = path.join(out, 'large.xlsx');
    const result = await writeDealWorkbook(database.db, { dealId: large, file });
    expect(result.sheets.Facts).toBe(4500);
    const facts = rowsOf(await readWorkbook(file), 'Facts');
    expect(facts).toHaveLength(4500);
    const quotes = facts.map((r) => r.Quote).filter(Boolean);
    expect(new Set(quotes).size).toBe(2250);
  });

  it('refuses, with a typed error, a missing deal, a deal without a completed run, a run of another deal and a missing folder', async () => {
    const seed = seeder(database.sqlite);
    const empty = seed.deal('Never analysed');
    const busy = seed.deal('Still running');
    const running = seed.run(busy, 'running');
    const file = path.join(out, 'refused.xlsx');
    await expectExportError(writeDealWorkbook(database.db, { dealId: 99_999, file }), 'deal_not_found', /Deal 99999 does not exist/);
    await expectExportError(writeDealWorkbook(database.db, { dealId: empty, file }), 'no_completed_run', /"Never analysed" has no completed run .*never been analysed/);
    await expectExportError(writeDealWorkbook(database.db, { dealId: busy, file }), 'no_completed_run', /latest run, 1, is running/);
    await expectExportError(writeDealWorkbook(database.db, { dealId: busy, runId: running.id, file }), 'run_not_completed', /is running; only a completed run/);
    await expectExportError(writeDealWorkbook(database.db, { dealId: empty, runId: run1, file }), 'run_not_in_deal', /belongs to another deal/);
    await expectExportError(writeDealWorkbook(database.db, { dealId, file: path.join(out, 'missing', 'x.xlsx') }), 'output_folder', /does not exist/);
    await expectExportError(() => writeDealReport(database.db, { dealId, file: path.join(out, 'missing', 'x.html') }), 'output_folder', /does not exist/);
    await expectExportError(() => renderDealReport(database.db, { dealId: empty }), 'no_completed_run', /no completed run/);
    expect(existsSync(file)).toBe(false);
    // The codes the IPC contract carries for them.
    expect(['deal_not_found', 'run_not_completed', 'output_folder'].map((code) => new ExportError(code as never, '').contractCode)).toEqual(['not_found', 'conflict', 'validation']);
  });

  it('replaces a file only when the new one is complete, and leaves no temporary file behind', async () => {
    const file = path.join(out, 'kept.xlsx');
    writeFileSync(file, 'previous export');
    await expectExportError(writeDealWorkbook(database.db, { dealId, runId: 99_999, file }), 'run_not_found', /does not exist/);
    expect(readFileSync(file, 'utf8')).toBe('previous export');
    await writeDealWorkbook(database.db, { dealId, file });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the HTML report', () => {
  let html: string;
  beforeAll(() => {
    html = renderDealReport(database.db, { dealId });
  });

  it('is self-contained: no script, no external reference of any kind', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toContain('//');
    // No tag loads anything (document text saying "src=" is escaped text, not a tag: every real "<" starts one).
    expect(html).not.toMatch(/<[a-z][^>]*\s(?:src|href|srcset|action|poster|xlink:href|background|data)\s*=/i);
    expect(html).not.toMatch(/url\((?!#)/i);
    expect(html).not.toMatch(/@import|@font-face/i);
    expect(html).not.toMatch(/<(?:link|iframe|object|embed|img|base|form)\b/i);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*break-before:page[\s\S]*<\/style>/);
  });

  it('escapes every piece of hostile document text: quotes, names and file paths', () => {
    // The hostile lines were read as facts behind findings, so their quotes are in the report.
    expect(html).toContain('app01 &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('servers &lt;img src=x onerror=alert(2)&gt;.md');
    expect(html).not.toContain(HOSTILE_QUOTE);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror=alert(2)>');
  });

  it('has the executive summary, top risks, findings by domain with quotes and locations, the request list and two charts', () => {
    expect(html).toContain(`<h1>IT due diligence: ${DEAL}</h1>`);
    expect(html).toMatch(/As-of date<\/dt><dd>2026-02-01/);
    expect(html).toMatch(/Run 2, completed/);
    const topRisks = html.slice(html.indexOf('id="top-risks"'), html.indexOf('id="findings"'));
    const risks = database.sqlite.prepare("SELECT title FROM findings WHERE run_id = ? AND type = 'risk' ORDER BY severity_rank, domain, title LIMIT 3").pluck().all(run2) as string[];
    expect(risks.length).toBeGreaterThan(0);
    for (const title of risks) expect(topRisks).toContain(title.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;'));
    expect(html).toMatch(/<cite>Great_Insurance_Document_2_Application_Inventory\.md — line \d+<\/cite>/);
    expect(html).toMatch(/<cite>Target Company Profile - Great Insurance\.pdf — page \d+, line \d+<\/cite>/);
    const requests = html.slice(html.indexOf('id="requests"'), html.indexOf('id="documents"'));
    expect(requests.match(/<tr>/g)).toHaveLength(sqlCounts(run2)['Request list'] + 1);
    expect(html.match(/<svg class="chart"/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Findings by severity"');
    expect(html).toContain('aria-label="Findings by domain"');
  });

  it('writes the file and says which run it shows', () => {
    const file = path.join(out, 'report.html');
    expect(writeDealReport(database.db, { dealId, runId: run1, file })).toEqual({ file, runId: run1 });
    expect(readFileSync(file, 'utf8')).toMatch(/Run 1, completed/);
  });
});

describe('the export command', () => {
  const cli = async (args: string[]) => {
    const child = startCli([...args, '--db', dbFile], { DILIGENCE_DESK_REPORT_DOCS: '0' });
    const exit = await child.exited;
    return { code: exit.code, stdout: child.lines.join('\n'), stderr: child.stderr() };
  };

  it('writes the workbook and the report and prints the files and the row counts', async () => {
    const xlsx = path.join(out, 'cli.xlsx');
    const html = path.join(out, 'cli.html');
    const result = await cli(['export', DEAL, '--xlsx', xlsx, '--html', html]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Deal "${DEAL}", run 2$`, 'm'));
    expect(result.stdout).toContain(`Workbook: ${xlsx}`);
    expect(result.stdout).toContain(`Report: ${html}`);
    expect(result.stdout).toMatch(new RegExp(`^ {2}Facts +${sqlCounts(run2).Facts} rows$`, 'm'));
    expect((await readWorkbook(xlsx)).worksheets.map((s) => s.name)).toEqual([...WORKBOOK_SHEETS]);
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);

    const json = await cli(['export', DEAL, '--run', '1', '--xlsx', path.join(out, 'cli-run1.xlsx'), '--include-dismissed', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { run: number; includeDismissed: boolean; workbook: { sheets: Record<string, number> }; report: null };
    expect(parsed).toMatchObject({ run: 1, includeDismissed: true, report: null });
    expect(parsed.workbook.sheets.Facts).toBe(sqlCounts(run1).Facts);
  }, 60_000);

  it('exits 2 with a specific message on bad input', async () => {
    const missing = await cli(['export', 'No such deal', '--xlsx', path.join(out, 'x.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No deal named "No such deal"/);
    const noFile = await cli(['export', DEAL]);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/at least one of --xlsx FILE or --html FILE/);
    const badRun = await cli(['export', DEAL, '--run', '9', '--html', path.join(out, 'x.html')]);
    expect(badRun.code).toBe(2);
    expect(badRun.stderr).toMatch(/has no run 9/);
    const badFolder = await cli(['export', DEAL, '--xlsx', path.join(out, 'fine.xlsx'), '--html', path.join(out, 'nowhere', 'x.html')]);
    expect(badFolder.code).toBe(2);
    expect(badFolder.stderr).toMatch(/folder .*nowhere does not exist/);
    // Neither file is written when one destination is wrong.
    expect(existsSync(path.join(out, 'fine.xlsx'))).toBe(false);
  }, 60_000);
});
