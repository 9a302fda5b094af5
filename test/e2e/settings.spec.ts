import { expect, test } from '@playwright/test';
import { api, pageUrl, SHARED } from './support';

// The language-model settings (issue 8): off by default, a plain indicator whenever document text
// would leave the machine, and consent before a remote endpoint is saved. Nothing here turns the
// extractor on (the shared backend's other runs must stay offline), and nothing connects anywhere.

test('settings: the offline/leaves-this-machine indicator follows the endpoint, and a remote host needs consent', async ({ page }) => {
  await page.goto(pageUrl(SHARED, '#/'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByRole('checkbox', { name: 'Use a language model in new runs' })).not.toBeChecked();
  const banner = dialog.getByRole('status').first();
  await expect(banner).toContainText('Offline.');
  await expect(banner).toContainText('stays on this machine');

  const endpoint = dialog.getByLabel('Endpoint');
  await endpoint.fill('https://llm.example.com/v1');
  await expect(banner).toContainText('Data leaves this machine.');
  await expect(banner).toContainText('llm.example.com is another machine');
  await expect(dialog.getByRole('button', { name: 'Test connection' })).toBeDisabled();

  await page.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('another machine');
  await dialog.getByRole('checkbox', { name: 'I confirm that document text may be sent to llm.example.com' }).check();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toContainText('Saved. The language model is off.');
  expect(await api(SHARED, 'settings.llm.get', {})).toMatchObject({ enabled: false, allowRemote: true, destination: { leavesMachine: true } });

  // Back to this computer: consent is dropped, the indicator says offline again.
  await endpoint.fill('http://127.0.0.1:8080/v1');
  await expect(banner).toContainText('Offline.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toContainText('Saved.');
  expect(await api(SHARED, 'settings.llm.get', {})).toMatchObject({ enabled: false, allowRemote: false, destination: { leavesMachine: false } });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
