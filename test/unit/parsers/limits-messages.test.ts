// Size-limit messages give the size in the limit's own unit, precisely enough never to equal it.
import { describe, expect, it } from 'vitest';
import { checkSizeAndEmptiness, formatOverLimit, MAX_TEXT_DOCUMENT_BYTES } from '../../../src-main/analysis/parsers/limits';
import { DocumentParseError } from '../../../src-main/analysis/parsers/types';

const MIB = 1024 * 1024;

describe('size-limit messages', () => {
  it('say "32.4 MiB; the limit … is 32 MiB", never "32 MB … 32 MB"', () => {
    const error = (() => {
      try {
        checkSizeAndEmptiness(Buffer.alloc(Math.round(32.4 * MIB), 0x61), 'servers.csv');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(DocumentParseError);
    expect((error as Error).message).toBe('servers.csv is too large (32.4 MiB); the limit for a CSV, Markdown or text file is 32 MiB. Split it into smaller files.');
  });

  it('add decimals, then exact bytes, until the size differs from the limit', () => {
    expect(formatOverLimit(40 * MIB, MAX_TEXT_DOCUMENT_BYTES)).toBe('40 MiB');
    expect(formatOverLimit(32 * MIB + 60 * 1024, MAX_TEXT_DOCUMENT_BYTES)).toBe('32.1 MiB');
    expect(formatOverLimit(32 * MIB + 10 * 1024, MAX_TEXT_DOCUMENT_BYTES)).toBe('32.01 MiB');
    expect(formatOverLimit(32 * MIB + 1, MAX_TEXT_DOCUMENT_BYTES)).toBe('33,554,433 bytes');
  });
});
