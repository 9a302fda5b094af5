// What the CLI draws on a terminal: a progress line that fits and says each thing once, tables
// cut to the width only when one is given (a terminal), summaries wrapped at 100 or narrower.
import { describe, expect, it } from 'vitest';
import { summaryWidth, table, wrap } from '../../../src-main/cli/format';
import { progressLine } from '../../../src-main/cli/progress-bar';

const progress = { phase: 'documents' as const, docsTotal: 38, docsDone: 25, docsFailed: 1, factCount: 1234, gapCount: 17, findingCount: 9 };

describe('progress line', () => {
  it('fits the terminal, one column spare, and names documents once', () => {
    for (const columns of [40, 60, 80, 120]) {
      const line = progressLine(progress, columns);
      expect(line.length).toBeLessThanOrEqual(columns - 1);
    }
    const wide = progressLine(progress, 200);
    expect(wide).toMatch(/25\/38 documents, 1 failed · 1234 facts, 17 gaps, 9 findings$/);
    expect(wide).not.toMatch(/documents · documents/);
    expect(progressLine({ ...progress, phase: 'gaps' }, 200)).toMatch(/documents, 1 failed · deriving gaps · 1234 facts/);
    expect(progressLine(progress, undefined).length).toBeLessThanOrEqual(79);
  });
});

describe('tables', () => {
  const rows = [['1', `Deal ${'n'.repeat(120)}`, 'acquisition'], ['2', 'Short', 'carve-out']];
  it('cut the flexible column with … to fit a terminal', () => {
    const lines = table(['id', 'deal', 'type'], rows, { width: 60, flex: 1 });
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(59);
    expect(lines[2]).toMatch(/^1 {3}Deal n+… {2}acquisition$/);
    expect(lines[3]).toMatch(/^2 {3}Short +carve-out$/);
  });
  it('never cut anything without a width (piped output, --json)', () => {
    const lines = table(['id', 'deal', 'type'], rows, { width: null, flex: 1 });
    expect(lines[2]).toContain(rows[0]![1]);
  });
});

describe('summary wrapping', () => {
  it('wraps at word boundaries with a hanging indent, at 100 or the narrower terminal', () => {
    expect(summaryWidth(undefined)).toBe(100);
    expect(summaryWidth(200)).toBe(100);
    expect(summaryWidth(72)).toBe(72);
    const lines = wrap(`  ✗ ${'word '.repeat(40).trim()}`, 50, '      ');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    expect(lines[0]!.startsWith('  ✗ word')).toBe(true);
    expect(lines[1]!.startsWith('      word')).toBe(true);
  });
});
