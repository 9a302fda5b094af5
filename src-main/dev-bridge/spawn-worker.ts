import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunWorkerData } from '../deal-data/runs/protocol';

/**
 * Starts a run worker straight from the TypeScript sources (dev bridge and tests, where nothing is
 * bundled): the worker registers tsx's loader, then imports the worker module. The desktop build
 * bundles the worker instead (see src-main/electron).
 */
export function spawnSourceWorker(data: RunWorkerData): Worker {
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('../deal-data/runs/worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: data });
}
