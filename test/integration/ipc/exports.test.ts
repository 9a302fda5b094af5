// Exports and deal archives through the contract: the deal and run are checked before any dialog,
// the file comes from the shell's dialog (never from the window), a cancel is not an error, the
// PDF goes through the shell's printer, and an archive imports under a free name only.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, Output } from '../../../src-shared/contract';
import { createBackend, type Backend } from '../../../src-main/ipc/backend';
import type { Platform } from '../../../src-main/ipc/handlers';
import { analyse } from '../../support/rooms';
import { sample } from '../../support/paths';
import { suiteDatabase } from '../../support/suite-db';
import { tempDir } from '../../support/temp';

const TRUSTED = { senderUrl: 'app://renderer/index.html' };
let dealId: number;
let dbFile: string;
let dispose: () => void;
const backends: Backend[] = [];
let nextFile: string | null = null;
const asked: Array<{ title: string; defaultName?: string }> = [];
const printed: string[] = [];

const desktop: Platform = {
  shell: 'electron',
  canPickFolder: true,
  pickFolder: async () => null,
  saveFile: async (options) => {
    asked.push(options);
    return nextFile;
  },
  openFile: async (options) => {
    asked.push(options);
    return nextFile;
  },
  printToPdf: async (html, pdf) => {
    printed.push(readFileSync(html, 'utf8'));
    writeFileSync(pdf, '%PDF-fake');
  },
};

function backend(platform: Platform): Backend {
  const b = createBackend({
    dbFile,
    demoDir: null,
    spawnWorker: () => {
      throw new Error('No run starts here.');
    },
    platform,
    isTrustedSender: (url) => url === TRUSTED.senderUrl,
    app: { name: 'Diligence Desk', version: 'test' },
  });
  backends.push(b);
  return b;
}

async function call<C extends ChannelName>(b: Backend, channel: C, input: unknown): Promise<Output<C>> {
  const reply = await b.router.dispatch({ channel, input }, TRUSTED);
  if (!reply.ok) throw Object.assign(new Error(`${channel}: ${reply.error.code} ${reply.error.message}`), { code: reply.error.code });
  return reply.data as Output<C>;
}

async function code(b: Backend, channel: ChannelName, input: unknown): Promise<string> {
  const reply = await b.router.dispatch({ channel, input }, TRUSTED);
  return reply.ok ? 'ok' : reply.error.code;
}

beforeAll(async () => {
  const suite = suiteDatabase('dd-ipc-export-');
  dispose = suite.dispose;
  dbFile = suite.file;
  dealId = (await analyse(suite.database, sample('atlas-v1'), { name: 'Atlas', asOfDate: '2026-02-01' })).dealId;
}, 120_000);

afterAll(async () => {
  for (const b of backends) await b.close();
  dispose?.();
});

describe('exports through the contract', () => {
  it('writes the workbook and the HTML report where the user chose, suggesting a file name', async () => {
    const app = backend(desktop);
    const info = await call(app, 'app.info', {});
    expect(info).toMatchObject({ canSaveFiles: true, canPrintPdf: true });
    const dir = tempDir('dd-exports-');
    nextFile = path.join(dir, 'atlas.xlsx');
    asked.length = 0;
    expect(await call(app, 'exports.workbook', { dealId })).toEqual({ file: nextFile });
    expect(asked[0]?.defaultName).toBe('Atlas - run 1.xlsx');
    expect(readFileSync(nextFile).subarray(0, 2).toString()).toBe('PK');

    nextFile = path.join(dir, 'atlas.html');
    expect(await call(app, 'exports.report', { dealId, runNumber: 1, format: 'html' })).toEqual({ file: nextFile });
    expect(readFileSync(nextFile, 'utf8')).toMatch(/<html[\s>]/);
  });

  it('prints the PDF from the report HTML through the shell, leaving no temporary file behind', async () => {
    const app = backend(desktop);
    const file = path.join(tempDir('dd-exports-'), 'atlas.pdf');
    nextFile = file;
    printed.length = 0;
    expect(await call(app, 'exports.report', { dealId, format: 'pdf' })).toEqual({ file });
    expect(readFileSync(file, 'utf8')).toBe('%PDF-fake');
    expect(printed[0]).toMatch(/<html[\s>]/);
    expect(printed[0]).not.toMatch(/<script/i);
  });

  it('a cancelled dialog writes nothing and is no error; a bad deal or run fails before the dialog', async () => {
    const app = backend(desktop);
    nextFile = null;
    expect(await call(app, 'exports.workbook', { dealId })).toEqual({ file: null });
    expect(await call(app, 'deals.importArchive', {})).toEqual({ deal: null });
    asked.length = 0;
    expect(await code(app, 'exports.workbook', { dealId: dealId + 100 })).toBe('not_found');
    expect(await code(app, 'exports.report', { dealId, runNumber: 7, format: 'html' })).toBe('not_found');
    expect(asked).toEqual([]);
  });

  it('without dialogs (the dev bridge) exports are unavailable, and say so', async () => {
    const bridge = backend({ shell: 'bridge', canPickFolder: false, pickFolder: async () => null });
    expect(await call(bridge, 'app.info', {})).toMatchObject({ canSaveFiles: false, canPrintPdf: false });
    for (const [channel, input] of [
      ['exports.workbook', { dealId }],
      ['exports.report', { dealId, format: 'pdf' }],
      ['deals.exportArchive', { dealId }],
      ['deals.importArchive', {}],
    ] as const) {
      expect(await code(bridge, channel, input)).toBe('unavailable');
    }
  });
});

describe('deal archives through the contract', () => {
  it('exports the deal and imports it under a free name only', async () => {
    const app = backend(desktop);
    const file = path.join(tempDir('dd-archive-'), 'atlas.ddeal');
    nextFile = file;
    asked.length = 0;
    expect(await call(app, 'deals.exportArchive', { dealId })).toEqual({ file });
    expect(asked[0]?.defaultName).toBe('Atlas.ddeal');
    expect(existsSync(file)).toBe(true);

    expect(await code(app, 'deals.importArchive', {})).toBe('conflict');
    const { deal } = await call(app, 'deals.importArchive', { as: 'Atlas (copy)' });
    expect(deal).toMatchObject({ name: 'Atlas (copy)' });
    const list = await call(app, 'deals.list', {});
    expect(list.deals.map((d) => d.deal.name).sort()).toEqual(['Atlas', 'Atlas (copy)']);
    const copied = await call(app, 'findings.list', { dealId: deal!.id, page: { limit: 1, offset: 0 } });
    const original = await call(app, 'findings.list', { dealId, page: { limit: 1, offset: 0 } });
    expect(copied.total).toBe(original.total);

    nextFile = path.join(tempDir('dd-archive-'), 'not-an-archive.ddeal');
    writeFileSync(nextFile, 'hello');
    expect(await code(app, 'deals.importArchive', { as: 'Other' })).toBe('validation');
  });
});
