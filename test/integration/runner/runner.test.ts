import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataRoomError } from '../../../src-main/analysis/ingest/walk';
import { currentOwner } from '../../../src-main/analysis/runner/ownership';
import { RunConflictError, startAnalysis } from '../../../src-main/analysis/runner/runner';
import { analyse, writeRoom } from '../../support/rooms';
import { tempDatabase, tempDir } from '../../support/temp';

const inventory = [
  '# Application inventory',
  '',
  '| Application | Vendor | Version | Hosting | Users | Annual Cost |',
  '|---|---|---|---|---:|---:|',
  '| Ledgerline ERP | Ledgerline | 9.2 | On Prem | 420 | $180,000 |',
  '| Harbor CRM | Harborsoft | 2024 | SaaS | 150 | $60,000 |',
  '',
].join('\n');
const memo = ['IT OVERVIEW', '', '- Total IT Staff: 12 FTEs', '- IT Budget (Annual): $2.4M', '- MFA enforced for 80% of users', ''].join('\n');

describe('analysis runner', () => {
  it('creates the run row before any work, as running with engine version and settings', async () => {
    const { database, repos } = tempDatabase();
    const room = writeRoom({ 'apps.md': inventory });
    const seen: Array<{ status: string; engine: string; settings: string }> = [];
    await analyse(database, room, {}, {
      onEvent: (event) => {
        if (event.type === 'started') {
          const run = repos.runs.get(event.runId)!;
          seen.push({ status: run.status, engine: run.engineVersion, settings: run.settings });
        }
      },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.status).toBe('running');
    expect(seen[0]!.engine).toMatch(/^extract-\d+\+rules-/);
    expect(JSON.parse(seen[0]!.settings)).toMatchObject({ asOfDate: '2026-02-01', dealType: 'acquisition' });
  });

  it('records every document with hash, size and kind, and completes with facts that cite a location', async () => {
    const { database, repos } = tempDatabase();
    const room = writeRoom({ 'apps.md': inventory, 'notes/memo.txt': memo });
    const result = await analyse(database, room);
    expect(result.status).toBe('completed');
    const docs = repos.documents.listForRun(result.runId).rows;
    expect(docs.map((d) => [d.document.relativePath, d.document.kind, d.document.status, d.runStatus])).toEqual([
      ['apps.md', 'markdown', 'parsed', 'done'],
      ['notes/memo.txt', 'text', 'parsed', 'done'],
    ]);
    expect(docs[0]!.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(docs[0]!.document.sizeBytes).toBe(Buffer.byteLength(inventory));
    const facts = repos.facts.recordsForRun(result.runId);
    expect(facts.length).toBeGreaterThan(5);
    for (const fact of facts) {
      expect(fact.evidence.length).toBeGreaterThan(0);
      for (const ev of fact.evidence) {
        expect(ev.documentPath).toMatch(/apps\.md|memo\.txt/);
        expect(ev.location.line ?? ev.location.page ?? ev.location.row).toBeGreaterThan(0);
      }
    }
    const run = repos.runs.get(result.runId)!;
    expect(run).toMatchObject({ status: 'completed', phase: 'done', docsTotal: 2, docsDone: 2, docsFailed: 0 });
    expect(run.factCount).toBe(facts.length);
    expect(run.gapCount).toBeGreaterThan(0);
  });

  it('gives a second run of the same room number 2 and identical stable keys', async () => {
    const { database, repos } = tempDatabase();
    const room = writeRoom({ 'apps.md': inventory, 'memo.txt': memo });
    const first = await analyse(database, room);
    const second = await analyse(database, room);
    expect(repos.runs.get(second.runId)!.runNumber).toBe(2);
    const keys = (runId: number) => repos.facts.recordsForRun(runId).map((f) => f.stableKey);
    expect(keys(second.runId)).toEqual(keys(first.runId));
    // The same files are the same document rows: versions only change with content.
    expect(repos.documents.listForRun(second.runId).rows.map((r) => r.document.id)).toEqual(repos.documents.listForRun(first.runId).rows.map((r) => r.document.id));
  });

  it('records a changed file as a new version of the document', async () => {
    const { database, repos } = tempDatabase();
    const room = writeRoom({ 'memo.txt': memo });
    const first = await analyse(database, room);
    writeFileSync(path.join(room, 'memo.txt'), memo.replace('12 FTEs', '14 FTEs'));
    const second = await analyse(database, room);
    const v1 = repos.documents.listForRun(first.runId).rows[0]!.document;
    const v2 = repos.documents.listForRun(second.runId).rows[0]!.document;
    expect(v2.version).toBe(2);
    expect(v2.previousVersionId).toBe(v1.id);
  });

  it('turns each bad file into one failed document with a specific error and analyses the rest', async () => {
    const { database, repos } = tempDatabase();
    const room = writeRoom({
      'apps.md': inventory,
      'broken.pdf': Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref or trailer'),
      'empty.txt': '',
      'binary.txt': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
      // An encrypted Office document is an OLE compound file, not a zip.
      'locked.docx': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]),
    });
    const result = await analyse(database, room);
    expect(result.status).toBe('completed');
    const byPath = Object.fromEntries(repos.documents.listForRun(result.runId).rows.map((r) => [r.document.relativePath, r.document]));
    expect(byPath['apps.md']!.status).toBe('parsed');
    expect(byPath['broken.pdf']).toMatchObject({ status: 'failed', errorCode: 'corrupt_file' });
    expect(byPath['empty.txt']).toMatchObject({ status: 'failed', errorCode: 'empty_file' });
    expect(byPath['binary.txt']).toMatchObject({ status: 'failed', errorCode: 'binary_content' });
    expect(byPath['locked.docx']).toMatchObject({ status: 'failed', errorCode: 'encrypted_file' });
    for (const doc of Object.values(byPath).filter((d) => d.status === 'failed')) expect(doc.error).toBeTruthy();
    expect(repos.runs.get(result.runId)).toMatchObject({ docsTotal: 5, docsDone: 5, docsFailed: 4 });
  });

  it('skips hidden files and symlinks that leave the data room', async () => {
    const { database, repos } = tempDatabase();
    const outside = path.join(tempDir(), 'secret.txt');
    writeFileSync(outside, memo);
    const room = writeRoom({ 'apps.md': inventory, '.hidden.md': inventory, '.git/config.txt': memo });
    symlinkSync(outside, path.join(room, 'escape.txt'));
    symlinkSync(path.join(room, 'apps.md'), path.join(room, 'inside-link.md'));
    const result = await analyse(database, room);
    expect(repos.documents.listForRun(result.runId).rows.map((r) => r.document.relativePath)).toEqual(['apps.md', 'inside-link.md']);
  });

  it('refuses a missing or empty folder before creating a run', async () => {
    const { database, repos } = tempDatabase();
    const deal = repos.deals.create({ name: 'x', dealType: 'acquisition', asOfDate: '2026-01-01' });
    await expect(startAnalysis({ database, dealId: deal.id, dataRoomPath: path.join(tempDir(), 'nope') })).rejects.toThrow(/does not exist/);
    await expect(startAnalysis({ database, dealId: deal.id, dataRoomPath: writeRoom({ 'readme.bin': 'x' }) })).rejects.toThrow(DataRoomError);
    expect(repos.runs.list(deal.id)).toEqual([]);
  });

  it('refuses a second run on a deal while one is in progress', async () => {
    const { database, repos } = tempDatabase();
    const room = writeRoom({ 'a.md': inventory });
    const deal = repos.deals.create({ name: 'Busy', dealType: 'acquisition', asOfDate: '2026-02-01' });
    repos.runs.create(deal.id, 'test', {}, currentOwner());
    await expect(startAnalysis({ database, dealId: deal.id, dataRoomPath: room })).rejects.toThrow(RunConflictError);
    await expect(startAnalysis({ database, dealId: deal.id, dataRoomPath: room })).rejects.toThrow(/already has run 1 in progress/);
    expect(repos.runs.list(deal.id)).toHaveLength(1);
  });

  it('does not let a dead process or a stale heartbeat hold the deal forever', async () => {
    const { database, repos } = tempDatabase();
    const room = writeRoom({ 'a.md': inventory });
    const deal = repos.deals.create({ name: 'Orphaned', dealType: 'acquisition', asOfDate: '2026-02-01' });
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const byDeadProcess = repos.runs.create(deal.id, 'test', {}, { pid: dead, host: currentOwner().host });
    const stale = repos.runs.create(deal.id, 'test', {}, { pid: process.pid, host: 'another-laptop' });
    database.sqlite.prepare("UPDATE analysis_runs SET heartbeat_at = '2026-01-01T00:00:00.000Z' WHERE id = ?").run(stale.id);
    const result = await startAnalysis({ database, dealId: deal.id, dataRoomPath: room });
    expect(result).toMatchObject({ status: 'completed', runNumber: 3 });
    expect(repos.runs.get(byDeadProcess.id)).toMatchObject({ status: 'interrupted' });
    expect(repos.runs.get(byDeadProcess.id)!.error).toMatch(new RegExp(`pid ${dead} .* ended before it finished`));
    expect(repos.runs.get(stale.id)!.error).toMatch(/no heartbeat since 2026-01-01/);
  });

  it('cancels between documents, keeping what was committed', async () => {
    const { database, repos } = tempDatabase();
    const room = writeRoom({ 'a.md': inventory, 'b.txt': memo, 'c.md': inventory.replace(/Ledgerline/g, 'Quayside') });
    const controller = new AbortController();
    const result = await analyse(database, room, {}, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'document') controller.abort();
      },
    });
    expect(result.status).toBe('cancelled');
    const docs = repos.documents.listForRun(result.runId).rows;
    expect(docs.filter((d) => d.runStatus === 'done')).toHaveLength(1);
    expect(repos.facts.count({ runId: result.runId })).toBeGreaterThan(0);
  });
});
