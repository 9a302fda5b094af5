// An exception inside a parser fails that document only; an exception inside a rule fails the run
// with a specific error, keeping every committed document.
import { describe, expect, it, vi } from 'vitest';
import type * as Parsers from '../../src-main/analysis/parsers';
import type * as Rules from '../../src-main/analysis/rules';
import { analyse, writeRoom } from '../support/rooms';
import { tempDatabase } from '../support/temp';

const faults = vi.hoisted(() => ({ parserThrowsOn: null as string | null, ruleThrows: false }));

vi.mock('../../src-main/analysis/parsers', async (importOriginal) => {
  const original = await importOriginal<typeof Parsers>();
  return {
    ...original,
    parseDocument: (bytes: Buffer, kind: Parameters<typeof original.parseDocument>[1], fileName: string) => {
      if (fileName === faults.parserThrowsOn) throw new TypeError('Cannot read properties of undefined (reading "items")');
      return original.parseDocument(bytes, kind, fileName);
    },
  };
});

vi.mock('../../src-main/analysis/rules', async (importOriginal) => {
  const original = await importOriginal<typeof Rules>();
  return {
    ...original,
    deriveFindings: (...args: Parameters<typeof original.deriveFindings>) => {
      if (faults.ruleThrows) throw new RangeError('Invalid time value');
      return original.deriveFindings(...args);
    },
  };
});

const memo = (n: number) => `IT OVERVIEW\n\n- Total IT Staff: ${n} FTEs\n- IT Budget (Annual): $2.${n}M\n`;

describe('engine faults', () => {
  it('a parser that throws fails only its document, with the reason, and the run completes', async () => {
    faults.parserThrowsOn = 'b.txt';
    try {
      const { database, repos } = tempDatabase();
      const result = await analyse(database, writeRoom({ 'a.txt': memo(11), 'b.txt': memo(12), 'c.txt': memo(13) }));
      expect(result.status).toBe('completed');
      const docs = repos.documents.listForRun(result.runId).rows;
      expect(docs.map((d) => [d.document.relativePath, d.runStatus])).toEqual([
        ['a.txt', 'done'],
        ['b.txt', 'failed'],
        ['c.txt', 'done'],
      ]);
      expect(docs[1]!.document).toMatchObject({ errorCode: 'parser_error' });
      expect(docs[1]!.document.error).toMatch(/parser failed.*reading "items"/);
    } finally {
      faults.parserThrowsOn = null;
    }
  });

  it('a rule that throws fails the run with a specific error; documents and gaps stay committed', async () => {
    faults.ruleThrows = true;
    try {
      const { database, repos } = tempDatabase();
      const result = await analyse(database, writeRoom({ 'a.txt': memo(11), 'b.txt': memo(12) }));
      expect(result.status).toBe('failed');
      expect(result.error).toMatch(/^Analysis failed: Invalid time value/);
      const run = repos.runs.get(result.runId)!;
      expect(run).toMatchObject({ status: 'failed', phase: 'findings', docsDone: 2 });
      expect(repos.facts.count({ runId: result.runId })).toBeGreaterThan(0);
      expect(repos.gaps.count({ runId: result.runId })).toBeGreaterThan(0);
      expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      faults.ruleThrows = false;
    }
  });
});
