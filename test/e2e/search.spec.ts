import { expect, test } from '@playwright/test';
import { api, copyRoom, pageUrl, screenshot, SHARED, waitForRun } from './support';

// Issue 6, search: results follow typing across document text and facts, the matched words are
// marked (as elements, not injected HTML), and a result opens the document at that place.

let dealId = 0;

test.beforeAll(async () => {
  const { deal } = await api<{ deal: { id: number } }>(SHARED, 'deals.create', {
    name: `Atlas search ${Date.now()}`,
    targetName: 'Atlas Manufacturing',
    dealType: 'acquisition',
    asOfDate: '2026-02-01',
    dataRoomPath: copyRoom('atlas-v2'),
    startRun: true,
  });
  dealId = deal.id;
  await waitForRun(SHARED, dealId, 1);
});

test('typing a word shows it marked in documents and facts; a hit opens the document there', async ({ page }) => {
  await page.goto(pageUrl(SHARED, `#/deals/${dealId}/dashboard`));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Search', exact: true }).click();
  const box = page.getByRole('searchbox', { name: 'Search documents and facts' });
  await expect(box).toBeFocused();
  await box.pressSequentially('vsphe', { delay: 40 });

  const docs = page.getByRole('list', { name: 'Document matches' });
  await expect(docs.locator('mark').first()).toBeVisible();
  // The last word is read as a prefix: every marked word starts with it.
  for (const text of await docs.locator('mark').allInnerTexts()) expect(text.toLowerCase()).toMatch(/^vsphe/);
  const facts = page.getByRole('list', { name: 'Fact matches' });
  await expect(facts.locator('mark').first()).toHaveText(/^vsphere/i);
  await screenshot(page, 'search');

  const first = docs.locator('.search-hit').first();
  const path = (await first.locator('.search-hit-path').innerText()).trim();
  await first.click();
  const viewer = page.getByRole('complementary', { name: 'Details' });
  await expect(viewer.getByRole('heading', { name: path })).toBeVisible();
  const focus = viewer.locator('.doc-chunk.focus');
  await expect(focus).toBeVisible();
  await expect(focus.locator('mark').first()).toHaveText(/^vsphere/i);
  await screenshot(page, 'search-document');

  // A fact result opens its detail with the quote behind it.
  await page.keyboard.press('Escape');
  await facts.locator('.search-hit').first().click();
  await expect(viewer.getByRole('heading', { name: /Evidence/ })).toBeVisible();

  // Search syntax is text, and nothing found says so.
  await box.fill('zzqx NEAR "*"');
  await expect(page.getByRole('heading', { name: 'No matches' })).toBeVisible();
});
