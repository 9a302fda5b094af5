/**
 * Which quotes to show first for a finding. A finding compares things (two EDR products, three
 * billing platforms, "14" against "16" IT staff, a stated total against the rows' sum); its first
 * quotes must prove each side, so a short list never shows one side twice and hides the other.
 *
 * The quotes are taken round by round: the first quote of every cited fact (in the order given),
 * then the second of every fact, and so on, each place (document and location) once. A fact whose
 * next quote is a place already shown moves on to its next one in the same round, so every fact
 * that has a place of its own gets one before any fact gets two. Deterministic for a given order
 * of facts and of quotes within each fact; capped at `limit`.
 */

export interface QuoteLike {
  documentPath: string;
  /** Any stable rendering of the location (page, sheet/row, line). */
  location: string;
}

/**
 * Interleaves the quotes of several facts. `groups` holds one list per cited fact, each in its own
 * reading order (path, then location); `groupAt` lets callers fetch a fact's quotes only when a
 * round reaches it, since a finding may cite hundreds of facts and only a few quotes are shown.
 */
export function leadingQuotes<T extends QuoteLike>(count: number, groupAt: (index: number) => readonly T[], limit: number): T[] {
  const out: T[] = [];
  if (limit <= 0 || count <= 0) return out;
  const seen = new Set<string>();
  const place = (q: T): string => `${q.documentPath}\u0000${q.location}`;
  const cache = new Map<number, readonly T[]>();
  const group = (i: number): readonly T[] => {
    let g = cache.get(i);
    if (!g) {
      g = groupAt(i);
      cache.set(i, g);
    }
    return g;
  };
  const cursor = new Array<number>(count).fill(0);
  let progressed = true;
  while (out.length < limit && progressed) {
    progressed = false;
    for (let i = 0; i < count && out.length < limit; i++) {
      const quotes = group(i);
      let at = cursor[i] ?? 0;
      while (at < quotes.length && seen.has(place(quotes[at] as T))) at++;
      if (at < quotes.length) {
        const q = quotes[at] as T;
        seen.add(place(q));
        out.push(q);
        at++;
        progressed = true;
      }
      cursor[i] = at;
    }
  }
  return out;
}

/** The same order over quotes already in memory, one list per cited fact. */
export function interleaveQuotes<T extends QuoteLike>(groups: ReadonlyArray<readonly T[]>, limit: number): T[] {
  return leadingQuotes(groups.length, (i) => groups[i] ?? [], limit);
}
