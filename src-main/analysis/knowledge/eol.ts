import eolJson from './eol-data.json';
import { EOL_SUPPLEMENT } from './eol-supplement';
import type { EolCycle, EolDataFile, EolMatch, EolProduct, EolValue } from './eol-types';
import { cycleKeys, NAMED_VERSIONS, parseVersion, tokenize } from './version-key';
import type { VersionKey } from './version-key';

/**
 * Recognises "product + version" in free text and looks up its end of support.
 *
 * A product name alone never matches: "Windows Server" says nothing about support status, and
 * a finding must rest on a version the documents state. Where a version names a whole line
 * ("SQL Server 2014", "Oracle 11g", "vSphere 6"), the most favourable cycle of that line is
 * used (its last service pack), so a finding is never raised on an older patch level than the
 * text supports.
 */

const DATA = eolJson as EolDataFile;
const DATASET_SOURCE = `${DATA.source} (snapshot ${DATA.snapshot}, ${DATA.license} licence)`;

/** Words that may stand between a product name and its version ("Exchange Server 2010", "ESXi version 6.7"). */
const FILLERS = new Set([
  'version', 'ver', 'v', 'release', 'rel', 'edition', 'enterprise', 'standard', 'datacenter', 'express',
  'professional', 'pro', 'server', 'java', 'community',
]);
/** "Software for Windows 10" states compatibility, not that Windows 10 is the thing described. */
const COMPATIBILITY_MARKERS = new Set(['for']);
/** Words that may stand between the marker and the product: "for Mac & Windows 10", "for 64-bit Windows". */
const PLATFORM_WORDS = new Set(['mac', 'macos', 'linux', 'unix', 'windows', 'win', 'and', 'or', 'x64', 'x86', '64', '32', 'bit', 'desktop', 'server']);

/** True when the token at `i` follows "for", directly or across a short list of platforms. */
function afterCompatibilityMarker(tokens: readonly string[], i: number): boolean {
  for (let back = 1; back <= 4 && i - back >= 0; back++) {
    const token = tokens[i - back] ?? '';
    if (COMPATIBILITY_MARKERS.has(token)) return true;
    if (!PLATFORM_WORDS.has(token)) return false;
  }
  return false;
}
const MAX_FILLERS = 2;
/** Tokens read after the version for service packs, R2 and edition words. */
const VERSION_WINDOW = 5;
const ANY_VERSION = '*';

interface IndexedCycle {
  cycle: EolCycle;
  keys: VersionKey[];
  any: boolean;
}
interface IndexedProduct {
  product: EolProduct;
  source: string;
  cycles: IndexedCycle[];
}
interface NameEntry {
  tokens: string[];
  product: IndexedProduct;
}

let nameIndex: Map<string, NameEntry[]> | null = null;

/** Built on first use: product names by first token, each with its parsed cycles. */
function index(): Map<string, NameEntry[]> {
  if (nameIndex) return nameIndex;
  const built = new Map<string, NameEntry[]>();
  const products = [
    ...DATA.products.map((product) => ({ product, source: DATASET_SOURCE })),
    ...EOL_SUPPLEMENT.map((product) => ({ product, source: `Supplement: ${product.note}` })),
  ];
  for (const { product, source } of products) {
    const indexed: IndexedProduct = {
      product,
      source,
      cycles: product.cycles.map((cycle) => ({
        cycle,
        keys: cycleKeys(cycle.cycle, cycle.label),
        any: cycle.cycle === ANY_VERSION,
      })),
    };
    for (const name of product.names) {
      const tokens = tokenize(name);
      const first = tokens[0];
      if (first === undefined) continue;
      const list = built.get(first) ?? [];
      list.push({ tokens, product: indexed });
      built.set(first, list);
    }
  }
  nameIndex = built;
  return built;
}

/** The first product-and-version in `text` with known support dates, or null. */
export function findEndOfLife(text: string, asOfDate: string): EolMatch | null {
  return findAllEndOfLife(text, asOfDate)[0] ?? null;
}

/** Every product-and-version recognised in `text`, in reading order, without overlaps. */
export function findAllEndOfLife(text: string, asOfDate: string): EolMatch[] {
  const tokens = tokenize(text);
  const names = index();
  const matches: EolMatch[] = [];
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (i < next || afterCompatibilityMarker(tokens, i)) continue;
    const candidates = (names.get(tokens[i] ?? '') ?? [])
      .filter((entry) => entry.tokens.every((t, k) => tokens[i + k] === t))
      .sort((a, b) => b.tokens.length - a.tokens.length);
    for (const entry of candidates) {
      const found = matchAt(tokens, i, entry, asOfDate);
      if (found) {
        matches.push(found.match);
        next = found.end;
        break;
      }
    }
  }
  return matches;
}

function matchAt(
  tokens: readonly string[],
  start: number,
  entry: NameEntry,
  asOfDate: string,
): { match: EolMatch; end: number } | null {
  let at = start + entry.tokens.length;
  for (let skipped = 0; skipped < MAX_FILLERS && FILLERS.has(tokens[at] ?? ''); skipped++) at++;
  const window = tokens.slice(at, at + VERSION_WINDOW);
  const version = parseVersion(window, NAMED_VERSIONS);
  if (!version) return null;
  const resolved = resolveCycle(entry.product.cycles, version);
  const older = resolved ? null : olderThanTracked(entry.product.cycles, version);
  const chosen = resolved ?? older;
  if (!chosen) return null;
  const { product, source } = entry.product;
  const eol = chosen.eol;
  // "2012 R2": the R-suffix is part of what was recognised.
  const end = at + (version.suffix !== '' && window[1] === version.suffix ? 2 : 1);
  const unstated = older ? [] : unstatedLevels(chosen, version);
  return {
    match: {
      productSlug: product.slug,
      productLabel: product.label,
      cycle: chosen.label ?? displayCycle(chosen.cycle),
      eol: typeof eol === 'string' ? eol : null,
      extendedSupportEnd: chosen.extendedSupportEnd ?? null,
      isPastEol: isPast(eol, asOfDate),
      source,
      matchedText: tokens.slice(start, end).join(' '),
      ...(older ? { cycle: window[0] ?? '', olderThan: older.label ?? displayCycle(older.cycle) } : {}),
      ...(unstated.length > 0 ? { statedCycle: statedVersion(version), latestLevel: unstated.map((l) => l.toUpperCase()).join(' ') } : {}),
    },
    end,
  };
}

/** Servicing levels ("sp3") the chosen cycle names and the text does not. */
function unstatedLevels(cycle: EolCycle, text: VersionKey): string[] {
  const key = cycleKeys(cycle.cycle, cycle.label).find((k) => k.levels.length > 0);
  return key ? key.levels.filter((l) => !text.levels.includes(l)) : [];
}

/** A text version as a reader writes it: "2014", "2008 R2", "7.0", "2014 SP2". */
function statedVersion(version: VersionKey): string {
  if (version.named !== null) return version.named.toUpperCase();
  return [version.nums.join('.'), version.suffix.toUpperCase(), ...version.levels.filter((l) => /^(?:sp\d+[a-z]?|\d{2}h\d)$/.test(l)).map((l) => l.toUpperCase())].filter((p) => p !== '').join(' ');
}

/**
 * A version older than every release the source tracks ("Kibana 4" when tracking starts at 6),
 * when the oldest tracked release is itself unsupported: support for the older one ended no
 * later than that. Versions on another numbering scheme ("Office 365" against year-numbered
 * Office releases) are never compared.
 */
function olderThanTracked(cycles: readonly IndexedCycle[], version: VersionKey): EolCycle | null {
  const major = version.nums[0];
  if (major === undefined || version.named !== null || version.suffix !== '') return null;
  const numbered = cycles.filter((c) => !c.any && c.keys[0]?.nums[0] !== undefined && c.keys[0].named === null);
  if (numbered.length === 0 || numbered.length < cycles.length) return null;
  const yearScheme = (n: number): boolean => n >= 1990;
  const majors = numbered.map((c) => c.keys[0]?.nums[0] ?? 0);
  if (!majors.every((m) => yearScheme(m) === yearScheme(major))) return null;
  const oldest = numbered.reduce((a, b) => ((a.keys[0]?.nums[0] ?? 0) <= (b.keys[0]?.nums[0] ?? 0) ? a : b));
  const oldestMajor = oldest.keys[0]?.nums[0] ?? 0;
  if (major >= oldestMajor || typeof oldest.cycle.eol !== 'string') return null;
  return oldest.cycle;
}

/** "2012-r2" → "2012 R2", "10-22h2" → "10 22H2", "11-ltsb" → "11 LTSB". */
function displayCycle(cycle: string): string {
  return cycle
    .split('-')
    .map((t) => (/^(?:[a-z]{1,4}\d*|\d+h\d)$/.test(t) ? t.toUpperCase() : t))
    .join(' ');
}

export function isPast(eol: EolValue, asOfDate: string): boolean {
  if (typeof eol === 'boolean') return eol;
  // The end date is the last supported day, so support is over only after it.
  return eol < asOfDate;
}

interface Candidate {
  cycle: EolCycle;
  key: VersionKey | null;
  specific: boolean;
  variantHits: number;
  variantsOk: boolean;
}

/** Picks the cycle a text version denotes; see the module comment for the rules. */
export function resolveCycle(cycles: readonly IndexedCycle[], text: VersionKey): EolCycle | null {
  const words = new Set(text.variants);
  const candidates: Candidate[] = [];
  for (const { cycle, keys, any } of cycles) {
    if (any && text.named === null) candidates.push({ cycle, key: null, specific: false, variantHits: 0, variantsOk: true });
    for (const key of keys) {
      const relation = relate(key, text);
      if (relation === null) continue;
      const variantHits = key.variants.filter((v) => words.has(v)).length;
      candidates.push({ cycle, key, specific: relation === 'specific', variantHits, variantsOk: variantHits === key.variants.length });
    }
  }
  if (candidates.length === 0) return null;
  // Editions the text does not name ("LTSB", "Server") lose to the plain cycle when one exists.
  // With no plain cycle (Windows 11 is only sold as editions), the fewest unnamed editions win.
  let pool = candidates.some((c) => c.variantsOk) ? candidates.filter((c) => c.variantsOk) : fewestVariants(candidates);
  const maxHits = Math.max(...pool.map((c) => c.variantHits));
  pool = pool.filter((c) => c.variantHits === maxHits);
  if (pool.some((c) => c.specific)) {
    const specific = pool.filter((c) => c.specific);
    const longest = Math.max(...specific.map((c) => c.key?.nums.length ?? 0));
    pool = specific.filter((c) => (c.key?.nums.length ?? 0) === longest);
  } else if (pool.some((c) => c.key !== null)) {
    pool = pool.filter((c) => c.key !== null);
  }
  // A service pack the text names narrows the line; one the data lacks leaves the whole line.
  const named = pool.filter((c) => c.key?.levels.some((l) => text.levels.includes(l)));
  if (named.length > 0) pool = named;
  return pool.reduce<Candidate | null>((best, c) => (best === null || laterEol(c.cycle.eol, best.cycle.eol) ? c : best), null)?.cycle ?? null;
}

function fewestVariants(candidates: Candidate[]): Candidate[] {
  const fewest = Math.min(...candidates.map((c) => c.key?.variants.length ?? 0));
  return candidates.filter((c) => (c.key?.variants.length ?? 0) === fewest);
}

/** 'specific': the text is at least as precise as the cycle (6.7.0 → 6.7); 'family': less (6 → 6.7). */
function relate(key: VersionKey, text: VersionKey): 'specific' | 'family' | null {
  if (key.named !== null || text.named !== null) return key.named === text.named ? 'specific' : null;
  if (key.suffix !== text.suffix) return null;
  const shorter = Math.min(key.nums.length, text.nums.length);
  for (let i = 0; i < shorter; i++) if (key.nums[i] !== text.nums[i]) return null;
  return key.nums.length <= text.nums.length ? 'specific' : 'family';
}

/** Still supported beats any date; a later date beats an earlier one; "ended, date unknown" is earliest. */
function laterEol(a: EolValue, b: EolValue): boolean {
  const rank = (v: EolValue): string => (v === false ? '9999-99-99' : v === true ? '0000-00-00' : v);
  return rank(a) > rank(b);
}
