import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../support/paths';
import { copyRoom, screenshot } from './support';

// The HTML report (issue 6, item 5) as a reader gets it: a file opened in the browser with no
// network. It is made by the real CLI from an analysed sample room (with one hostile document),
// opened over file://, and every request the page makes is recorded and refused but the page's own.

function cli(db: string, args: string[]): string {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src-main/cli/index.ts'), ...args, '--db', db], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, DILIGENCE_DESK_REPORT_DOCS: '0' },
    timeout: 120_000,
  });
  if (result.status !== 0) throw new Error(`cli ${args[0]} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

test('the report opens from a file, requests nothing but itself, runs no script and draws its charts', async ({ page }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-report-'));
  const db = path.join(dir, 'desk.sqlite');
  const room = copyRoom('great-insurance');
  // If any of this reached the page as markup, the image would be requested and the handler would run.
  writeFileSync(path.join(room, 'servers.md'), '# Servers\n\n| Hostname | Operating System |\n|---|---|\n| app01 <img src=x onerror="window.pwned=1"> | Windows Server 2008 R2 |\n');
  cli(db, ['analyze', room, '--deal', 'Great Insurance', '--target', 'Great Insurance Co', '--as-of', '2026-02-01']);
  const file = path.join(dir, 'report.html');
  expect(cli(db, ['export', 'Great Insurance', '--html', file])).toContain(`Report: ${file}`);
  const url = pathToFileURL(file).href;

  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);

  await expect(page.locator('h1')).toHaveText('IT due diligence: Great Insurance');
  const charts = page.locator('svg.chart');
  await expect(charts).toHaveCount(2);
  for (const chart of await charts.all()) {
    await expect(chart).toBeVisible();
    expect((await chart.boundingBox())!.height).toBeGreaterThan(80);
    expect(await chart.locator('rect').count()).toBeGreaterThan(2);
  }
  await expect(page.getByRole('heading', { name: 'Top risks' })).toBeVisible();
  await expect(page.locator('#top-risks tbody tr').first()).toBeVisible();
  await expect(page.locator('#requests tbody tr').first()).toBeVisible();
  await expect(page.locator('blockquote cite').first()).toContainText(/line \d+/);
  // The hostile line is shown as text.
  await expect(page.locator('body')).toContainText('app01 <img src=x onerror="window.pwned=1">');
  expect(await page.locator('main img, main script').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  // Printing: each section after the summary starts a new page.
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('#top-risks').evaluate((s) => getComputedStyle(s).breakBefore)).toBe('page');
  expect(await page.locator('#summary').evaluate((s) => getComputedStyle(s).breakBefore)).toBe('auto');
  await page.emulateMedia({ media: 'screen' });

  await screenshot(page, 'report');
  expect(requested).toEqual([url]);
});
