import { describe, expect, it } from 'vitest';
import { IsoDate } from '../../../src-shared/contract/common';
import { isCalendarDate } from '../../../src-shared/domain';
import { parseAsOf } from '../../../src-main/cli/commands/analyze';

describe('calendar dates', () => {
  it('accepts real days, leap days included', () => {
    for (const d of ['2026-02-01', '2024-02-29', '2000-02-29', '2026-12-31']) expect(isCalendarDate(d), d).toBe(true);
  });

  it('refuses days the calendar does not have, which Date.parse lets through', () => {
    expect(Number.isNaN(Date.parse('2026-02-30'))).toBe(false); // why the check exists
    for (const d of ['2026-02-30', '2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', 'yesterday', '2026-2-1', ' 2026-02-01']) {
      expect(isCalendarDate(d), d).toBe(false);
    }
  });

  it('is what the CLI and the IPC contract both enforce', () => {
    expect(() => parseAsOf('2026-02-30')).toThrow(/calendar date/);
    expect(parseAsOf('2026-02-28')).toBe('2026-02-28');
    expect(IsoDate.safeParse('2026-02-30').success).toBe(false);
    expect(IsoDate.safeParse('2026-02-28').success).toBe(true);
  });
});
