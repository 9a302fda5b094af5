import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { api, copyRoom, pageUrl, screenshot, SHARED, startBridge, tempDbFile, waitForRun } from './support';

// The review pages: keyboard navigation, SQL-side filters, detail views with their evidence,
// the demo deal from an empty state, and both colour schemes.

let dealId = 0;

test.beforeAll(async () => {
  const room = copyRoom();
  // A file type the analysis cannot read: the documents page must say it was not analysed.
  writeFileSync(path.join(room, 'Board pack.pptx'), 'slides');
  const { deal } = await api<{ deal: { id: number } }>(SHARED, 'deals.create', {
    name: `Review ${Date.now()}`,
    targetName: 'Target Co',
    dealType: 'carve_out',
    asOfDate: '2026-03-31',
    dataRoomPath: room,
    startRun: true,
  });
  dealId = deal.id;
  await waitForRun(SHARED, dealId, 1);
});

function nav(page: Page, name: string) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
}

test('facts: search in SQL, move with the keyboard, open a fact and read its quote and source', async ({ page }) => {
  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/facts`));
  const grid = page.getByRole('grid', { name: 'Facts' });
  await expect(grid.locator('.vt-row:not(.placeholder)').first()).toBeVisible();
  const all = Number((await page.locator('.vt-foot').innerText()).replace(/\D/g, ''));
  expect(all).toBeGreaterThan(100);

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search subjects and values' })).toBeFocused();
  await page.keyboard.type('SaaS');
  await expect(page.locator('.vt-foot')).not.toHaveText(`${all} rows`);
  const filtered = Number((await page.locator('.vt-foot').innerText()).replace(/\D/g, ''));
  const expected = await api<{ total: number }>(SHARED, 'facts.list', { dealId, filter: { search: 'SaaS' }, page: { limit: 1, offset: 0 } });
  expect(filtered).toBe(expected.total);
  expect(filtered).toBeGreaterThan(0);

  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: /Evidence/ })).toBeVisible();
  await expect(details.locator('.evidence blockquote').first()).not.toBeEmpty();
  await expect(details.locator('.evidence-doc').first()).toHaveText(/\.(md|pdf)$/);
  await expect(details.locator('.evidence-loc').first()).toHaveText(/line|page|row|sheet/);
  await screenshot(page, 'facts-detail');
  await page.keyboard.press('Escape');
  await expect(details).toHaveCount(0);
});

test('findings and gaps: filters narrow the rows in SQL; details show reasoning and evidence', async ({ page }) => {
  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/findings`));
  const grid = page.getByRole('grid', { name: 'Findings' });
  await expect(grid.locator('.vt-row:not(.placeholder)').first()).toBeVisible();
  await grid.locator('.vt-row').first().click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: 'Reasoning' })).toBeVisible();
  await screenshot(page, 'findings-detail');

  await nav(page, 'Gaps & requests');
  const gaps = page.getByRole('grid', { name: 'Gaps' });
  await expect(gaps.locator('.vt-row:not(.placeholder)').first()).toBeVisible();
  await page.getByLabel('Importance').selectOption('critical');
  const critical = await api<{ total: number }>(SHARED, 'gaps.list', { dealId, filter: { importance: 'critical' }, page: { limit: 1, offset: 0 } });
  await expect(page.locator('.vt-foot')).toHaveText(new RegExp(`^${critical.total} rows?`));
  await gaps.locator('.vt-row').first().click();
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Request to the target' })).toBeVisible();
});

test('documents and runs pages list the data room and the run history', async ({ page }) => {
  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/documents`));
  await expect(page.locator('.vt-foot')).toHaveText('8 rows');
  await expect(page.getByRole('grid', { name: 'Documents' }).locator('.doc-status.ok')).toHaveCount(8);
  const skipped = page.getByTestId('skipped-files');
  await expect(skipped).toContainText('1 file was not analysed');
  await expect(skipped).toContainText('unsupported file type .pptx');
  await skipped.getByRole('button', { name: 'Show list' }).click();
  await expect(page.getByRole('list', { name: 'Files not analysed' })).toContainText('Board pack.pptx');
  await screenshot(page, 'documents');
  await nav(page, 'Runs');
  await expect(page.getByRole('row', { name: /#1.*Completed/ })).toBeVisible();
  await screenshot(page, 'runs');
});

test('dashboard reads well in the dark system theme too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/dashboard`));
  await expect(page.getByTestId('inventory-application')).toBeVisible();
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(12, 16, 23)');
  await screenshot(page, 'dashboard-dark');
  await nav(page, 'Cybersecurity');
  await expect(page.getByRole('tab').first()).toBeVisible();
  await screenshot(page, 'domain-cybersecurity-dark');
});

test('an empty install offers the demo deal, which analyses the bundled demo room', async ({ page }) => {
  const bridge = await startBridge(tempDbFile());
  try {
    await page.goto(pageUrl(bridge));
    await expect(page.getByRole('heading', { name: 'No deals yet' })).toBeVisible();
    await screenshot(page, 'deals-empty');
    await page.getByRole('button', { name: 'Try the demo deal' }).click();
    await expect(page.getByTestId('run-percent')).toHaveText('100%', { timeout: 120_000 });
    await nav(page, 'All deals');
    await expect(page.getByRole('article', { name: /^Demo: / })).toBeVisible();
    await expect(page.getByRole('article', { name: /^Demo: / }).getByText('Completed')).toBeVisible();
    await screenshot(page, 'deals');
  } finally {
    await bridge.stop();
  }
});
