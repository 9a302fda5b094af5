/**
 * Regenerates src-main/analysis/knowledge/eol-data.json from the endoflife.date snapshot in
 * ../shared/knowledge (beside the repository). Run with `npm run knowledge:eol`; commit the result.
 * The output depends only on the snapshot, so running it twice gives the same bytes, and a unit
 * test fails when the committed file and the snapshot disagree.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEolData, serializeEolData } from '../src-main/analysis/knowledge/eol-build';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const productsDir = join(repoRoot, '..', 'shared', 'knowledge', 'endoflife', 'products');
const outFile = join(repoRoot, 'src-main', 'analysis', 'knowledge', 'eol-data.json');

const pages = new Map<string, string>();
for (const name of readdirSync(productsDir).filter((n) => n.endsWith('.md')).sort()) {
  pages.set(name, readFileSync(join(productsDir, name), 'utf8'));
}

const data = buildEolData(pages);
const json = serializeEolData(data);
writeFileSync(outFile, json);
const cycles = data.products.reduce((n, p) => n + p.cycles.length, 0);
console.log(`eol-data.json: ${data.products.length} products, ${cycles} cycles, ${(json.length / 1024).toFixed(0)} KiB`);
