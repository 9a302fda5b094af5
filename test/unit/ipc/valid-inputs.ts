import type { ChannelName, Input } from '../../../src-shared/contract';

/** One valid input per channel (used to check the schemas accept real calls, and as seeds for mutations). */
export const VALID_INPUTS: { [C in ChannelName]: Input<C> } = {
  'app.info': {},
  'dialog.pickFolder': { title: 'Pick' },
  'deals.list': {},
  'deals.get': { dealId: 1 },
  'deals.create': { name: 'Deal', dealType: 'acquisition', asOfDate: '2026-01-31', dataRoomPath: '/tmp/room', targetName: 'T', buyerName: 'B', startRun: false },
  'deals.archive': { dealId: 1 },
  'deals.createDemo': {},
  'deals.exportArchive': { dealId: 1 },
  'deals.importArchive': { as: 'Atlas (laptop B)' },
  'exports.workbook': { dealId: 1, runNumber: 2, includeDismissed: true },
  'exports.report': { dealId: 1, runNumber: 1, format: 'pdf' },
  'runs.list': { dealId: 1 },
  'runs.progress': { dealId: 1, runNumber: 1, status: 'failed', page: { limit: 10, offset: 0 } },
  'runs.start': { dealId: 1 },
  'runs.cancel': { runId: 1 },
  'runs.resume': { runId: 1 },
  'dashboard.get': { dealId: 1, runNumber: 2 },
  'domain.get': { dealId: 1, domain: 'network' },
  'inventory.list': { dealId: 1, domain: 'applications', kind: 'application', search: 'crm', entity: 'target', sort: { by: 'app_vendor', dir: 'desc' }, page: { limit: 50, offset: 0 } },
  'facts.list': { dealId: 1, filter: { domain: 'applications', attribute: 'app_vendor', subjectKind: 'application', entity: 'buyer', search: '100%' }, sort: { by: 'value', dir: 'asc' }, page: { limit: 100, offset: 200 } },
  'facts.attributes': { dealId: 1, domain: 'cybersecurity' },
  'facts.get': { dealId: 1, factId: 7 },
  'gaps.list': { dealId: 1, filter: { importance: 'high', kind: 'missing' }, sort: { by: 'title', dir: 'asc' }, page: { limit: 50, offset: 0 } },
  'gaps.get': { dealId: 1, gapId: 2 },
  'findings.list': { dealId: 1, runNumber: 1, filter: { type: 'risk', severity: 'critical', domain: 'network', search: 'eol' }, sort: { by: 'severity', dir: 'desc' }, page: { limit: 50, offset: 0 } },
  'findings.get': { dealId: 1, findingId: 3 },
  'documents.list': { dealId: 1, status: 'failed', page: { limit: 50, offset: 0 } },
  'documents.skipped': { dealId: 1, runNumber: 2 },
  'documents.text': { dealId: 1, documentId: 4, near: { page: 2, sheet: 'Apps', row: 3, line: 10 }, page: { limit: 100, offset: 0 } },
  'reviews.fact.set': { dealId: 1, factId: 7, status: 'needs_info', note: 'Ask for the contract.' },
  'reviews.finding.set': { dealId: 1, findingId: 3, status: 'dismissed', reason: 'Duplicate', severityOverride: 'low', note: 'n' },
  'reviews.audit': { dealId: 1, item: { kind: 'finding', id: 3 }, page: { limit: 50, offset: 0 } },
  'runs.compare': { dealId: 1, runA: 1, runB: 2, limit: 100, includeDismissed: true },
  'search.query': { dealId: 1, runNumber: 2, text: 'vsphere 6.7', limit: 20 },
  'settings.llm.get': {},
  'settings.llm.save': { enabled: true, endpoint: 'http://127.0.0.1:8080/v1', model: 'qwen2.5-7b-instruct', apiKey: { action: 'set', value: 'sk-x' }, allowRemote: false, timeoutMs: 60000, maxAttempts: 3 },
  'settings.llm.test': { draft: { enabled: true, endpoint: 'http://127.0.0.1:8080/v1', model: 'm', apiKey: { action: 'keep' }, allowRemote: false, timeoutMs: 60000, maxAttempts: 3 } },
};

/** A small deterministic PRNG (mulberry32), so a failing fuzz case can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values no input field accepts: every field is a string, enum, bounded integer, boolean or object. */
export const POISON_VALUES: unknown[] = [null, -1, 1.5, Number.NaN, ['a'], 2 ** 60, () => 1, Symbol('x'), 10n];

/** A random JSON-ish value of bounded depth. */
export function randomValue(rand: () => number, depth = 0): unknown {
  const pick = Math.floor(rand() * (depth > 3 ? 6 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return rand() < 0.5;
    case 2:
      return Math.floor(rand() * 2 ** 40) * (rand() < 0.3 ? -1 : 1);
    case 3:
      return rand() * 1e6;
    case 4:
      return randomString(rand);
    case 5:
      return [Number.NaN, Infinity, -0, undefined][Math.floor(rand() * 4)];
    case 6:
      return Array.from({ length: Math.floor(rand() * 4) }, () => randomValue(rand, depth + 1));
    default: {
      const obj: Record<string, unknown> = {};
      const n = 1 + Math.floor(rand() * 4);
      for (let i = 0; i < n; i++) obj[`x_${randomString(rand).slice(0, 8)}`] = randomValue(rand, depth + 1);
      return obj;
    }
  }
}

export function randomString(rand: () => number): string {
  const alphabet = ['a', 'Z', '0', ' ', "'", '"', '\\', '%', '_', '\u0000', '\u202e', '🙂', ';DROP TABLE facts;--', '<script>', '../'];
  return Array.from({ length: Math.floor(rand() * 12) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
}
