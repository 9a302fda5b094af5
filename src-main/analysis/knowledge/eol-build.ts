import { EXCLUDED_NAMES, EXTRA_NAMES, GENERIC_REMAINDERS, INCLUDED_PRODUCTS, VENDOR_PREFIXES } from './eol-products';
import type { EolCycle, EolDataFile, EolDataHeader, EolProduct } from './eol-types';
import { extractFrontMatter, parseFrontMatter } from './front-matter';
import type { FrontMatter, Scalar } from './front-matter';
import { cycleKeys, NAMED_VERSIONS, parseVersion, tokenize } from './version-key';

/**
 * Turns the endoflife.date product pages into the compact JSON the app ships. Pure: the script in
 * scripts/ does the file I/O, and the unit test rebuilds in memory to prove the committed file is
 * current. Output order and content depend only on the input pages.
 */

export const EOL_SNAPSHOT = '2026-08-22';

export const EOL_HEADER: EolDataHeader = {
  source: 'endoflife.date',
  license: 'MIT',
  snapshot: EOL_SNAPSHOT,
  generatedAt: `${EOL_SNAPSHOT}T00:00:00.000Z`,
  attribution:
    'End-of-life dates from endoflife.date (https://endoflife.date), Copyright 2020 endoflife.date contributors, MIT licence; see NOTICE.md.',
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `pages` maps a product file name ("vmware-esxi.md") to its Markdown text. */
export function buildEolData(pages: ReadonlyMap<string, string>): EolDataFile {
  const products: EolProduct[] = [];
  for (const slug of [...INCLUDED_PRODUCTS].sort()) {
    const markdown = pages.get(`${slug}.md`);
    if (markdown === undefined) throw new Error(`endoflife.date product page missing: ${slug}.md`);
    const yaml = extractFrontMatter(markdown);
    if (yaml === null) throw new Error(`no front matter in ${slug}.md`);
    products.push(buildProduct(slug, parseFrontMatter(yaml)));
  }
  return { ...EOL_HEADER, products };
}

function buildProduct(slug: string, fm: FrontMatter): EolProduct {
  const title = str(fm.scalars.title) ?? slug;
  const names = productNames(slug, title, fm);
  const template = str(fm.scalars.releaseLabel);
  const cycles: EolCycle[] = [];
  for (const release of fm.releases) {
    const cycle = str(release.releaseCycle);
    const eol = release.eol;
    if (cycle === undefined || !(typeof eol === 'boolean' || (typeof eol === 'string' && ISO_DATE.test(eol)))) continue;
    const label = cleanLabel(str(release.releaseLabel) ?? template, cycle, names);
    // A cycle the matcher cannot read (no version in id or label) could never be found; drop it.
    if (cycleKeys(cycle, label).length === 0) continue;
    // Key order is fixed (cycle, label, eol, extendedSupportEnd) so the JSON diff stays stable.
    const entry: EolCycle = label === undefined ? { cycle, eol } : { cycle, label, eol };
    const eoes = release.eoes;
    if (typeof eoes === 'string' && ISO_DATE.test(eoes)) entry.extendedSupportEnd = eoes;
    cycles.push(entry);
  }
  return { slug, label: title, names, cycles };
}

function str(value: Scalar | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function productNames(slug: string, title: string, fm: FrontMatter): string[] {
  const names = new Set<string>();
  const add = (name: string): void => {
    const normal = tokenize(name).join(' ');
    if (normal !== '' && !EXCLUDED_NAMES.has(normal)) names.add(normal);
  };
  add(title);
  const lower = tokenize(title).join(' ');
  for (const prefix of VENDOR_PREFIXES) {
    if (!lower.startsWith(`${prefix} `)) continue;
    const rest = lower.slice(prefix.length + 1);
    if (!GENERIC_REMAINDERS.has(rest)) add(rest);
    break;
  }
  // Alternative URLs double as names when they are words ("/as400", "/mssql"), not two-letter codes.
  for (const url of [str(fm.scalars.permalink), ...(fm.lists.alternate_urls ?? [])]) {
    const word = url?.replace(/^\//, '').replace(/-/g, ' ');
    if (word !== undefined && word.length >= 4 && !/\d{4}/.test(word)) add(word);
  }
  for (const extra of EXTRA_NAMES[slug] ?? []) add(extra);
  return [...names].sort();
}

/**
 * Makes a release label usable as a version: templates filled in, code names and markup removed,
 * and the product's own name stripped ("Windows Server 2012 R2" → "2012 R2"). Returns undefined
 * when nothing beyond the cycle id is left.
 */
function cleanLabel(raw: string | undefined, cycle: string, names: readonly string[]): string | undefined {
  if (raw === undefined) return undefined;
  // Liquid templates ("{{ … }}", "{% … %}") need the site generator; the cycle id is used instead.
  if (/\{[{%]/.test(raw)) return undefined;
  let label = raw
    .replace(/__RELEASE_CYCLE__/g, cycle)
    .replace(/__[A-Z_]+__/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/'[^']*'/g, ' ')
    .replace(/\(\s*\)/g, ' ')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\s+/g, ' ')
    .trim();
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    const words = name.split(' ').map((w) => w.replace(/[.+#]/g, (c) => `\\${c}`));
    const prefix = new RegExp(`^${words.join('[^a-z0-9]+')}[^a-z0-9]+`, 'i');
    if (prefix.test(label)) {
      label = label.replace(prefix, '');
      break;
    }
  }
  const tokens = tokenize(label);
  const same = tokens.join(' ') === tokenize(cycle.replace(/-/g, ' ')).join(' ');
  // A label that does not start with a version ("TFS 2018", "Leap 15.6") would only add noise.
  const readable = parseVersion(tokens, NAMED_VERSIONS) !== null;
  return label === '' || same || !readable ? undefined : label;
}

/** One cycle per line: compact, yet a snapshot update shows up as a readable diff. */
export function serializeEolData(data: EolDataFile): string {
  const { products, ...header } = data;
  const lines = ['{'];
  for (const [key, value] of Object.entries(header)) lines.push(`"${key}":${JSON.stringify(value)},`);
  lines.push('"products":[');
  products.forEach((product, i) => {
    const { cycles, ...head } = product;
    lines.push(`${JSON.stringify(head).slice(0, -1)},"cycles":[`);
    cycles.forEach((cycle, j) => lines.push(JSON.stringify(cycle) + (j < cycles.length - 1 ? ',' : '')));
    lines.push(`]}${i < products.length - 1 ? ',' : ''}`);
  });
  lines.push(']}');
  return `${lines.join('\n')}\n`;
}
