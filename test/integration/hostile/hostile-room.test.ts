// A data room seeded with hostile files, analysed through the real runner: every hostile file
// becomes exactly one failed document with a specific error, every ordinary document is analysed,
// the run completes, and the process's memory stays bounded although the bombs would expand to
// hundreds of megabytes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../src-main/repositories';
import { writeGeneratedRoom } from '../../support/generated-room';
import { analyse } from '../../support/rooms';
import { tempDatabase, tempDir } from '../../support/temp';
import {
  csvHugeField,
  csvManyRecords,
  csvOfSize,
  csvUnclosedQuote,
  docxLyingSizes,
  docxRatioBomb,
  pdfNestedDictionaries,
  pdfPageTreeLoop,
  xlsxHugeMarkup,
  xlsxRatioBomb,
} from './builders';
import { sampleMemory } from './memory';

/** Each hostile file, the error code it must fail with, and words its message must contain. */
const HOSTILE: Array<{ file: string; build: () => string | Buffer; code: string; message: RegExp }> = [
  { file: 'hostile/bomb.docx', build: docxRatioBomb, code: 'too_large', message: /expands to 64 MiB \(possible zip bomb\)/ },
  { file: 'hostile/lying-sizes.docx', build: docxLyingSizes, code: 'too_large', message: /expands beyond the sizes it declares \(possible zip bomb\)/ },
  { file: 'hostile/bomb.xlsx', build: xlsxRatioBomb, code: 'too_large', message: /expands to 48 MiB \(possible zip bomb\)/ },
  { file: 'hostile/huge-markup.xlsx', build: () => xlsxHugeMarkup(72), code: 'too_large', message: /expands to 7\d MiB of document markup, over the 64 MiB/ },
  { file: 'hostile/huge-field.csv', build: csvHugeField, code: 'too_large', message: /has a field of 2(\.0)? MiB at line 2, over the 1(\.0)? MiB limit/ },
  { file: 'hostile/unclosed-quote.csv', build: csvUnclosedQuote, code: 'too_large', message: /has a record over 4(\.0)? MiB.*unclosed quote/ },
  { file: 'hostile/many-records.csv', build: () => csvManyRecords(60_000), code: 'too_large', message: /more than 50,000 records/ },
  { file: 'hostile/cmdb-export.csv', build: () => csvOfSize(40), code: 'too_large', message: /is too large \(40 MiB\); the limit for a CSV, Markdown or text file is 32 MiB/ },
  { file: 'hostile/nested.pdf', build: () => pdfNestedDictionaries(100_000), code: 'corrupt_file', message: /nested too deeply to read safely/ },
  { file: 'hostile/page-tree-loop.pdf', build: pdfPageTreeLoop, code: 'corrupt_file', message: /circular reference/ },
];

describe('a data room with hostile files', () => {
  it('fails each hostile file with its own error, analyses the rest, and keeps memory bounded', async () => {
    const room = tempDir('dd-hostile-');
    const ordinary = writeGeneratedRoom(room, 6);
    for (const { file, build } of HOSTILE) {
      const target = path.join(room, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, build());
    }
    const { database } = tempDatabase();

    const memory = sampleMemory();
    const result = await analyse(database, room);
    const peak = memory.stop();
    console.log(`hostile room: peak RSS +${Math.round(peak.rssGrowthBytes / 1048576)} MB, external +${Math.round(peak.externalGrowthBytes / 1048576)} MB (kernel peak: ${peak.kernelPeak})`);

    expect(result.status).toBe('completed');
    const repos = createRepositories(database.db);
    const docs = repos.documents.listForRun(result.runId, {}, { limit: 500 }).rows;
    expect(docs).toHaveLength(ordinary.length + HOSTILE.length);

    for (const { file, code, message } of HOSTILE) {
      const doc = docs.find((d) => d.document.relativePath === file);
      expect(doc, file).toBeDefined();
      expect({ file, status: doc!.document.status, code: doc!.document.errorCode }).toEqual({ file, status: 'failed', code });
      expect(doc!.document.error, file).toMatch(message);
    }
    for (const file of ordinary) {
      const doc = docs.find((d) => d.document.relativePath === file)!;
      expect({ file, status: doc.document.status }).toEqual({ file, status: 'parsed' });
      expect(doc.evidenceCount, file).toBeGreaterThan(0);
    }
    expect(repos.facts.count({ runId: result.runId })).toBeGreaterThan(0);

    // Unguarded, the bombs alone would inflate to 64 + 32 + 48 MB and the markup to ~900 MB of
    // objects; the 40 MB CSV would be held three times over. Guarded, the run stays far below.
    expect(peak.rssGrowthBytes).toBeLessThan(300 * 1024 * 1024);
    expect(peak.externalGrowthBytes).toBeLessThan(160 * 1024 * 1024);
  });
});
