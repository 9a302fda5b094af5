import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { api, copyRoom, pageUrl, pauseRuns, screenshot, SHARED, startBridge, tempDbFile, waitForRun } from './support';

// The acceptance, in Chromium against the built renderer and the real services.

async function kpis(page: Page): Promise<string[]> {
  await expect(page.locator('.kpi').first()).toBeVisible();
  return page.locator('.kpi').allInnerTexts();
}

async function applicationRows(page: Page): Promise<string[]> {
  const grid = page.getByRole('grid', { name: 'Applications' });
  await expect(grid.locator('.vt-row:not(.placeholder)').first()).toBeVisible();
  return grid.locator('.vt-row .cell-title').allInnerTexts();
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click();
}

async function openApplications(page: Page): Promise<void> {
  await nav(page, 'Applications');
  await expect(page.getByRole('heading', { level: 1, name: 'Applications' })).toBeVisible();
}

test('create a deal, watch the run reach 100%, see the 33 applications, and the same after a backend restart', async ({ page }) => {
  const dbFile = tempDbFile();
  const room = copyRoom();
  let dashboardBefore: string[];
  let rowsBefore: string[];

  const first = await startBridge(dbFile);
  try {
    await page.goto(pageUrl(first));
    await expect(page.getByRole('heading', { name: 'No deals yet' })).toBeVisible();
    await page.getByRole('button', { name: 'Create a deal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New deal' });
    await dialog.getByLabel('Data room folder').fill(room);
    await dialog.getByLabel('Deal name').fill('Great Insurance');
    await dialog.getByLabel('Target').fill('Great Insurance');
    await dialog.getByLabel('As-of date').fill('2026-03-31');
    await dialog.getByRole('button', { name: 'Create and analyse' }).click();

    await expect(page.getByRole('heading', { name: 'Run progress' })).toBeVisible();
    await expect(page.getByTestId('run-percent')).toHaveText('100%', { timeout: 120_000 });
    await expect(page.getByRole('progressbar', { name: 'Run 1 progress' })).toHaveAttribute('aria-valuenow', '100');
    await expect(page.locator('.ledger-row.done')).toHaveCount(8);
    await screenshot(page, 'run-progress-complete');

    await nav(page, 'Dashboard');
    await expect(page.getByTestId('inventory-application')).toContainText('33');
    await expect(page.getByTestId('inventory-application')).toContainText('Applications');
    dashboardBefore = await kpis(page);
    await screenshot(page, 'dashboard');

    await openApplications(page);
    await expect(page.getByRole('tab', { name: /Applications\s*33/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.vt-foot')).toHaveText(/33 rows/);
    rowsBefore = await applicationRows(page);
    expect(rowsBefore.length).toBeGreaterThan(10);
    await screenshot(page, 'domain-applications');
  } finally {
    await first.stop();
  }

  // A new backend process on the same database file: the same counts and the same rows.
  const second = await startBridge(dbFile);
  try {
    await page.goto(pageUrl(second, '#/deals/1/dashboard'));
    await expect(page.getByTestId('inventory-application')).toContainText('33');
    expect(await kpis(page)).toEqual(dashboardBefore);
    await openApplications(page);
    await expect(page.locator('.vt-foot')).toHaveText(/33 rows/);
    expect(await applicationRows(page)).toEqual(rowsBefore);
  } finally {
    await second.stop();
  }
});

test('while run 2 is in progress the pages show run 1, switch to run 2 when it completes, and run 1 stays pickable', async ({ page }) => {
  const room = copyRoom();
  const { deal } = await api<{ deal: { id: number } }>(SHARED, 'deals.create', {
    name: `Two runs ${Date.now()}`,
    dealType: 'acquisition',
    asOfDate: '2026-03-31',
    dataRoomPath: room,
    startRun: true,
  });
  await waitForRun(SHARED, deal.id, 1);
  // The data room grows before run 2: one more application (our own text, not sample text).
  writeFileSync(path.join(room, 'Z_additional_applications.md'), '# Additional applications\n\n| Application | Vendor | Hosting | Users |\n|---|---|---|---|\n| Orbital Ledger | Orbital Systems | SaaS | 120 |\n');

  await page.goto(pageUrl(SHARED, `#/deals/${deal.id}/runs`));
  await pauseRuns(SHARED, true);
  try {
    await page.getByRole('button', { name: 'New run' }).click();
    await expect(page.getByRole('heading', { name: 'Run progress' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Run 2/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Cancel run' })).toBeVisible();
    await expect(page.locator('.ledger-row.done')).not.toHaveCount(0);
    await screenshot(page, 'run-progress-running');

    await nav(page, 'Dashboard');
    await expect(page.getByTestId('active-run-banner')).toContainText('Run 2 is in progress');
    await expect(page.getByTestId('inventory-application')).toContainText('33');
    await openApplications(page);
    await expect(page.locator('.vt-foot')).toHaveText(/33 rows/);
    await nav(page, 'Dashboard');
    await expect(page.getByTestId('inventory-application')).toContainText('33');
  } finally {
    await pauseRuns(SHARED, false);
  }

  // Run 2 completes: the open page switches by itself, without a reload.
  await expect(page.getByTestId('active-run-banner')).toHaveCount(0, { timeout: 120_000 });
  await expect(page.getByTestId('inventory-application')).toContainText('34');

  // Run 1, picked explicitly.
  await page.getByLabel('Run shown').selectOption('1');
  await expect(page).toHaveURL(/\?run=1$/);
  await expect(page.getByText('chosen explicitly')).toBeVisible();
  await expect(page.getByTestId('inventory-application')).toContainText('33');
  await openApplications(page);
  await expect(page.locator('.vt-foot')).toHaveText(/33 rows/);
  await page.getByRole('button', { name: 'Show latest completed' }).click();
  await expect(page.locator('.vt-foot')).toHaveText(/34 rows/);
});

test('a run cut off by a crash shows as interrupted after a restart, and resumes to 100%', async ({ page }) => {
  const dbFile = tempDbFile();
  const first = await startBridge(dbFile, ['--test-hooks']);
  let dealId: number;
  try {
    await pauseRuns(first, true);
    ({
      deal: { id: dealId },
    } = await api<{ deal: { id: number } }>(first, 'deals.create', { name: 'Crash', dealType: 'acquisition', asOfDate: '2026-03-31', dataRoomPath: copyRoom(), startRun: true }));
    await page.goto(pageUrl(first, `#/deals/${dealId}/progress`));
    await expect(page.getByRole('heading', { name: /Run 1/ })).toContainText('Running');
    await expect(page.locator('.ledger-row.done')).not.toHaveCount(0);
  } finally {
    await first.crash();
  }

  const second = await startBridge(dbFile);
  try {
    await page.goto(pageUrl(second, `#/deals/${dealId}/progress`));
    await expect(page.getByRole('heading', { name: /Run 1/ })).toContainText('Interrupted');
    const done = await page.locator('.ledger-row.done').count();
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(8);
    await screenshot(page, 'run-progress-interrupted');
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect(page.getByTestId('run-percent')).toHaveText('100%', { timeout: 120_000 });
    await expect(page.locator('.ledger-row.done')).toHaveCount(8);
    await nav(page, 'Dashboard');
    await expect(page.getByTestId('inventory-application')).toContainText('33');
  } finally {
    await second.stop();
  }
});
