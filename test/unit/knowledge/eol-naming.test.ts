import { describe, expect, it } from 'vitest';
import { findAllEndOfLife, findEndOfLife } from '../../../src-main/analysis/knowledge/eol';

const AS_OF = '2026-02-01';

// A finding is named by what the document says. When the text names a whole line ("SQL Server
// 2014") the dates come from its latest servicing level (SP3), and the match says so separately
// instead of putting "SP3" in the target's mouth.

describe('end-of-life matches name the version the text states', () => {
  it('keeps the matched cycle for identity and the stated version for display', () => {
    expect(findEndOfLife('SQL Server 2014', AS_OF)).toMatchObject({ cycle: '2014 SP3', statedCycle: '2014', latestLevel: 'SP3', eol: '2024-07-09' });
    expect(findEndOfLife('Windows Server 2008 R2', AS_OF)).toMatchObject({ productSlug: 'windows-server', cycle: '2008 R2 SP1', statedCycle: '2008 R2', latestLevel: 'SP1' });
  });

  it('adds nothing when the text names the level or the cycle has none', () => {
    const sp2 = findEndOfLife('SQL Server 2014 SP2', AS_OF);
    expect(sp2).toMatchObject({ cycle: '2014 SP2' });
    expect(sp2?.statedCycle).toBeUndefined();
    expect(findEndOfLife('Windows Server 2012 R2', AS_OF)?.latestLevel).toBeUndefined();
  });

  it('reads R2 before a full stop as R2, never as the 2008 line', () => {
    const all = findAllEndOfLife('The file server runs Windows Server 2008 R2.', AS_OF);
    expect(all.map((m) => m.cycle)).toEqual(['2008 R2 SP1']);
  });
});
