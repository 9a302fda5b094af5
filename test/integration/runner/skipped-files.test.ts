import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DealData } from '../../../src-main/deal-data/deal-data';
import { createRepositories } from '../../../src-main/repositories';
import { analyse, writeRoom } from '../../support/rooms';
import { tempDatabase, tempDir } from '../../support/temp';

// A deal team must see what the tool did not read: every file the walk passed over is recorded
// on the run with its reason, and the rest of the room is analysed as usual.

describe('files a run does not analyse', () => {
  it('are recorded on the run with a specific reason, in path order', async () => {
    const room = writeRoom({
      'inventory.md': '| Application | Vendor |\n|---|---|\n| Salesforce | Salesforce |\n',
      'legacy/contracts.doc': 'old word file',
      'legacy/budget.xls': 'old excel file',
      'board deck.pptx': 'slides',
      'Makefile': 'no extension',
      '.DS_Store': 'hidden: not a document of the room at all',
    });
    const outside = path.join(tempDir('dd-outside-'), 'secret.txt');
    writeFileSync(outside, 'outside the room');
    symlinkSync(outside, path.join(room, 'link-out.txt'));
    execFileSync('mkfifo', [path.join(room, 'queue.pipe')]);

    const { database } = tempDatabase();
    const result = await analyse(database, room);
    expect(result.status).toBe('completed');
    const repos = createRepositories(database.db);
    expect(repos.runs.skippedFiles(result.runId)).toEqual([
      { relativePath: 'Makefile', reason: 'no file extension, so no known document type' },
      { relativePath: 'board deck.pptx', reason: 'unsupported file type .pptx' },
      { relativePath: 'legacy/budget.xls', reason: 'unsupported file type .xls' },
      { relativePath: 'legacy/contracts.doc', reason: 'unsupported file type .doc' },
      { relativePath: 'link-out.txt', reason: 'symbolic link pointing outside the data room' },
      { relativePath: 'queue.pipe', reason: 'not a regular file (a pipe, socket or device)' },
    ]);
    expect(repos.runs.documentCounts(result.runId)).toMatchObject({ total: 1, done: 1 });
    // The window reads them through the same scope as every page (latest completed run by default).
    const shown = new DealData(database.db).skippedFiles({ dealId: result.dealId });
    expect(shown.scope).toMatchObject({ mode: 'latest_completed', run: { runNumber: 1 } });
    expect(shown.files.map((f) => f.path)).toEqual(['Makefile', 'board deck.pptx', 'legacy/budget.xls', 'legacy/contracts.doc', 'link-out.txt', 'queue.pipe']);

    // A second run records its own list; the first run's stays as it was.
    writeFileSync(path.join(room, 'notes.rtf'), '{\\rtf1 notes}');
    const second = await analyse(database, room);
    expect(repos.runs.skippedFiles(second.runId).map((f) => f.relativePath)).toContain('notes.rtf');
    expect(repos.runs.skippedFiles(result.runId).map((f) => f.relativePath)).not.toContain('notes.rtf');
    expect(new DealData(database.db).skippedFiles({ dealId: result.dealId, runNumber: 1 }).files.map((f) => f.path)).not.toContain('notes.rtf');
    expect(new DealData(database.db).skippedFiles({ dealId: result.dealId }).files.map((f) => f.path)).toContain('notes.rtf');
  });
});
