import { DOMAINS, SEVERITIES, type Domain, type Severity } from '../../src-shared/domain';
import { leadingQuotes } from '../analysis/rules/evidence-order';
import type { Repositories } from '../repositories';
import type { FindingRow } from '../repositories/findings';
import type { RunRow } from '../repositories/runs';

export interface FindingWithEvidence {
  finding: FindingRow;
  evidence: Array<{ documentPath: string; location: string; quote: string }>;
}

export interface RunSummary {
  run: RunRow;
  /**
   * What this run did, from its ledger: `parsed` and `failed` were done in this run (or reused from
   * an earlier one), `notReached` were listed but not yet analysed (a cancelled or interrupted run).
   */
  documents: { total: number; parsed: number; failed: number; notReached: number; failures: Array<{ path: string; error: string }> };
  /** Files in the room the run did not analyse (unsupported types, links leaving the room), with why. */
  skippedFiles: Array<{ relativePath: string; reason: string }>;
  factsByDomain: Record<Domain, number>;
  factTotal: number;
  gapsByImportance: Record<Severity, number>;
  findingsBySeverity: Record<Severity, number>;
  topFindings: FindingWithEvidence[];
  elapsedMs: number | null;
}

/** Everything the end-of-run summary shows, read from the database (never from runner memory). */
export function summarizeRun(repos: Repositories, run: RunRow, topCount = 5): RunSummary {
  const byDomain = repos.facts.countByDomain(run.id);
  const factsByDomain = Object.fromEntries(DOMAINS.map((d) => [d, byDomain[d] ?? 0])) as Record<Domain, number>;
  const byImportance = repos.gaps.countByImportance(run.id);
  const bySeverity = repos.findings.countBySeverity(run.id);
  const counts = repos.runs.documentCounts(run.id);
  const failed = repos.documents.listForRun(run.id, { runStatus: 'failed' }, { limit: 500 });
  const top = repos.findings.list({ runId: run.id }, { by: 'severity', dir: 'asc' }, { limit: topCount });
  return {
    run,
    documents: {
      total: counts.total,
      parsed: counts.done,
      failed: counts.failed,
      notReached: counts.total - counts.done - counts.failed,
      failures: failed.rows.map((r) => ({ path: r.document.relativePath, error: r.document.error ?? r.runError ?? 'failed' })),
    },
    skippedFiles: repos.runs.skippedFiles(run.id),
    factsByDomain,
    factTotal: Object.values(factsByDomain).reduce((a, b) => a + b, 0),
    gapsByImportance: Object.fromEntries(SEVERITIES.map((s) => [s, byImportance[s] ?? 0])) as Record<Severity, number>,
    findingsBySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, bySeverity[s] ?? 0])) as Record<Severity, number>,
    topFindings: top.rows.map((finding) => ({ finding, evidence: findingEvidence(repos, finding.id) })),
    elapsedMs: run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : null,
  };
}

/**
 * The document quotes behind a finding: the quotes of the facts it cites, one per fact before any
 * fact gets a second (so "14 vs 16" shows the 16, and two EDR products both show), each place once.
 */
export function findingEvidence(repos: Repositories, findingId: number, limit = 3): FindingWithEvidence['evidence'] {
  const { factIds } = repos.findings.evidenceOf(findingId);
  return leadingQuotes(
    factIds.length,
    (i) => repos.facts.evidenceFor(factIds[i] ?? -1).map((ev) => ({ documentPath: ev.documentPath, location: formatLocation(ev.location), quote: ev.quote })),
    limit,
  );
}

export function formatLocation(location: { page?: number; sheet?: string; row?: number; line?: number }): string {
  const parts: string[] = [];
  if (location.page !== undefined) parts.push(`page ${location.page}`);
  if (location.sheet !== undefined) parts.push(`sheet ${location.sheet}`);
  if (location.row !== undefined) parts.push(`row ${location.row}`);
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  return parts.join(', ') || 'whole document';
}
