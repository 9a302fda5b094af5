import { describe, expect, it } from 'vitest';
import { cleanText, repairMojibake, stripCitations } from '../../../src-main/analysis/parsers/clean';

// Built from escapes: the marker shape of pasted chat exports, not copied sample text.
const CITE = 'filecite\uE200turn3file0\uE202L35-L38\uE201';

describe('cleanText', () => {
  it('strips citation markers with their private-use delimiters', () => {
    expect(cleanText(`**33** ${CITE}`, { markdown: true })).toBe('33');
    expect(cleanText(`CRITICAL ${CITE} ${CITE}`)).toBe('CRITICAL');
    expect(cleanText(`\uE200${CITE}`)).toBe('');
    expect(stripCitations('a fileciteturn2file0L15-L18 b')).toBe('a   b');
  });

  it('removes stray private-use, control and zero-width characters', () => {
    expect(cleanText('A\uE123B\u0000C\u200BD\uFEFF')).toBe('AB CD');
  });

  it('strips inline Markdown only when asked', () => {
    expect(cleanText('**Purpose:** *Target* `code` [link](http://x) ~~old~~ __u__', { markdown: true })).toBe('Purpose: Target code link old u');
    expect(cleanText('**kept**')).toBe('**kept**');
    expect(cleanText('snake_case_name and 5*3*2', { markdown: true })).toBe('snake_case_name and 5*3*2');
    expect(cleanText('a \\| b', { markdown: true })).toBe('a | b');
  });

  it('collapses whitespace and trims', () => {
    expect(cleanText('  a \t b\n c  ')).toBe('a b c');
  });

  it('repairs UTF-8 misread as Windows-1252, once or twice', () => {
    expect(repairMojibake('90\u00e2\u20ac\u201c180d')).toBe('90\u2013180d');
    expect(cleanText('\u00ef\u00bb\u00bfName')).toBe('Name');
    // Twice misread left double quote.
    expect(repairMojibake('\u00c3\u00a2\u00e2\u201a\u00ac\u00c5\u201cx')).toBe('\u201cx');
    // A misread citation marker is repaired, then stripped.
    const misread = Buffer.from(CITE, 'utf8').toString('latin1');
    expect(cleanText(`HIGH ${misread}`)).toBe('HIGH');
    expect(repairMojibake('café naïve résumé')).toBe('café naïve résumé');
  });
});

describe('cleanText fast path', () => {
  it('returns clean ASCII unchanged and still trims and strips everything else', () => {
    expect(cleanText('Duck Creek Policy')).toBe('Duck Creek Policy');
    expect(cleanText('abc ')).toBe('abc');
    expect(cleanText(' abc')).toBe('abc');
    expect(cleanText('a  b')).toBe('a b');
    expect(cleanText('')).toBe('');
    expect(cleanText('x fileciteturn1file2L3-L4')).toBe('x');
    expect(cleanText('**x**', { markdown: true })).toBe('x');
    expect(cleanText('**x**')).toBe('**x**');
  });
});
