// Run comparison (issue 6, item 2): the manufacturer's room before and after the target's follow-up
// memo, analysed as one deal. Everything the diff reports as new or changed must come from that memo,
// because it is the only document that changed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../../src-main/db/open';
import { compareRuns, type RunComparison } from '../../../src-main/services/diff';
import { reviewFinding } from '../../../src-main/services/review';
import { startCli } from '../../support/cli-process';
import { analyse } from '../../support/rooms';
import { sample } from '../../support/paths';
import { suiteDatabase } from '../../support/suite-db';

const MEMO = 'it_discovery_followup.txt';
let file: string;
let database: AppDatabase;
let dealId: number;
let diff: RunComparison;

beforeAll(async () => {
  const suite = suiteDatabase('dd-diff-');
  ({ database, file } = suite);
  const first = await analyse(database, sample('atlas-v1'), { name: 'Atlas', asOfDate: '2026-02-01' });
  await analyse(database, sample('atlas-v2'), { name: 'Atlas', asOfDate: '2026-02-01' });
  dealId = first.dealId;
  diff = compareRuns(database.db, { dealId, runA: 1, runB: 2 });
  return suite.dispose;
});

/** The documents stating a fact in its run. */
function sourcesOf(factId: number): string[] {
  return database.sqlite
    .prepare('SELECT DISTINCT d.relative_path FROM fact_evidence e JOIN documents d ON d.id = e.document_id WHERE e.fact_id = ? ORDER BY 1')
    .pluck()
    .all(factId) as string[];
}

/** The documents behind a finding: those stating the facts it cites. */
function findingSources(findingId: number): string[] {
  return database.sqlite
    .prepare(
      `SELECT DISTINCT d.relative_path FROM finding_evidence fe JOIN fact_evidence e ON e.fact_id = fe.ref_id JOIN documents d ON d.id = e.document_id
        WHERE fe.finding_id = ? AND fe.evidence_kind = 'fact' ORDER BY 1`,
    )
    .pluck()
    .all(findingId) as string[];
}

describe('comparing atlas v1 and v2 (the follow-up memo added)', () => {
  it('lists the memo as the one new document', () => {
    expect(diff.documents.map((d) => [d.relativePath, d.change])).toEqual([[MEMO, 'new']]);
  });

  it('lists the facts the memo added or restated, each stated by the memo, and none lost', () => {
    expect(diff.facts.new.total).toBeGreaterThan(10);
    expect(diff.facts.new.rows).toHaveLength(diff.facts.new.total);
    for (const { fact } of diff.facts.new.rows) expect(sourcesOf(fact.id)).toContain(MEMO);
    const values = diff.facts.new.rows.map(({ fact }) => fact.valueText).join('\n');
    expect(values).toMatch(/Windows Server 2008 R2/);
    expect(values).toMatch(/IBM i 7\.3/);
    // Where the earlier run said something else about the same thing, the diff says what it was.
    expect(diff.facts.new.rows.some((d) => d.otherValues.length > 0)).toBe(true);
    // Facts the memo restates are changed: same key, one more source.
    expect(diff.facts.changed.total).toBeGreaterThan(0);
    for (const change of diff.facts.changed.rows) {
      const sources = change.fields.find((f) => f.field === 'sources');
      expect(String(sources?.after)).toContain(MEMO);
      expect(String(sources?.before)).not.toContain(MEMO);
    }
    expect(diff.facts.resolved.total).toBe(0);
  });

  it('lists the findings the memo raised or changed, each resting on a fact the memo states', () => {
    expect(diff.findings.new.length).toBeGreaterThan(0);
    for (const finding of diff.findings.new) expect(findingSources(finding.id)).toContain(MEMO);
    expect(diff.findings.new.map((f) => f.title).join('\n')).toMatch(/Windows Server 2008 R2/);
    expect(diff.findings.changed.length).toBeGreaterThan(0);
    for (const change of diff.findings.changed) {
      expect(change.fields.length).toBeGreaterThan(0);
      expect(findingSources(change.after.id)).toContain(MEMO);
    }
    // The memo answers questions the first run had to ask.
    expect(diff.gaps.resolved.length).toBeGreaterThan(0);
  });

  it('reads the other way round as the mirror image, and a run against itself as no change', () => {
    const back = compareRuns(database.db, { dealId, runA: 2, runB: 1 });
    expect(back.facts.resolved.total).toBe(diff.facts.new.total);
    expect(back.findings.resolved.map((f) => f.stableKey).sort()).toEqual(diff.findings.new.map((f) => f.stableKey).sort());
    expect(back.documents.map((d) => d.change)).toEqual(['removed']);
    const same = compareRuns(database.db, { dealId, runA: 2, runB: 2 });
    expect([same.facts.new.total, same.facts.resolved.total, same.facts.changed.total, same.findings.new.length, same.findings.changed.length, same.documents.length]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(() => compareRuns(database.db, { dealId, runA: 1, runB: 9 })).toThrow(/no run 9/);
  });

  it('leaves dismissed findings out unless asked, like every default view', () => {
    const target = diff.findings.new[0]!;
    reviewFinding(database.db, { dealId, finding: { stableKey: target.stableKey }, status: 'dismissed', reason: 'Out of scope for this deal' }, 'tester');
    try {
      expect(compareRuns(database.db, { dealId, runA: 1, runB: 2 }).findings.new.map((f) => f.stableKey)).not.toContain(target.stableKey);
      expect(compareRuns(database.db, { dealId, runA: 1, runB: 2, includeDismissed: true }).findings.new.map((f) => f.stableKey)).toContain(target.stableKey);
    } finally {
      reviewFinding(database.db, { dealId, finding: { stableKey: target.stableKey }, status: null }, 'tester');
    }
  });

  it('prints the comparison on the command line, and refuses a run that does not exist', async () => {
    const run = async (args: string[]) => {
      const cli = startCli(args, { DILIGENCE_DESK_REPORT_DOCS: '0' });
      const exit = await cli.exited;
      return { code: exit.code, stdout: cli.lines.join('\n'), stderr: cli.stderr() };
    };
    const printed = await run(['diff', 'Atlas', '1', '2', '--db', file]);
    expect(printed.code, printed.stderr).toBe(0);
    expect(printed.stdout).toMatch(/^Deal "Atlas": run 1 → run 2$/m);
    expect(printed.stdout).toMatch(new RegExp(`^  \\+ ${MEMO}$`, 'm'));
    expect(printed.stdout).toMatch(new RegExp(`^Facts: ${diff.facts.new.total} new, 0 no longer stated, ${diff.facts.changed.total} changed$`, 'm'));
    expect(printed.stdout).toMatch(/^ {2}\+ \[critical\] .*Windows Server 2008 R2/m);
    const missing = await run(['diff', 'Atlas', '1', '7', '--db', file]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no run 7/);
  }, 60_000);
});
