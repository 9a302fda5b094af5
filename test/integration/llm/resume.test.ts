// A run with the model on, killed (SIGKILL) while waiting for an answer, resumes without asking
// again what was already answered: finished documents are skipped, answered parts of the document
// in progress come from the cache; and the result equals an uninterrupted run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recoverOrphanedRuns } from '../../../src-main/analysis/runner/ownership';
import { requestSha256 } from '../../../src-main/analysis/llm/extractor';
import { resumeAnalysis } from '../../../src-main/analysis/runner/runner';
import { openDatabase } from '../../../src-main/db/open';
import { createRepositories } from '../../../src-main/repositories';
import { REPO_ROOT } from '../../support/paths';
import { analyse, writeRoom } from '../../support/rooms';
import { runContent } from '../../support/snapshot';
import { onCleanup, tempDir } from '../../support/temp';
import { factsIn, startFakeOpenAi, type CannedFact, type FakeServer } from './fake-openai';
import { evidenceOf, FAITHFUL, ledgerOf, MEMO, testConfig } from './support';

const VENDORS = ['Acme Logistics', 'Borealis Print', 'Cobalt Facilities', 'Delta Telecom', 'Emberline Security'];
const BRAVO = ['# Bravo vendors', '', ...VENDORS.flatMap((v) => [`Bravo relies on ${v} for outsourced services under a rolling agreement reviewed each year.`, ''])].join('\n');
const BRAVO_FACTS: CannedFact[] = VENDORS.map((v) => ({ domain: 'organization', attribute: 'vendor_service', subject: v, value: 'outsourced services', quote: `Bravo relies on ${v} for outsourced services` }));
const CANNED = [...FAITHFUL, ...BRAVO_FACTS];
const MAX_PART_CHARS = 200;

let server: FakeServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('a killed run with the model on', () => {
  it('resumes without repeating a finished call, and equals an uninterrupted run', async () => {
    const room = writeRoom({ 'a-memo.md': MEMO, 'b-bravo.md': BRAVO, 'c-charlie.md': '# Charlie\n\nCharlie pays its 85 employees through Gusto payroll.\n' });
    let hanging = false;
    let hung!: () => void;
    const hungAt = new Promise<void>((resolve) => (hung = resolve));
    server = await startFakeOpenAi((req) => {
      // The second part of the bravo document never gets an answer: the process is killed waiting.
      if (req.user.includes(`Bravo relies on ${VENDORS[1]}`) && !hanging) {
        hanging = true;
        hung();
        return { hang: true };
      }
      return { facts: factsIn(req.user, CANNED) };
    });

    const dbFile = path.join(tempDir(), 'killed.sqlite');
    const script = path.join(REPO_ROOT, 'test/integration/llm/fixtures/run-with-model.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, dbFile, room, server.url, String(MAX_PART_CHARS)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    onCleanup(() => child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    await Promise.race([hungAt, exited.then(() => Promise.reject(new Error(`The child exited early: ${stderr}`)))]);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(stdout).toContain('DOC a-memo.md');
    expect(stdout).not.toContain('DOC b-bravo.md');

    const hungPart = server.requests.at(-1)!.part;
    const askedAfter = server.requests.length;

    const database = openDatabase(dbFile);
    try {
      // What the killed process had been answered and kept: every part asked before the kill but the hung one.
      const cached = new Set(database.sqlite.prepare('SELECT request_sha256 FROM llm_responses').pluck().all() as string[]);
      expect(cached.size).toBeGreaterThanOrEqual(3);
      expect(server.requests.slice(0, -1).every((r) => cached.has(requestSha256(r.user)))).toBe(true);
      const repos = createRepositories(database.db);
      const [orphan] = recoverOrphanedRuns(repos);
      expect(orphan).toBeDefined();
      const result = await resumeAnalysis({ database, runId: orphan!.id, llm: { apiKey: null } });
      expect(result.status).toBe('completed');

      const resumedRequests = server.requests.slice(askedAfter);
      // No part answered before the kill was asked again; the one left hanging was.
      expect(resumedRequests.filter((r) => cached.has(requestSha256(r.user)))).toEqual([]);
      expect(resumedRequests.map((r) => r.part)).toContain(hungPart);

      const ledger = ledgerOf(database.sqlite, result.runId);
      const bravo = ledger.get('b-bravo.md')!;
      expect(bravo.parts).toBeGreaterThan(2);
      expect(bravo).toMatchObject({ status: 'ok', cacheHits: 1, calls: bravo.parts - 1, kept: VENDORS.length });
      // The memo finished before the kill: its ledger row is the killed process's, never redone.
      const memo = ledger.get('a-memo.md')!;
      expect(memo).toMatchObject({ status: 'ok', calls: memo.parts, cacheHits: 0 });

      // Equal to a run that was never interrupted (same answers), evidence sources included.
      const reference = openDatabase(path.join(tempDir(), 'reference.sqlite'));
      try {
        const uninterrupted = await analyse(reference, room, { name: 'Killed with a model' }, { llm: { config: testConfig(server.url, { maxPartChars: MAX_PART_CHARS }) } });
        expect(runContent(database.sqlite, result.runId)).toEqual(runContent(reference.sqlite, uninterrupted.runId));
        const sources = (sqlite: typeof database.sqlite, runId: number) => evidenceOf(sqlite, runId).map((e) => [e.path, e.attribute, e.value, e.line, e.source]);
        expect(sources(database.sqlite, result.runId)).toEqual(sources(reference.sqlite, uninterrupted.runId));
      } finally {
        reference.close();
      }
    } finally {
      database.close();
    }
  });
});
