// The installer configuration, validated offline with electron-builder's own schema, and the
// properties corporate IT relies on: identity, targets, hardened runtime, no native rebuild while
// packaging, no update feed, fuses, icons, and signing material from the environment only.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import { exists, loadBuilderConfig, REPO_ROOT, validate } from './builder-config';

let config: Configuration;
beforeAll(async () => {
  config = await loadBuilderConfig();
});

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('is really validated: a misspelt option is refused', async () => {
    await expect(validate({ ...config, nsis: { ...config.nsis, oneclick: false } as Configuration['nsis'] })).rejects.toThrow(/configuration\.nsis/);
  });

  it('identifies the app as Diligence Desk, as package.json does', () => {
    const pkg = JSON.parse(read('package.json').toString()) as { productName: string; main: string };
    expect(config.appId).toBe('com.diligencedesk.app');
    expect(config.productName).toBe('Diligence Desk');
    expect(pkg.productName).toBe(config.productName);
    expect(config.electronVersion).toBe(JSON.parse(read('node_modules/electron/package.json').toString()).version);
  });

  it('never rebuilds native modules while packaging, and has no update feed', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.publish).toBeNull();
  });

  it('builds an NSIS installer that keeps user data, a hardened and notarised DMG, an AppImage and a deb', () => {
    const targets = (list: unknown) => (Array.isArray(list) ? list : [list]).map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));
    expect(targets(config.win?.target)).toEqual(['nsis']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false });
    expect(targets(config.mac?.target)).toEqual(['dmg']);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'build/entitlements.mac.plist', entitlementsInherit: 'build/entitlements.mac.plist', notarize: false });
    expect(config.afterSign).toBe('scripts/notarize.mjs');
    expect(exists('scripts/notarize.mjs')).toBe(true);
    expect(targets(config.linux?.target)).toEqual(['AppImage', 'deb']);
  });

  it('asks macOS for JIT only: no network, device or library-validation entitlements', () => {
    const plist = read('build/entitlements.mac.plist').toString();
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('flips the hardening fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('has icons rendered from the SVG source: 1024 px master, Linux sizes, and a Windows .ico with 256 px', () => {
    expect(read('build/icon.svg').toString()).toContain('<svg');
    expect(pngSize(read('build/icon.png'))).toEqual({ width: 1024, height: 1024 });
    for (const size of [512, 256, 128, 64, 48, 32, 16]) expect(pngSize(read(`build/icons/${size}x${size}.png`))).toEqual({ width: size, height: size });
    const ico = read('build/icon.ico');
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes = Array.from({ length: count }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
  });

  it('takes signing material from the environment only, never from files in the repository', () => {
    const text = read('electron-builder.yml').toString();
    expect(text).not.toMatch(/^\s*(cscLink|cscKeyPassword|certificateFile|certificatePassword|certificateSha1)\s*:/m);
    const tracked = execFileSync('git', ['ls-files'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n');
    expect(tracked.filter((f) => /\.(p12|pfx|p8|cer|pem|key|keychain|provisionprofile|mobileprovision|snk)$/i.test(f))).toEqual([]);
    const workflow = read('.github/workflows/release.yml').toString();
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      expect(workflow, name).toMatch(new RegExp(`${name}: \\$\\{\\{ secrets\\.`));
    }
  });
});
