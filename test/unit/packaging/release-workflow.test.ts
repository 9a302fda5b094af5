// The release workflow: one job per OS, natives rebuilt for Electron before packaging, signing
// and notarisation credentials from secrets, and the packaged output checked for runtime files.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import notarizeHook, { notarizeOptionsFromEnv } from '../../../scripts/notarize.mjs';
import { REPO_ROOT } from './builder-config';

interface Step {
  name?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push: { tags: string[] } };
  jobs: { installers: { strategy: { matrix: { include: Array<{ runner: string; platform: string; arch: string }> } }; steps: Step[] } };
}

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const workflow = yaml.load(readFileSync(path.join(REPO_ROOT, '.github/workflows/release.yml'), 'utf8')) as Workflow;
const steps = workflow.jobs.installers.steps;
const index = (pattern: RegExp) => steps.findIndex((s) => pattern.test(s.run ?? ''));

describe('release workflow', () => {
  it('builds on Windows, macOS (both architectures) and Linux from a version tag', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    const matrix = workflow.jobs.installers.strategy.matrix.include;
    expect(matrix.map((m) => `${m.platform}-${m.arch}`).sort()).toEqual(['linux-x64', 'mac-arm64', 'mac-x64', 'win-x64']);
  });

  it('tests in Node first, then rebuilds natives for Electron, then packages without publishing', () => {
    const tests = index(/vitest run/);
    const rebuild = index(/electron-builder install-app-deps/);
    const packaging = steps.map((s, i) => ({ s, i })).filter(({ s }) => /npx electron-builder --(win|mac|linux)/.test(s.run ?? ''));
    expect(tests).toBeGreaterThanOrEqual(0);
    expect(rebuild).toBeGreaterThan(tests);
    expect(packaging).toHaveLength(3);
    for (const { s, i } of packaging) {
      expect(i).toBeGreaterThan(rebuild);
      expect(s.run).toContain('--publish never');
    }
  });

  it('passes certificates and Apple credentials only as secrets in the environment', () => {
    const secretEnv = steps.flatMap((s) => Object.entries(s.env ?? {}));
    expect(secretEnv.length).toBeGreaterThan(0);
    for (const [name, value] of secretEnv) {
      if (/CSC|APPLE/.test(name)) expect(value, name).toMatch(/^\$\{\{ secrets\.[A-Z0-9_]+ \}\}$/);
    }
    const mac = steps.find((s) => s.if === "matrix.platform == 'mac'")!;
    expect(mac.run).toContain('$RUNNER_TEMP');
    expect(mac.run).toContain('rm -f "$RUNNER_TEMP"/AuthKey_*.p8');
  });
});

describe('notarisation hook (scripts/notarize.mjs)', () => {
  const context = { electronPlatformName: 'darwin', appOutDir: '/out/mac-arm64', packager: { appInfo: { productFilename: 'Diligence Desk' } } };

  it('reads an API key or an Apple ID from the environment, nothing else', () => {
    expect(notarizeOptionsFromEnv({}, '/a.app')).toBeNull();
    expect(notarizeOptionsFromEnv({ APPLE_ID: 'x' }, '/a.app')).toBeNull();
    expect(notarizeOptionsFromEnv({ APPLE_API_KEY: '/tmp/k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' }, '/a.app')).toEqual({
      tool: 'notarytool',
      appPath: '/a.app',
      appleApiKey: '/tmp/k.p8',
      appleApiKeyId: 'K',
      appleApiIssuer: 'I',
    });
    expect(notarizeOptionsFromEnv({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' }, '/a.app')).toMatchObject({ appleId: 'a@b.c', teamId: 'T' });
  });

  it('notarises the signed .app on macOS, skips elsewhere or without credentials, and fails when required', async () => {
    const submitted: unknown[] = [];
    const submit = async (options: unknown) => {
      submitted.push(options);
    };
    const env = { APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' };
    await expect(notarizeHook({ ...context, electronPlatformName: 'win32' }, env, submit)).resolves.toBe('skipped');
    await expect(notarizeHook(context, {}, submit)).resolves.toBe('skipped');
    await expect(notarizeHook(context, { NOTARIZE_REQUIRED: '1' }, submit)).rejects.toThrow(/Notarisation is required/);
    await expect(notarizeHook(context, env, submit)).resolves.toBe('notarized');
    expect(submitted).toEqual([expect.objectContaining({ appPath: '/out/mac-arm64/Diligence Desk.app' })]);
  });
});
