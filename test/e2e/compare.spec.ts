import { cpSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { sample } from '../support/paths';
import { api, copyRoom, pageUrl, screenshot, SHARED, waitForRun } from './support';

// Issue 6, compare: the manufacturer's room analysed before (atlas-v1) and after (atlas-v2: the
// target's follow-up memo with answers and corrections) the memo arrived; the Compare page opens on
// the previous and latest completed runs and shows what the memo changed.

let dealId = 0;

test.beforeAll(async () => {
  const room = copyRoom('atlas-v1');
  const { deal } = await api<{ deal: { id: number } }>(SHARED, 'deals.create', {
    name: `Atlas compare ${Date.now()}`,
    targetName: 'Atlas Manufacturing',
    dealType: 'acquisition',
    asOfDate: '2026-02-01',
    dataRoomPath: room,
    startRun: true,
  });
  dealId = deal.id;
  await waitForRun(SHARED, dealId, 1);
  cpSync(sample('atlas-v2'), room, { recursive: true });
  await api(SHARED, 'runs.start', { dealId });
  await waitForRun(SHARED, dealId, 2);
});

test('compares the previous and latest completed runs: the memo is new, findings changed field by field', async ({ page }) => {
  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/dashboard`));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Compare runs', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare runs' })).toBeVisible();
  await expect(page.getByLabel('Before run')).toHaveValue('1');
  await expect(page.getByLabel('After run')).toHaveValue('2');

  const documents = page.getByTestId('compare-documents');
  await expect(documents.locator('.compare-item', { hasText: 'it_discovery_followup.txt' }).locator('.change-badge')).toHaveText('New');

  const findings = page.getByTestId('compare-findings');
  const changed = findings.locator('.compare-item.change-changed');
  await expect(changed.first()).toBeVisible();
  await expect(changed.first().locator('.change-badge')).toHaveText('Changed');
  await expect(changed.first().locator('.field-change').first()).toBeVisible();
  await expect(changed.first().locator('.field-change .old').first()).not.toBeEmpty();
  await expect(changed.first().locator('.field-change .new').first()).not.toBeEmpty();
  await expect(findings.locator('.compare-item.change-new').first()).toBeVisible();
  // Long sections open with a preview; "Show all" lists every row the server sent.
  const items = await api<{ findings: { changed: { rows: unknown[] }; new: { rows: unknown[] }; resolved: { rows: unknown[] } } }>(SHARED, 'runs.compare', { dealId, runA: 1, runB: 2 });
  const listed = items.findings.changed.rows.length + items.findings.new.rows.length + items.findings.resolved.rows.length;
  if (listed > 8) await findings.getByRole('button', { name: /^Show all/ }).click();
  await expect(findings.locator('.compare-item')).toHaveCount(listed);

  // The page agrees with the contract.
  const diff = await api<{ findings: { changed: { total: number }; new: { total: number } } }>(SHARED, 'runs.compare', { dealId, runA: 1, runB: 2 });
  await expect(findings.locator('.compare-count.change-changed')).toHaveText(`${diff.findings.changed.total} changed`);
  await expect(findings.locator('.compare-count.change-new')).toHaveText(`${diff.findings.new.total} new`);
  await expect(page.getByTestId('compare-facts').locator('.compare-item.change-new').first()).toBeVisible();
  await findings.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await screenshot(page, 'compare');

  // A changed finding opens in the detail view; swapping the runs reverses the comparison.
  await changed.first().locator('.compare-head').click();
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('heading', { name: 'Reasoning' })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByLabel('Before run').selectOption('2');
  await page.getByLabel('After run').selectOption('1');
  await expect(documents.locator('.compare-item', { hasText: 'it_discovery_followup.txt' }).locator('.change-badge')).toHaveText('Removed');
});
