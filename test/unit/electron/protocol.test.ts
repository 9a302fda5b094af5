import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../support/temp';

const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() };
vi.mock('electron', () => ({ protocol }));

const { registerAppScheme, handleAppScheme, serveRendererFile } = await import('../../../src-main/electron/protocol');

function renderer(): string {
  const dir = tempDir('dd-proto-');
  mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  return path.join(dir, 'renderer');
}

describe('app:// protocol', () => {
  it('registers app:// as a standard, secure scheme', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    handleAppScheme('/somewhere');
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('serves renderer files with the CSP header', async () => {
    const dir = renderer();
    const index = await serveRendererFile(dir, 'app://renderer/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>app</title>');
    const root = await serveRendererFile(dir, 'app://renderer/');
    expect(await root.text()).toContain('<title>app</title>');
    const js = await serveRendererFile(dir, 'app://renderer/assets/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
  });

  it('never serves a file outside the renderer folder, nor for another host', async () => {
    const dir = renderer();
    for (const url of ['app://renderer/../secret.txt', 'app://renderer/%2e%2e/secret.txt', 'app://renderer/..%2fsecret.txt', 'app://renderer/assets/../../secret.txt', 'app://other/index.html', 'app://renderer/missing.js']) {
      const res = await serveRendererFile(dir, url);
      expect(res.status, url).toBe(404);
    }
  });
});
