// Search (issue 6, item 4): FTS5 over document text and facts, scoped to one run, results that
// point at the document location, and user input that can never break the query.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../../src-main/db/open';
import { createRepositories } from '../../../src-main/repositories';
import { ftsQuery } from '../../../src-main/repositories/search';
import { searchDeal } from '../../../src-main/services/search';
import { analyse, writeRoom } from '../../support/rooms';
import { sample } from '../../support/paths';
import { suiteDatabase } from '../../support/suite-db';
import { tempDir } from '../../support/temp';

let database: AppDatabase;
let dealId: number;

beforeAll(async () => {
  const suite = suiteDatabase('dd-search-');
  database = suite.database;
  const first = await analyse(database, sample('atlas-v1'), { name: 'Atlas', asOfDate: '2026-02-01' });
  await analyse(database, sample('atlas-v2'), { name: 'Atlas', asOfDate: '2026-02-01' });
  dealId = first.dealId;
  return suite.dispose;
});

/** FTS5's own check: every indexed row matches its content row and every content row is indexed. */
function expectIndexesConsistent(db: AppDatabase): void {
  for (const table of ['document_chunks_fts', 'facts_fts']) {
    expect(() => db.sqlite.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run()).not.toThrow();
  }
}

describe('full-text search', () => {
  it('finds document text with its location and the matched words marked', () => {
    const result = searchDeal(database.db, { dealId, text: 'harold jenkins' });
    expect(result.run?.runNumber).toBe(2);
    const hit = result.documents[0]!;
    expect(hit.relativePath).toBe('it_discovery_followup.txt');
    expect(hit.location.line).toBeGreaterThan(0);
    expect(hit.highlights.map(([s, e]) => hit.snippet.slice(s, e).toLowerCase())).toEqual(expect.arrayContaining(['harold', 'jenkins']));
  });

  it('searches as the user types: the last word is a prefix', () => {
    const hits = searchDeal(database.db, { dealId, text: 'mandi' }).documents;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.snippet).toMatch(/Mandiant/);
  });

  it('finds facts by subject, attribute and value, each with the place that states it', () => {
    const { facts } = searchDeal(database.db, { dealId, text: 'vsphere' });
    expect(facts.length).toBeGreaterThan(0);
    for (const fact of facts) {
      expect(`${fact.subjectName} ${fact.attribute} ${fact.valueText}`.toLowerCase()).toMatch(/vsphere/);
      expect(fact.source?.relativePath).toMatch(/\.txt$/);
      expect(fact.source?.location.line ?? fact.source?.location.page).toBeGreaterThan(0);
      expect(fact.source?.quote).toBeTruthy();
    }
  });

  it('is scoped to one run: what only the follow-up memo says is not found in run 1', () => {
    expect(searchDeal(database.db, { dealId, runNumber: 1, text: 'mandiant' }).documents).toEqual([]);
    expect(searchDeal(database.db, { dealId, runNumber: 2, text: 'mandiant' }).documents.length).toBeGreaterThan(0);
    // Unchanged documents were not parsed again in run 2, yet their text is found in both runs.
    const inBoth = [1, 2].map((runNumber) => searchDeal(database.db, { dealId, runNumber, text: 'vsphere' }).documents.map((d) => d.relativePath));
    expect(inBoth[0]).toEqual(inBoth[1]);
    expectIndexesConsistent(database);
  });

  it('takes any input literally: FTS syntax, quotes, punctuation and nothing at all', () => {
    for (const text of ['"', 'AND OR NOT', 'NEAR(a b)', 'col:value', '*', '   ', '-', "'; DROP TABLE facts; --", 'a"b']) {
      expect(() => searchDeal(database.db, { dealId, text })).not.toThrow();
    }
    expect(searchDeal(database.db, { dealId, text: '  ' })).toMatchObject({ documents: [], facts: [] });
    expect(ftsQuery('AS/400 "iSeries" OR')).toBe('"AS" "400" "iSeries" "OR"*');
    expect(searchDeal(database.db, { dealId, text: 'AS/400' }).documents.length).toBeGreaterThan(0);
  });

  it('ignores accents and case, and its index follows deleted text', async () => {
    const db = openDatabase(path.join(tempDir(), 'accents.sqlite'));
    try {
      const room = writeRoom({ 'memo.txt': 'SITES\n\n- Primary data centre: Zürich, Équinix ZH4\n' });
      const run = await analyse(db, room, { name: 'Accents' });
      expect(searchDeal(db.db, { dealId: run.dealId, text: 'zurich equinix' }).documents).toHaveLength(1);
      // A failed re-parse takes the text out of the index, which stays consistent with its content.
      const documentId = db.sqlite.prepare('SELECT id FROM documents').pluck().get() as number;
      createRepositories(db.db).documentText.clear(documentId);
      expect(searchDeal(db.db, { dealId: run.dealId, text: 'zurich' }).documents).toHaveLength(0);
      expectIndexesConsistent(db);
    } finally {
      db.close();
    }
  });
});
