import { mkdtempSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built renderer (out/renderer) in Debian's Chromium, talking to the
// real main-process services through the loopback dev bridge. Build first: npm run build.
// The config is evaluated in the runner and again in each worker: values shared between them go
// through the environment, set once by the first evaluation.
process.env.DD_E2E_TOKEN ??= randomBytes(24).toString('hex');
process.env.DD_E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 30_000));
process.env.DD_E2E_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-'));

const port = Number(process.env.DD_E2E_PORT);

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  outputDir: 'test-results/playwright',
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    // The shared backend: a bridge over a fresh database, serving out/renderer on 127.0.0.1.
    command: `node --import tsx src-main/dev-bridge/main.ts --db ${path.join(process.env.DD_E2E_DIR, 'shared.sqlite')} --port ${port} --test-hooks`,
    url: `http://127.0.0.1:${port}/`,
    env: { DD_BRIDGE_TOKEN: process.env.DD_E2E_TOKEN },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
