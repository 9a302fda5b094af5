import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { REPO_ROOT } from '../support/paths';

// The built bundles (npm run build runs before these tests): the sandboxed preload can only
// require('electron'), and the renderer page carries its CSP with no inline script.

const out = path.join(REPO_ROOT, 'out');

test('the preload is one CommonJS file that requires nothing but electron', () => {
  const code = readFileSync(path.join(out, 'preload', 'preload.cjs'), 'utf8');
  const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  expect(required).toEqual(['electron']);
  expect(code).not.toMatch(/\bimport\s*\(|^import /m);
  expect(code).toContain('exposeInMainWorld');
});

test('the renderer page has a strict CSP and no inline script', () => {
  const html = readFileSync(path.join(out, 'renderer', 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)];
  expect(inline).toEqual([]);
  const assets = readdirSync(path.join(out, 'renderer', 'assets'));
  for (const js of assets.filter((f) => f.endsWith('.js'))) {
    expect(readFileSync(path.join(out, 'renderer', 'assets', js), 'utf8')).not.toMatch(/\bnew Function\(|\beval\(/);
  }
});

test('the main bundle and its run worker are built', () => {
  expect(readFileSync(path.join(out, 'main', 'index.js'), 'utf8')).toContain('dd:invoke');
  expect(readdirSync(path.join(out, 'main', 'chunks')).some((f) => f.startsWith('worker'))).toBe(true);
});
