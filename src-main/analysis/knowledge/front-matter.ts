/**
 * A deliberately small reader for the YAML front matter of endoflife.date product pages. No YAML
 * library is installed, and the pages follow a regular shape, so this reads only what the
 * knowledge build needs: top-level scalars, top-level lists of scalars, and `releases:` as a list
 * of flat maps. Nested structures elsewhere (auto:, identifiers:, customFields:) are skipped.
 */

export type Scalar = string | boolean | null;

export interface FrontMatter {
  scalars: Record<string, Scalar>;
  lists: Record<string, string[]>;
  releases: Array<Record<string, Scalar>>;
}

/** Returns the text between the opening `---` line and the next `---` line, or null. */
export function extractFrontMatter(markdown: string): string | null {
  const lines = markdown.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return null;
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) return null;
  return lines.slice(1, end).join('\n');
}

/** Parses one scalar: quotes removed, trailing comments dropped, true/false as booleans. */
export function parseScalar(raw: string): Scalar {
  const text = raw.trim();
  if (text === '' || text === '~' || text === 'null') return null;
  const quote = text[0];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, 1);
    // An unterminated quote is kept as written rather than guessed at.
    return close > 0 ? text.slice(1, close) : text;
  }
  // In plain YAML scalars a comment starts at " #"; dates and versions never contain it.
  const hash = text.search(/\s#/);
  const value = (hash >= 0 ? text.slice(0, hash) : text).trim();
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}

const KEY_VALUE = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/;

export function parseFrontMatter(yaml: string): FrontMatter {
  const result: FrontMatter = { scalars: {}, lists: {}, releases: [] };
  let topKey: string | null = null;
  let releaseIndent = -1;
  let current: Record<string, Scalar> | null = null;

  for (const line of yaml.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;

    if (indent === 0) {
      const kv = KEY_VALUE.exec(trimmed);
      topKey = kv?.[1] ?? null;
      current = null;
      releaseIndent = -1;
      if (kv?.[1] && kv[2] !== undefined && kv[2].trim() !== '') result.scalars[kv[1]] = parseScalar(kv[2]);
      continue;
    }
    if (topKey === null) continue;

    if (topKey === 'releases') {
      const item = /^-\s+(.*)$/.exec(trimmed);
      if (item && (releaseIndent < 0 || indent === releaseIndent)) {
        releaseIndent = indent;
        current = {};
        result.releases.push(current);
        assignField(current, item[1] ?? '');
      } else if (current && indent === releaseIndent + 2) {
        assignField(current, trimmed);
      }
      // Deeper lines are nested values inside a release; the build never needs them.
      continue;
    }

    const item = /^-\s+(.*)$/.exec(trimmed);
    if (item && !KEY_VALUE.test(item[1] ?? '')) {
      const value = parseScalar(item[1] ?? '');
      if (typeof value === 'string') (result.lists[topKey] ??= []).push(value);
    }
  }
  return result;
}

function assignField(target: Record<string, Scalar>, text: string): void {
  const kv = KEY_VALUE.exec(text);
  if (kv?.[1]) target[kv[1]] = parseScalar(kv[2] ?? '');
}
