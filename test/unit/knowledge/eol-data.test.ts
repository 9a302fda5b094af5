import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildEolData, serializeEolData } from '../../../src-main/analysis/knowledge/eol-build';
import { extractFrontMatter, parseFrontMatter } from '../../../src-main/analysis/knowledge/front-matter';
import { KNOWLEDGE_DIR, REPO_ROOT } from '../../support/paths';

const PRODUCTS_DIR = path.join(KNOWLEDGE_DIR, 'endoflife', 'products');
const DATA_FILE = path.join(REPO_ROOT, 'src-main', 'analysis', 'knowledge', 'eol-data.json');

describe('eol-data.json', () => {
  it.skipIf(!existsSync(PRODUCTS_DIR))('is what the build script produces from the snapshot', () => {
    const pages = new Map<string, string>();
    for (const name of readdirSync(PRODUCTS_DIR).filter((n) => n.endsWith('.md'))) {
      pages.set(name, readFileSync(path.join(PRODUCTS_DIR, name), 'utf8'));
    }
    const rebuilt = serializeEolData(buildEolData(pages));
    // On failure: run `npm run knowledge:eol` and commit the regenerated file.
    expect(readFileSync(DATA_FILE, 'utf8')).toBe(rebuilt);
  });

  it('carries its attribution and a fixed generation date', () => {
    const data = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as Record<string, unknown>;
    expect(data).toMatchObject({ source: 'endoflife.date', license: 'MIT', snapshot: '2026-08-22', generatedAt: '2026-08-22T00:00:00.000Z' });
    expect(String(data.attribution)).toContain('endoflife.date');
  });

  it('stays small', () => {
    expect(statSync(DATA_FILE).size).toBeLessThan(1_500_000);
  });
});

describe('front matter reader', () => {
  const page = [
    '---',
    'title: Example Product',
    'permalink: /example',
    'alternate_urls:',
    '  - /ex-product',
    'auto:',
    '  methods:',
    '    - release_table: https://example.com',
    '      fields:',
    '        eol: "End of Life"',
    'releases:',
    '  - releaseCycle: "2.0" # current',
    '    releaseLabel: "Two \'Codename\'"',
    '    releaseDate: 2024-01-01',
    '    eol: false',
    '    link: https://example.com/#notes',
    '',
    '  - releaseCycle: "1.0"',
    '    eol: 2023-06-30',
    '    eoes: 2025-06-30 # extended',
    '    nested:',
    '      eol: 1999-01-01',
    '---',
    '',
    'Body text.',
  ].join('\n');

  it('reads top-level scalars, URL lists and flat release maps', () => {
    const yaml = extractFrontMatter(page);
    expect(yaml).not.toBeNull();
    const fm = parseFrontMatter(yaml ?? '');
    expect(fm.scalars.title).toBe('Example Product');
    expect(fm.lists.alternate_urls).toEqual(['/ex-product']);
    expect(fm.releases).toEqual([
      { releaseCycle: '2.0', releaseLabel: "Two 'Codename'", releaseDate: '2024-01-01', eol: false, link: 'https://example.com/#notes' },
      { releaseCycle: '1.0', eol: '2023-06-30', eoes: '2025-06-30', nested: null },
    ]);
  });

  it('returns null without front matter', () => {
    expect(extractFrontMatter('# Just a heading')).toBeNull();
  });
});
