// Data room changes (issue 6, item 3): a second run over a changed room records which documents
// are new, changed, unchanged or removed, copies the unchanged ones' results instead of parsing
// them, and still ends with exactly the rows a fresh analysis of the same room gives (invariant 6).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse, copyRoom, writeRoom } from '../../support/rooms';
import { sample } from '../../support/paths';
import { runContent } from '../../support/snapshot';
import { tempDatabase } from '../../support/temp';

const AS_OF = '2026-02-01';

function ledger(sqlite: ReturnType<typeof tempDatabase>['database']['sqlite'], runId: number) {
  return sqlite
    .prepare('SELECT d.relative_path AS path, rd.change, rd.reused_from_run_id AS reusedFrom, rd.status FROM run_documents rd JOIN documents d ON d.id = rd.document_id WHERE rd.run_id = ? ORDER BY d.relative_path')
    .all(runId);
}

describe('re-analysing a changed data room', () => {
  it('copies unchanged documents (atlas v1 → v2) and equals a fresh analysis of v2', async () => {
    const { database } = tempDatabase();
    const first = await analyse(database, sample('atlas-v1'), { name: 'Atlas', asOfDate: AS_OF });
    const second = await analyse(database, sample('atlas-v2'), { name: 'Atlas', asOfDate: AS_OF });
    expect([first.status, second.status]).toEqual(['completed', 'completed']);
    expect(ledger(database.sqlite, second.runId)).toEqual([
      { path: 'it_discovery.txt', change: 'unchanged', reusedFrom: first.runId, status: 'done' },
      { path: 'it_discovery_followup.txt', change: 'new', reusedFrom: null, status: 'done' },
      { path: 'sample_it_infrastructure.txt', change: 'unchanged', reusedFrom: first.runId, status: 'done' },
    ]);
    const fresh = tempDatabase();
    const reference = await analyse(fresh.database, sample('atlas-v2'), { name: 'Atlas', asOfDate: AS_OF });
    expect(runContent(database.sqlite, second.runId)).toEqual(runContent(fresh.database.sqlite, reference.runId));
  });

  it('copies a document\'s own wording when another document that stated the fact first is gone', async () => {
    const table = (app: string, hosting: string) => `| Application | Vendor | Hosting |\n|---|---|---|\n| ${app} | Harborsoft | ${hosting} |\n`;
    const room = writeRoom({ 'a.md': table('HARBOR CRM', 'Saas'), 'b.md': table('Harbor CRM', 'SaaS') });
    const { database, repos } = tempDatabase();
    const first = await analyse(database, room);
    const hosting = (runId: number) => repos.facts.list({ runId, attribute: 'app_hosting' }).rows.map((f) => `${f.subjectName}: ${f.valueText}`);
    expect(hosting(first.runId)).toEqual(['HARBOR CRM: Saas']);
    rmSync(path.join(room, 'a.md'));
    const second = await analyse(database, room);
    expect(ledger(database.sqlite, second.runId)).toEqual([{ path: 'b.md', change: 'unchanged', reusedFrom: first.runId, status: 'done' }]);
    expect(hosting(second.runId)).toEqual(['Harbor CRM: SaaS']);
    const fresh = tempDatabase();
    const reference = await analyse(fresh.database, room);
    expect(runContent(database.sqlite, second.runId)).toEqual(runContent(fresh.database.sqlite, reference.runId));
  });

  it('equals a fresh analysis when documents that stated facts first are removed or changed (insurer room)', async () => {
    // The insurer's documents state some facts in other words ("SaaS"/"Saas") and with other confidence.
    const room = copyRoom(sample('great-insurance'));
    const { database } = tempDatabase();
    await analyse(database, room, { name: 'GI', asOfDate: AS_OF });
    rmSync(path.join(room, 'Great_Insurance_Document_1_Executive_IT_Profile.md'));
    const changed = path.join(room, 'Great_Insurance_Document_5_Security_IAM_Compliance_Inventory.md');
    writeFileSync(changed, `${readFileSync(changed, 'utf8')}\n- Total IT Staff: 57 FTEs\n`);
    const second = await analyse(database, room, { name: 'GI', asOfDate: AS_OF });
    const fresh = tempDatabase();
    const reference = await analyse(fresh.database, room, { name: 'GI', asOfDate: AS_OF });
    expect(runContent(database.sqlite, second.runId)).toEqual(runContent(fresh.database.sqlite, reference.runId));
    const changes = ledger(database.sqlite, second.runId) as Array<{ path: string; change: string; reusedFrom: number | null }>;
    expect(changes.filter((c) => c.change !== 'unchanged').map((c) => [c.path, c.change])).toEqual([['Great_Insurance_Document_5_Security_IAM_Compliance_Inventory.md', 'changed']]);
    expect(changes.filter((c) => c.reusedFrom === null).map((c) => c.path)).toEqual(['Great_Insurance_Document_5_Security_IAM_Compliance_Inventory.md']);
  });

  it('records removed documents, and parses again when the engine differs or no text was stored', async () => {
    const room = writeRoom({ 'a.txt': 'IT OVERVIEW\n\n- Total IT Staff: 12 FTEs\n', 'b.txt': 'IT OVERVIEW\n\n- IT Budget (Annual): $2.4M\n' });
    const { database, repos } = tempDatabase();
    const first = await analyse(database, room);
    rmSync(path.join(room, 'b.txt'));
    writeFileSync(path.join(room, 'c.txt'), 'IT OVERVIEW\n\n- MFA enforced for 80% of users\n');
    const second = await analyse(database, room);
    const changes = repos.documentChanges.ofRun(second.runId);
    expect(changes.map((c) => [c.relativePath, c.change])).toEqual([
      ['a.txt', 'unchanged'],
      ['b.txt', 'removed'],
      ['c.txt', 'new'],
    ]);
    expect(changes.find((c) => c.change === 'unchanged')!.reusedFromRunId).toBe(first.runId);
    // A run by another engine version is no source; neither is a document whose text was never stored.
    database.sqlite.prepare("UPDATE analysis_runs SET engine_version = 'older' WHERE id IN (?, ?)").run(first.runId, second.runId);
    const third = await analyse(database, room);
    expect((ledger(database.sqlite, third.runId) as Array<{ reusedFrom: number | null }>).every((r) => r.reusedFrom === null)).toBe(true);
    database.sqlite.prepare('UPDATE documents SET text_chunks = NULL').run();
    const fourth = await analyse(database, room);
    expect((ledger(database.sqlite, fourth.runId) as Array<{ reusedFrom: number | null }>).every((r) => r.reusedFrom === null)).toBe(true);
    expect(runContent(database.sqlite, fourth.runId)).toEqual(runContent(database.sqlite, third.runId));
    expect(repos.runs.get(fourth.runId)!.baselineRunId).toBe(third.runId);
  });
});
