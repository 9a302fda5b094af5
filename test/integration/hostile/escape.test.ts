// Paths that escape the data room: symbolic links to files and folders outside it are never read,
// and a document swapped for such a link while the run is going fails instead of leaking the
// outside file's content into the deal.
import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { walkDataRoom } from '../../../src-main/analysis/ingest/walk';
import { createRepositories } from '../../../src-main/repositories';
import { analyse } from '../../support/rooms';
import { tempDatabase, tempDir } from '../../support/temp';

const SECRET = 'OUTSIDE-SECRET';

function outside(): { file: string; dir: string } {
  const base = tempDir('dd-outside-');
  const file = path.join(base, 'secret.md');
  writeFileSync(file, `# ${SECRET}\n\n- Total IT Staff: 999 FTEs\n- IT Budget (Annual): $9.9M\n`);
  const dir = path.join(base, 'private');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'servers.csv'), `Hostname,Operating System\n${SECRET.toLowerCase()}-01,Windows Server 2008\n`);
  return { file, dir };
}

function room(): string {
  const dir = tempDir('dd-escape-room-');
  writeFileSync(path.join(dir, 'profile.md'), '# IT profile\n\n- Total IT Staff: 12 FTEs\n- MFA enforced for 80% of users\n');
  writeFileSync(path.join(dir, 'memo.txt'), 'IT MEMO\n\n- IT Budget (Annual): $2.5M\n');
  return dir;
}

function everythingStored(database: ReturnType<typeof tempDatabase>['database']): string {
  const tables = ['facts', 'fact_evidence', 'subjects', 'documents'];
  return tables.map((t) => JSON.stringify(database.sqlite.prepare(`SELECT * FROM ${t}`).all())).join('\n');
}

describe('paths escaping the data room', () => {
  it('never reads a symbolic link to a file or folder outside the room', async () => {
    const secret = outside();
    const dir = room();
    symlinkSync(secret.file, path.join(dir, 'leak.md'));
    symlinkSync(secret.dir, path.join(dir, 'linked-folder'));
    symlinkSync(path.join(dir, 'profile.md'), path.join(dir, 'alias-inside.md'));

    const listing = await walkDataRoom(dir);
    expect(listing.skipped).toEqual(
      expect.arrayContaining([
        { relativePath: 'leak.md', reason: 'symbolic link pointing outside the data room' },
        { relativePath: 'linked-folder', reason: 'symbolic link pointing outside the data room' },
      ]),
    );
    // A link that stays inside the room is an ordinary document.
    expect(listing.files.map((f) => f.relativePath)).toEqual(['alias-inside.md', 'memo.txt', 'profile.md']);

    const { database } = tempDatabase();
    const result = await analyse(database, dir);
    expect(result.status).toBe('completed');
    expect(everythingStored(database)).not.toContain(SECRET);
    expect(everythingStored(database).toLowerCase()).not.toContain(SECRET.toLowerCase());
    expect(everythingStored(database)).not.toContain('999');
  });

  it('fails a document replaced by a link to an outside file during the run, without reading it', async () => {
    const secret = outside();
    const dir = room();
    const { database } = tempDatabase();
    const result = await analyse(database, dir, {}, {
      onEvent: (event) => {
        // Listed and hashed, not yet parsed: swap the file for a link that leaves the room.
        if (event.type === 'phase' && event.phase === 'documents') {
          renameSync(path.join(dir, 'memo.txt'), path.join(dir, '.memo.bak'));
          symlinkSync(secret.file, path.join(dir, 'memo.txt'));
        }
      },
    });
    expect(result.status).toBe('completed');
    const docs = createRepositories(database.db).documents.listForRun(result.runId).rows;
    const memo = docs.find((d) => d.document.relativePath === 'memo.txt')!;
    expect(memo.document.status).toBe('failed');
    expect(memo.document.errorCode).toBe('changed_during_run');
    expect(docs.find((d) => d.document.relativePath === 'profile.md')!.document.status).toBe('parsed');
    expect(everythingStored(database)).not.toContain(SECRET);
  });
});
