// Every file the packaged app loads at run time is shipped, judged with electron-builder's own file
// matchers against the electron-vite build: the main bundle and the worker chunk it spawns, the
// preload, the renderer, the production modules the bundles import (with better-sqlite3's native
// binding unpacked beside the asar, and pdfjs's fonts and wasm), the migrations, the demo room and
// the end-of-life knowledge.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import { ensureAppBuilt } from './app-build';
import { appIncludes, asarUnpacks, exists, extraResourceDestination, loadBuilderConfig, moduleFileIncluded, productionPackages, REPO_ROOT } from './builder-config';

let config: Configuration;
beforeAll(async () => {
  await ensureAppBuilt();
  config = await loadBuilderConfig();
}, 120_000);

const read = (file: string) => readFileSync(path.join(REPO_ROOT, file), 'utf8');
const walk = (dir: string): string[] =>
  readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(`${dir}/${e.name}`) : [`${dir}/${e.name}`]));
const mainBundles = () => walk('out/main').filter((f) => f.endsWith('.js'));

describe('the packaged app ships what it loads', () => {
  it('the main bundle (package.json "main"), its chunks, the preload and the whole renderer', () => {
    const main = (JSON.parse(read('package.json')) as { main: string }).main;
    expect(main).toBe('out/main/index.js');
    const bundle = read(main);
    // The edge resolves the preload and the renderer relative to the main bundle.
    expect(bundle).toMatch(/"preload",\s*"preload\.cjs"/);
    expect(bundle).toMatch(/"\.\.",\s*"renderer"/);
    const html = read('out/renderer/index.html');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `out/renderer/${m[1]}`);
    expect(assets.length).toBeGreaterThan(0);
    const required = [main, 'out/preload/preload.cjs', 'out/renderer/index.html', ...assets];
    for (const file of required) {
      expect(exists(file), file).toBe(true);
      expect(appIncludes(config, file), file).toBe(true);
    }
    for (const file of walk('out').filter((f) => !f.endsWith('.map'))) expect(appIncludes(config, file), file).toBe(true);
    expect(appIncludes(config, 'src-main/index.ts')).toBe(false);
    expect(appIncludes(config, 'electron-builder.yml')).toBe(false);
  });

  it('the analysis worker chunk the main bundle spawns', () => {
    const workers = [...read('out/main/index.js').matchAll(/"\.\/(chunks\/worker-[\w-]+\.js)"/g)].map((m) => `out/main/${m[1]}`);
    expect(workers.length).toBeGreaterThan(0);
    for (const file of workers) {
      expect(exists(file), file).toBe(true);
      expect(appIncludes(config, file), file).toBe(true);
    }
  });

  it('every package the bundles import is a production dependency (dev dependencies are not packaged)', () => {
    const production = productionPackages();
    const builtins = new Set([...builtinModules, 'electron']);
    const imported = new Set<string>();
    for (const file of mainBundles()) {
      const text = read(file);
      const specs = [
        ...[...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gm)].map((m) => m[1]!),
        ...[...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm)].map((m) => m[1]!),
        ...[...text.matchAll(/\b(?:import|require)\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!),
      ];
      for (const spec of specs) {
        if (spec.startsWith('.') || spec.startsWith('/')) continue;
        if (spec.startsWith('node:') || builtins.has(spec.split('/')[0]!)) continue;
        imported.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
    expect([...imported].sort()).toEqual(expect.arrayContaining(['better-sqlite3', 'pdfjs-dist']));
    expect([...imported].filter((name) => !production.has(name))).toEqual([]);
  });

  it('better-sqlite3 with its native binding, unpacked beside the asar', () => {
    const production = productionPackages();
    for (const name of ['better-sqlite3', 'bindings', 'file-uri-to-path']) expect(production.has(name), name).toBe(true);
    const binding = 'build/Release/better_sqlite3.node';
    expect(exists(`node_modules/better-sqlite3/${binding}`)).toBe(true);
    expect(moduleFileIncluded(config, 'better-sqlite3', binding)).toBe(true);
    expect(moduleFileIncluded(config, 'better-sqlite3', 'lib/database.js')).toBe(true);
    expect(asarUnpacks(config, `node_modules/better-sqlite3/${binding}`)).toBe(true);
    expect(asarUnpacks(config, 'node_modules/better-sqlite3/lib/database.js')).toBe(false);
  });

  it('pdfjs-dist with the fonts, CMaps and wasm decoders the PDF parser points it to', () => {
    for (const file of ['legacy/build/pdf.mjs', 'legacy/build/pdf.worker.mjs', 'package.json']) expect(moduleFileIncluded(config, 'pdfjs-dist', file), file).toBe(true);
    for (const dir of ['standard_fonts', 'cmaps', 'wasm', 'iccs']) {
      const files = walk(`node_modules/pdfjs-dist/${dir}`).map((f) => f.slice('node_modules/pdfjs-dist/'.length));
      expect(files.length, dir).toBeGreaterThan(0);
      expect(files.filter((f) => !moduleFileIncluded(config, 'pdfjs-dist', f)), dir).toEqual([]);
    }
  });

  it('the migrations at resources/migrations, where the packaged app opens them', () => {
    expect(read('out/main/index.js')).toMatch(/path\.join\(process\.resourcesPath,\s*"migrations"\)/);
    const journal = JSON.parse(read('migrations/meta/_journal.json')) as { entries: Array<{ tag: string }> };
    const needed = ['migrations/meta/_journal.json', ...journal.entries.map((e) => `migrations/${e.tag}.sql`)];
    for (const file of needed) expect(extraResourceDestination(config, file), file).toBe(file);
  });

  it('the demo data room at resources/demo/data-room', () => {
    const files = walk('demo/data-room');
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(extraResourceDestination(config, file), file).toBe(file);
  });

  it('the end-of-life knowledge: compiled into the worker chunk, and shipped as a resource with its notice', () => {
    const data = JSON.parse(read('src-main/analysis/knowledge/eol-data.json')) as { attribution: string; products: Array<{ slug: string; label: string }> };
    const worker = mainBundles().find((f) => f.includes('/chunks/worker-'))!;
    const text = read(worker);
    expect(text).toContain(data.attribution);
    for (const product of data.products.slice(0, 5)) expect(text).toContain(product.label);
    expect(extraResourceDestination(config, 'src-main/analysis/knowledge/eol-data.json')).toBe('knowledge/eol-data.json');
    expect(extraResourceDestination(config, 'NOTICE.md')).toBe('NOTICE.md');
  });
});
