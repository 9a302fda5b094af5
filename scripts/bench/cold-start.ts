// Cold start on a big database, in a fresh process each time (no warm connection, no prepared
// statements, no JIT): what the app's backend does before the first screen (src-main/ipc/backend.ts):
// open for writing (header, application id, migration check), recover orphaned runs, open the
// read-only connection, then the deals list the first screen shows. Prints JSON.
import { performance } from 'node:perf_hooks';
import { recoverOrphanedRuns } from '../../src-main/analysis/runner/ownership';
import { DealData } from '../../src-main/deal-data/deal-data';
import { openDatabase } from '../../src-main/db/open';
import { createRepositories } from '../../src-main/repositories';

export interface ColdStartSample {
  /** open(write) + migration check + recoverOrphanedRuns: the target's "open, migrate check and recover". */
  openMigrateRecoverMs: number;
  /** …plus the read-only connection and the first screen's deal list. */
  firstScreenMs: number;
  recovered: number;
  deals: number;
}

export function coldStart(file: string): ColdStartSample {
  const t0 = performance.now();
  const writer = openDatabase(file, { mode: 'write' });
  const recovered = recoverOrphanedRuns(createRepositories(writer.db)).length;
  const t1 = performance.now();
  const reader = openDatabase(file, { mode: 'read' });
  const deals = new DealData(reader.db).deals().length;
  const t2 = performance.now();
  reader.close();
  writer.close();
  return { openMigrateRecoverMs: t1 - t0, firstScreenMs: t2 - t0, recovered, deals };
}

if (process.argv[1]?.endsWith('cold-start.ts')) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: cold-start.ts <db>');
  process.stdout.write(`${JSON.stringify(coldStart(file))}\n`);
}
