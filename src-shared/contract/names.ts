// Channel and event names of the IPC contract. Plain data with no imports, so the sandboxed
// preload can check names without bundling zod. The schemas in ./index.ts must cover exactly
// these names (enforced at compile time there, and by a unit test).

/** The one invoke channel: every query and command travels on it as { channel, input }. */
export const INVOKE_CHANNEL = 'dd:invoke';
/** The one event channel: every push from main travels on it as { event, payload }. */
export const EVENT_CHANNEL = 'dd:event';

export const CHANNELS = [
  'app.info',
  'dialog.pickFolder',
  'deals.list',
  'deals.get',
  'deals.create',
  'deals.archive',
  'deals.createDemo',
  'deals.exportArchive',
  'deals.importArchive',
  'exports.workbook',
  'exports.report',
  'runs.list',
  'runs.progress',
  'runs.start',
  'runs.cancel',
  'runs.resume',
  'dashboard.get',
  'domain.get',
  'inventory.list',
  'facts.list',
  'facts.attributes',
  'facts.get',
  'gaps.list',
  'gaps.get',
  'findings.list',
  'findings.get',
  'documents.list',
  'documents.skipped',
  'documents.text',
  'reviews.fact.set',
  'reviews.finding.set',
  'reviews.audit',
  'runs.compare',
  'search.query',
  'settings.llm.get',
  'settings.llm.save',
  'settings.llm.test',
] as const;
export type ChannelName = (typeof CHANNELS)[number];

export const EVENTS = [
  'run.started',
  'run.progress',
  'run.document',
  'run.finished',
  'deals.changed',
  'ui.command',
  'ui.folderDropped',
] as const;
export type EventName = (typeof EVENTS)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENTS as readonly string[]).includes(value);
}
