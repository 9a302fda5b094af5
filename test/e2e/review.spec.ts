import { expect, test, type Page } from '@playwright/test';
import { api, copyRoom, pageUrl, screenshot, SHARED, waitForRun } from './support';

// Issue 6, review: a finding dismissed with a reason leaves the findings list and the dashboard's
// count, "Show dismissed" brings it back with its badge; a fact confirmed on run 1 is still
// confirmed in run 2 of the same room (decisions are kept per stable key, not per run row).

let dealId = 0;

test.beforeAll(async () => {
  const { deal } = await api<{ deal: { id: number } }>(SHARED, 'deals.create', {
    name: `Review decisions ${Date.now()}`,
    targetName: 'Atlas Manufacturing',
    dealType: 'acquisition',
    asOfDate: '2026-02-01',
    dataRoomPath: copyRoom('atlas-v1'),
    startRun: true,
  });
  dealId = deal.id;
  await waitForRun(SHARED, dealId, 1);
});

async function rowCount(page: Page): Promise<number> {
  const text = await page.locator('.vt-foot').innerText();
  return Number(text.replace(/\D/g, ''));
}

async function findingsKpi(page: Page): Promise<number> {
  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/dashboard`));
  const kpi = page.locator('.kpi', { has: page.locator('.kpi-label', { hasText: /^Findings$/ }) });
  await expect(kpi.locator('.kpi-value')).toHaveText(/\d/);
  return Number((await kpi.locator('.kpi-value').innerText()).replace(/\D/g, ''));
}

test('dismissing a finding needs a reason, hides it from the list and the dashboard; "Show dismissed" brings it back', async ({ page }) => {
  const dashboardBefore = await findingsKpi(page);
  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/findings`));
  const grid = page.getByRole('grid', { name: 'Findings' });
  await expect(grid.locator('.vt-row:not(.placeholder)').first()).toBeVisible();
  const before = await rowCount(page);
  expect(before).toBeGreaterThan(1);
  const first = grid.locator('.vt-row:not(.placeholder)').first();
  const title = (await first.locator('.cell-title').innerText()).trim();
  await first.click();

  const details = page.getByRole('complementary', { name: 'Details' });
  const review = details.getByRole('form', { name: 'Review' });
  await review.getByRole('radio', { name: 'Dismissed' }).click();
  const save = review.getByRole('button', { name: 'Save review' });
  await expect(save).toBeDisabled();
  await review.getByLabel('Reason for dismissing (required)').fill('Covered by the buyer’s existing remediation programme');
  await expect(save).toBeEnabled();
  await save.click();

  // The list refreshes on the change event: one row fewer, and not this one.
  await expect(page.locator('.vt-foot')).toHaveText(new RegExp(`^${before - 1} rows?`));
  await expect(grid.locator('.cell-title', { hasText: title })).toHaveCount(0);
  await expect(details.locator('.dismissed-reason')).toContainText('Covered by the buyer’s existing remediation programme');
  const history = details.getByRole('region', { name: 'Review history' });
  await expect(history.locator('.audit-entry')).toHaveCount(2);
  await expect(history).toContainText('Status');
  await expect(history).toContainText('Dismissed');

  await page.getByRole('checkbox', { name: 'Show dismissed' }).check();
  await expect(page.locator('.vt-foot')).toHaveText(new RegExp(`^${before} rows?`));
  const back = grid.locator('.vt-row', { has: page.locator('.cell-title', { hasText: title }) });
  await expect(back.locator('[data-review="dismissed"]')).toBeVisible();
  await screenshot(page, 'review');

  expect(await findingsKpi(page)).toBe(dashboardBefore - 1);
});

test('a severity override shows in the list with the rule’s severity struck through', async ({ page }) => {
  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/findings`));
  const grid = page.getByRole('grid', { name: 'Findings' });
  const row = grid.locator('.vt-row:not(.placeholder)').first();
  await expect(row).toBeVisible();
  const title = (await row.locator('.cell-title').innerText()).trim();
  await row.click();
  const details = page.getByRole('complementary', { name: 'Details' });
  const review = details.getByRole('form', { name: 'Review' });
  await review.getByLabel('Severity override').selectOption('low');
  await review.getByRole('radio', { name: 'Accepted' }).click();
  await review.getByRole('button', { name: 'Save review' }).click();
  await expect(details.locator('.detail-tags .sev-was')).toBeVisible();
  await expect(details.locator('.detail-tags [data-review="accepted"]')).toBeVisible();
  // The list sorts and filters by the severity the reviewer set.
  await page.locator('.toolbar').getByLabel('Severity').selectOption('low');
  const moved = grid.locator('.vt-row', { has: page.locator('.cell-title', { hasText: title }) });
  await expect(moved.locator('.sev-was')).toBeVisible();
  await expect(moved.locator('[data-review="accepted"]')).toBeVisible();
});

test('a fact confirmed on run 1 is still confirmed after run 2 of the same room', async ({ page }) => {
  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/facts`));
  const grid = page.getByRole('grid', { name: 'Facts' });
  const first = grid.locator('.vt-row:not(.placeholder)').first();
  await expect(first).toBeVisible();
  await first.click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(details.getByRole('heading', { name: /Evidence/ })).toBeVisible();
  const review = details.getByRole('form', { name: 'Review' });
  await review.getByRole('radio', { name: 'Confirmed' }).click();
  await review.getByLabel('Note').fill('Checked against the CMDB export');
  await review.getByRole('button', { name: 'Save review' }).click();
  await expect(details.locator('.fact-value [data-review="confirmed"]')).toBeVisible();
  await expect(grid.locator('[data-review="confirmed"]')).toHaveCount(1);

  const confirmed = await api<{ rows: Array<{ id: number; stableKey: string; value: string; reviewStatus: string | null }> }>(SHARED, 'facts.list', { dealId, runNumber: 1, page: { limit: 500, offset: 0 } });
  const fact = confirmed.rows.find((f) => f.reviewStatus === 'confirmed')!;

  await api(SHARED, 'runs.start', { dealId });
  await waitForRun(SHARED, dealId, 2);
  const run2 = await api<{ scope: { run: { runNumber: number } }; rows: Array<{ id: number; stableKey: string; reviewStatus: string | null }> }>(SHARED, 'facts.list', { dealId, page: { limit: 500, offset: 0 } });
  expect(run2.scope.run.runNumber).toBe(2);
  const same = run2.rows.find((f) => f.stableKey === fact.stableKey)!;
  expect(same.id).not.toBe(fact.id);

  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/facts`));
  await expect(page.locator('.page-head')).not.toContainText('Showing run');
  await page.getByRole('searchbox', { name: 'Search subjects and values' }).fill(fact.value);
  await expect(grid.locator('[data-review="confirmed"]').first()).toBeVisible();
  await grid.locator('.vt-row', { has: page.locator('[data-review="confirmed"]') }).first().click();
  await expect(details).toContainText('run 2');
  await expect(details.getByRole('form', { name: 'Review' }).getByRole('radio', { name: 'Confirmed' })).toHaveAttribute('aria-checked', 'true');
  await expect(details.getByRole('form', { name: 'Review' }).getByLabel('Note')).toHaveValue('Checked against the CMDB export');
});
