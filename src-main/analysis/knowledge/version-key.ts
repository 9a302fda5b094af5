/**
 * Version parsing shared by product cycles and free text, so both sides are read the same way.
 *
 * A version is split into parts that matter differently when matching:
 *  - `nums`: the numeric core ("6.7" → [6, 7]); "2012" → [2012]; Oracle's "19c" → [19];
 *  - `suffix`: a release that is a different product line, not a patch ("R2" in "2012 R2", "H2"
 *    in "23H2"); it must agree exactly, so "2012" never matches "2012 R2";
 *  - `levels`: servicing levels inside one line ("SP3", "22H2", "Release 2"); they narrow a match
 *    when given but are not required;
 *  - `variants`: edition words ("LTSB", "Server", "for Mac") that only match when the text says them;
 *  - `named`: a version that is a word ("XP", "Vista") rather than a number.
 * Update and build markers ("U3", "Update 3", "CU15", "build 1234") are noise for end-of-life.
 */

export interface VersionKey {
  nums: number[];
  suffix: string;
  levels: string[];
  variants: string[];
  named: string | null;
}

/** Lower-cases and splits text into tokens; "AS/400" becomes "as400" and "R/3" "r3". */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([a-z])\/(\d)/g, '$1$2')
    .split(/[^a-z0-9.+#]+/)
    .map((t) => t.replace(/^\.+(?=[^a-z])|\.+$/g, ''))
    .filter((t) => t !== '');
}

const NOISE = /^(?:u|cu|ur|su|ep|p|patch|build|gdr|update|rollup|release|rel|edition)\d*[a-z]?$/;
const LEVEL = /^(?:sp\d+[a-z]?|\d{2}h\d|\d+)$/;
const CORE = /^v?(\d+(?:\.\d+)*)(?:\.x)?([a-z]*)(\d*)$/;
const AS400_RELEASE = /^v(\d+)r(\d+)(?:m\d+)?$/;
// Letters that follow a number without changing the product line: Oracle 19c/11g/9i/26ai, "7.x".
const IGNORED_LETTERS = new Set(['c', 'g', 'i', 'ai', 'x']);

export interface ParsedCore {
  nums: number[];
  suffix: string;
  /** A servicing level written into the core token ("6.7u3" → none; "2016sp2" → "sp2"). */
  level: string | null;
}

/** Reads a version core token ("6.7", "v6.7", "2012r2", "23h2", "19c", "V5R4"), or null. */
export function parseCore(token: string): ParsedCore | null {
  const as400 = AS400_RELEASE.exec(token);
  if (as400) return { nums: [Number(as400[1]), Number(as400[2])], suffix: '', level: null };
  const m = CORE.exec(token);
  if (!m?.[1]) return null;
  const nums = m[1].split('.').map(Number);
  const letters = m[2] ?? '';
  const digits = m[3] ?? '';
  if (letters === '') return digits === '' ? { nums, suffix: '', level: null } : null;
  if ((letters === 'r' || letters === 'h') && digits !== '') return { nums, suffix: letters + digits, level: null };
  if (letters === 'sp' && digits !== '') return { nums, suffix: '', level: letters + digits };
  if (IGNORED_LETTERS.has(letters) && digits === '') return { nums, suffix: '', level: null };
  if (['u', 'cu', 'su', 'ep', 'p'].includes(letters)) return { nums, suffix: '', level: null };
  return null;
}

/**
 * Parses a whole version phrase (a cycle id like "13.0-sp3-acp", a label like "2016 SP3 Azure
 * Connect Pack", or the words after a product name in free text). Returns null when the phrase
 * does not start with a version.
 */
export function parseVersion(tokens: readonly string[], namedVersions?: ReadonlySet<string>): VersionKey | null {
  const first = tokens[0];
  if (first === undefined) return null;
  const core = parseCore(first);
  if (!core) {
    if (namedVersions?.has(first)) return { nums: [], suffix: '', levels: [], variants: [], named: first };
    return null;
  }
  const key: VersionKey = { nums: core.nums, suffix: core.suffix, levels: core.level ? [core.level] : [], variants: [], named: null };
  let afterNoise = false;
  for (const [i, token] of tokens.slice(1).entries()) {
    if (i === 0 && key.suffix === '' && /^r\d$/.test(token)) key.suffix = token;
    else if (NOISE.test(token)) afterNoise = /^[a-z]+$/.test(token);
    else if (afterNoise && /^\d+$/.test(token)) afterNoise = false; // "Update 3": the number belongs to the noise word
    else if (LEVEL.test(token)) key.levels.push(token);
    else if (/^[a-z]+$/.test(token)) key.variants.push(token);
  }
  return key;
}

/**
 * Versions that are words. Kept to a short list on purpose: a word after a product name is usually
 * not a version ("Azure DevOps Server", "Exchange Online"), and names without a version must not match.
 */
export const NAMED_VERSIONS: ReadonlySet<string> = new Set(['xp', 'vista']);

/** Parses a cycle's identity: its id, and its marketing label when the dataset gives one. */
export function cycleKeys(cycle: string, label: string | undefined): VersionKey[] {
  const keys: VersionKey[] = [];
  for (const text of label === undefined ? [cycle] : [cycle, label]) {
    // Some ids carry a product prefix before the version ("pc.2024.3" for Prism Central).
    const key = parseVersion(tokenize(text.replace(/^[a-z]+\.(?=\d)/i, '')), NAMED_VERSIONS);
    if (key) keys.push(key);
  }
  return keys;
}
