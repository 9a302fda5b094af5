import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src-main/repositories';
import { demoDataRoomPath, DEMO_DEAL } from '../../../src-main/services/demo';
import { findingEvidence } from '../../../src-main/services/run-summary';
import { ReportQueries } from '../../../src-main/repositories/report';
import { analyse } from '../../support/rooms';
import { tempDatabase } from '../../support/temp';

// The quotes a summary or an export shows first must prove the finding: a finding that compares
// two figures shows both before repeating either.

describe('evidence shown for a finding', () => {
  it('covers both sides of a disagreement in the first two quotes, in the CLI summary and the export', async () => {
    const { database } = tempDatabase();
    const { runId } = await analyse(database, demoDataRoomPath(), { name: DEMO_DEAL.name, asOfDate: DEMO_DEAL.asOfDate, dealType: DEMO_DEAL.dealType });
    const repos = createRepositories(database.db);
    const staff = repos.findings.list({ runId, search: 'IT staff (FTE)' }, undefined, { limit: 10 }).rows.find((f) => f.title.startsWith('Documents disagree'));
    expect(staff, 'the demo room states 14 and 16 IT staff').toBeDefined();

    // What the CLI's summary and findings list print (the first two quotes).
    const quotes = findingEvidence(repos, staff!.id).slice(0, 2).map((e) => e.quote);
    expect(quotes.some((q) => /\b14\b/.test(q))).toBe(true);
    expect(quotes.some((q) => /\b16\b/.test(q))).toBe(true);

    const exported = new ReportQueries(database.db).findingQuotes(runId, 2).filter((q) => q.findingId === staff!.id).map((q) => q.quote);
    expect(exported).toHaveLength(2);
    expect(exported.some((q) => /\b14\b/.test(q))).toBe(true);
    expect(exported.some((q) => /\b16\b/.test(q))).toBe(true);
  });
});
