// One analysis through the app's own run worker (the electron-vite build's worker chunk, the code
// the desktop app runs), hosted by a bare Node process, so that process's peak memory is the
// runner's. Plain JavaScript on purpose: a TypeScript loader in this process would add its own
// memory (it transforms pdfjs's 2 MB modules on load) to what is measured.
//   node scripts/bench/run-worker.mjs <worker chunk> <database> <deal id> <data room>
// Prints one JSON line: the worker's result, timings per document kind, failures, peak RSS, CPU time.
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

const [chunk, dbFile, dealId, room] = process.argv.slice(2);
if (!chunk || !dbFile || !dealId || !room) {
  console.error('usage: run-worker.mjs <worker chunk> <database> <deal id> <data room>');
  process.exit(2);
}

const KINDS = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx', csv: 'csv', md: 'markdown', markdown: 'markdown', txt: 'text', text: 'text' };
const kindOf = (file) => KINDS[file.slice(file.lastIndexOf('.') + 1).toLowerCase()] ?? 'other';

/** @type {Record<string, { docs: number, ms: number }>} */
const perKind = {};
/** @type {Array<{ path: string, error: string | null }>} */
const failed = [];
let last = 0;
let documentsStart = 0;
let documentsEnd = 0;
const started = performance.now();
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const worker = new Worker(chunk, { workerData: { op: 'start', dealId: Number(dealId), dataRoomPath: room, dbFile }, execArgv: [] });
worker.on('message', (message) => {
  const now = performance.now();
  if (message.type === 'event') {
    const event = message.event;
    if (event.type === 'phase' && event.phase === 'documents') documentsStart = last = now;
    if (event.type === 'phase' && event.phase === 'gaps') documentsEnd = now;
    if (event.type === 'document') {
      const entry = (perKind[kindOf(event.relativePath)] ??= { docs: 0, ms: 0 });
      entry.docs += 1;
      entry.ms += now - last;
      last = now;
      if (event.status === 'failed') failed.push({ path: event.relativePath, error: event.error });
    }
    return;
  }
  const result = message.type === 'done' ? message.result : { status: 'error', error: message.message };
  const line = { result, totalMs: now - started, documentsMs: (documentsEnd || now) - documentsStart, perKind, failed, peakRssBytes: process.resourceUsage().maxRSS * 1024, cpuMs: cpuMs() };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  void worker.terminate();
});
worker.on('error', (error) => {
  console.error(error);
  process.exit(1);
});
