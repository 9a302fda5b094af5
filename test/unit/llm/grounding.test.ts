import { describe, expect, it } from 'vitest';
import { normalizeWhitespace, QuoteIndex } from '../../../src-main/analysis/llm/grounding';
import type { TextChunk } from '../../../src-main/analysis/runner/document-text';

const chunks: TextChunk[] = [
  { location: { line: 1 }, text: 'Backup and recovery' },
  { location: { line: 3, section: 'Backup and recovery' }, text: 'Backups run nightly with\u00a0Veeam to the secondary site.' },
  { location: { page: 2, line: 14 }, text: 'Restore tests are performed' },
  { location: { page: 2, line: 15 }, text: 'every quarter by the operations team.' },
  { location: { sheet: 'Apps', row: 7 }, text: 'Harbor CRM | Harborsoft | 150' },
];
const index = new QuoteIndex(chunks);

describe('quote grounding', () => {
  it('finds a quote verbatim after whitespace normalisation, located where it was found', () => {
    expect(index.locate('Backups run nightly   with Veeam\n to the secondary site')).toEqual({
      quote: 'Backups run nightly with Veeam to the secondary site',
      location: { line: 3, section: 'Backup and recovery' },
    });
    expect(index.locate('Harbor CRM | Harborsoft | 150')?.location).toEqual({ sheet: 'Apps', row: 7 });
  });

  it('locates a quote that runs across two lines where it starts', () => {
    expect(index.locate('performed every quarter')?.location).toEqual({ page: 2, line: 14 });
  });

  it('rejects anything that is not in the text: other words, other case, other punctuation, too short', () => {
    expect(index.locate('Backups run nightly with Commvault')).toBeNull();
    expect(index.locate('backups run nightly with veeam')).toBeNull();
    expect(index.locate('Backups run nightly, with Veeam')).toBeNull();
    expect(index.locate('Veeam')).toBeNull();
    expect(index.locate('   ')).toBeNull();
  });

  it('forgives the quotation marks a model wraps a quote in, never inner text', () => {
    expect(index.locate('"Restore tests are performed"')?.quote).toBe('Restore tests are performed');
    expect(index.locate('“Restore tests are performed”')?.quote).toBe('Restore tests are performed');
  });

  it('never lets the model choose the location: the same text is located where it first occurs', () => {
    const twice = new QuoteIndex([
      { location: { line: 2 }, text: 'MFA is enforced for all remote access.' },
      { location: { line: 9 }, text: 'MFA is enforced for all remote access.' },
    ]);
    expect(twice.locate('MFA is enforced for all remote access.')?.location).toEqual({ line: 2 });
  });

  it('normalises every kind of whitespace to one space', () => {
    expect(normalizeWhitespace(' a\t\tb\u00a0\u2007c\r\n d ')).toBe('a b c d');
  });
});
