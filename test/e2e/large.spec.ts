import { expect, test } from '@playwright/test';
import { DOMAINS } from '../../src-shared/domain';
import { openDatabase } from '../../src-main/db/open';
import { pageUrl, screenshot, startBridge, tempDbFile } from './support';

// 100,000 facts in one run: the table pages them from SQL as it scrolls and keeps only the rows in
// view in the DOM, so the end of the list is as quick to reach as its start.

const FACTS = 100_000;

function seed(file: string): void {
  const db = openDatabase(file);
  const sqlite = db.sqlite;
  const t = new Date().toISOString();
  sqlite.transaction(() => {
    const dealId = Number(sqlite.prepare("INSERT INTO deals (name, deal_type, as_of_date) VALUES ('Large estate', 'acquisition', '2026-06-30')").run().lastInsertRowid);
    const runId = Number(
      sqlite
        .prepare("INSERT INTO analysis_runs (deal_id, run_number, status, engine_version, settings, phase, fact_count, started_at, heartbeat_at, finished_at) VALUES (?, 1, 'completed', 'seed', '{}', 'done', ?, ?, ?, ?)")
        .run(dealId, FACTS, t, t, t).lastInsertRowid,
    );
    const fact = sqlite.prepare(
      "INSERT INTO facts (stable_key, deal_id, run_id, entity, domain, category, subject_key, subject_kind, subject_name, attribute, value_type, value_text, confidence, derivation) VALUES (?, ?, ?, 'target', ?, 'inventory', ?, 'server', ?, 'server_os', 'text', ?, 0.9, 'stated')",
    );
    for (let i = 0; i < FACTS; i++) {
      const name = `srv-${String(i).padStart(6, '0')}`;
      fact.run(`fct_${i}`, dealId, runId, DOMAINS[i % DOMAINS.length], `sub_${i}`, name, `OS build ${i % 113}`);
    }
  })();
  db.close();
}

test('the facts table stays quick and light with 100,000 rows', async ({ page }) => {
  const file = tempDbFile();
  seed(file);
  const bridge = await startBridge(file);
  try {
    await page.goto(pageUrl(bridge, '#/deals/1/facts'));
    const grid = page.getByRole('grid', { name: 'Facts' });
    await expect(page.locator('.vt-foot')).toHaveText('100,000 rows');
    await expect(grid.locator('.vt-row:not(.placeholder)').first()).toContainText('srv-000000');
    expect(await grid.locator('.vt-row').count()).toBeLessThan(80);

    await grid.focus();
    const started = Date.now();
    await page.keyboard.press('End');
    const last = grid.locator('[aria-rowindex="100001"]');
    await expect(last).toContainText('srv-099999');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await grid.locator('.vt-row').count()).toBeLessThan(80);
    await screenshot(page, 'facts-100k-end');

    // A sort is done by SQL over all rows, not over the rows in view.
    await page.getByRole('button', { name: 'Subject' }).click();
    await expect(grid.locator('.vt-row:not(.placeholder)').first()).toContainText('srv-099999');
  } finally {
    await bridge.stop();
  }
});
