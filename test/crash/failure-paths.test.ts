// Failure paths (issue 3): each ends in a failed run with a specific error (or, for a per-document
// fault, a run that goes on), an intact database and no half-written document.
import Database from 'better-sqlite3';
import { unlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/open';
import { createRepositories } from '../../src-main/repositories';
import { writeGeneratedRoom } from '../support/generated-room';
import { analyse } from '../support/rooms';
import { runContent } from '../support/snapshot';
import { tempDatabase, tempDir } from '../support/temp';

function generatedRoom(count = 12): string {
  const room = path.join(tempDir('dd-fail-room-'), 'room');
  writeGeneratedRoom(room, count, 11);
  return room;
}

/** No document may be partly present: a document has evidence in a run only if the ledger says done. */
function expectNoHalfWrittenDocument(sqlite: Database.Database, runId: number): void {
  const rows = sqlite
    .prepare(
      `SELECT rd.status, rd.evidence_count AS ledger, (SELECT count(*) FROM fact_evidence e WHERE e.run_id = rd.run_id AND e.document_id = rd.document_id) AS actual
         FROM run_documents rd WHERE rd.run_id = ?`,
    )
    .all(runId) as Array<{ status: string; ledger: number; actual: number }>;
  for (const row of rows) expect(row.actual).toBe(row.status === 'done' ? row.ledger : 0);
}

describe('failure paths', () => {
  it('disk full: the run fails saying so, and earlier deals and runs are untouched', async () => {
    const { database, repos } = tempDatabase();
    const earlier = await analyse(database, generatedRoom(6), { name: 'Earlier deal' });
    const before = runContent(database.sqlite, earlier.runId);
    const pages = database.sqlite.pragma('page_count', { simple: true }) as number;
    database.sqlite.pragma(`max_page_count = ${pages + 40}`);
    const result = await analyse(database, generatedRoom(40), { name: 'Big deal' });
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/disk or database is full/);
    database.sqlite.pragma('max_page_count = 1073741823');
    expect(repos.runs.get(result.runId)).toMatchObject({ status: 'failed' });
    expect(repos.runs.get(result.runId)!.error).toMatch(/full/);
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(runContent(database.sqlite, earlier.runId)).toEqual(before);
    expect(repos.runs.get(earlier.runId)!.status).toBe('completed');
    expectNoHalfWrittenDocument(database.sqlite, result.runId);
  });

  it('read-only database: the run fails with a specific error and nothing is half written', async () => {
    const { database, repos } = tempDatabase();
    const result = await analyse(database, generatedRoom(), {}, {
      onEvent: (event) => {
        if (event.type === 'document') database.sqlite.pragma('query_only = ON');
      },
    });
    database.sqlite.pragma('query_only = OFF');
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/read-only/);
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(repos.runs.documentCounts(result.runId).done).toBe(1);
    expectNoHalfWrittenDocument(database.sqlite, result.runId);
  });

  it('database file deleted under the run: it fails with a clear error instead of writing into the void', async () => {
    const { database, file } = tempDatabase();
    const result = await analyse(database, generatedRoom(), {}, {
      onEvent: (event) => {
        if (event.type === 'document') {
          for (const suffix of ['', '-wal', '-shm']) {
            try {
              unlinkSync(file + suffix);
            } catch {
              // the -wal/-shm files may not exist
            }
          }
        }
      },
    });
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/was deleted, moved or replaced while in use/);
  });

  it('database locked by another process: the run fails saying it is locked, then records that', async () => {
    const file = path.join(tempDir(), 'locked.sqlite');
    const database = openDatabase(file, { busyTimeoutMs: 200 });
    const other = new Database(file);
    let released = false;
    const result = await analyse(database, generatedRoom(), {}, {
      onEvent: (event) => {
        if (event.type === 'document' && !released) {
          other.exec('BEGIN EXCLUSIVE');
          released = true;
          setTimeout(() => other.exec('COMMIT'), 1500);
        }
      },
    });
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/locked by another process/);
    const repos = createRepositories(database.db);
    expect(repos.runs.get(result.runId)).toMatchObject({ status: 'failed' });
    expect(database.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expectNoHalfWrittenDocument(database.sqlite, result.runId);
    other.close();
    database.close();
  });
});
