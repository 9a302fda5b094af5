// What a run produced, read back from the database through the repositories: the same rows the
// desktop app shows, so an evaluation measures what a user would see.

import type { Repositories } from '../../repositories';
import type { FindingRow } from '../../repositories/findings';
import type { GapRow } from '../../repositories/gaps';
import type { FactRecord } from '../rules/types';

export interface ObservedFinding {
  row: FindingRow;
  /** Facts the finding cites, with their evidence. */
  facts: FactRecord[];
  /** Checklist items of the gaps it cites. */
  gapItems: string[];
}

export interface Observed {
  facts: FactRecord[];
  gaps: GapRow[];
  findings: ObservedFinding[];
}

const PAGE = 500;

function allPages<T>(fetch: (offset: number) => { rows: T[]; total: number }): T[] {
  const rows: T[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = fetch(offset);
    rows.push(...page.rows);
    if (page.rows.length < PAGE || rows.length >= page.total) return rows;
  }
}

/** Every fact, gap and finding of one run, findings with the facts and gaps they cite. */
export function readRun(repos: Repositories, runId: number): Observed {
  const facts = repos.facts.recordsForRun(runId);
  const factById = new Map(facts.map((f) => [f.id, f]));
  const gaps = allPages((offset) => repos.gaps.list({ runId }, { by: 'importance', dir: 'asc' }, { limit: PAGE, offset }));
  const gapById = new Map(gaps.map((g) => [g.id, g]));
  const rows = allPages((offset) => repos.findings.list({ runId }, { by: 'severity', dir: 'asc' }, { limit: PAGE, offset }));
  const findings = rows.map((row) => {
    const evidence = repos.findings.evidenceOf(row.id);
    return {
      row,
      facts: evidence.factIds.map((id) => factById.get(id)).filter((f): f is FactRecord => f !== undefined),
      gapItems: evidence.gapIds.map((id) => gapById.get(id)?.checklistItem).filter((g): g is string => g !== undefined),
    };
  });
  return { facts, gaps, findings };
}
