import type { ReactNode } from 'react';

/**
 * Text with some ranges marked, built as React elements: the text is never parsed as HTML, so a
 * document containing markup shows it as the characters it is.
 */
export function Marked({ text, ranges }: { text: string; ranges: ReadonlyArray<readonly [number, number]> }) {
  const parts: ReactNode[] = [];
  let at = 0;
  const sorted = [...ranges].filter(([s, e]) => e > s && s >= 0 && e <= text.length).sort((a, b) => a[0] - b[0]);
  for (const [start, end] of sorted) {
    if (start < at) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/**
 * Ranges of the words in the text that search matched: each word as a whole word, the last one as a
 * prefix (search follows typing); the whole word is marked, as the document snippets mark it.
 */
export function wordRanges(text: string, words: readonly string[]): Array<[number, number]> {
  if (words.length === 0) return [];
  const ranges: Array<[number, number]> = [];
  const lower = text.toLocaleLowerCase();
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(lower); m !== null; m = re.exec(lower)) {
    const token = m[0];
    for (const [i, w] of words.entries()) {
      const word = w.toLocaleLowerCase();
      const hit = i === words.length - 1 ? token.startsWith(word) : token === word;
      if (hit) {
        ranges.push([m.index, m.index + token.length]);
        break;
      }
    }
  }
  return ranges;
}
