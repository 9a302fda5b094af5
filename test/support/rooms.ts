import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startAnalysis, type RunResult } from '../../src-main/analysis/runner/runner';
import type { AppDatabase } from '../../src-main/db/open';
import type { DealType } from '../../src-shared/domain';
import { createRepositories } from '../../src-main/repositories';
import { tempDir } from './temp';

/** Copies a shared sample room (or several files) into a temp folder the test may change. */
export function copyRoom(source: string): string {
  const dir = path.join(tempDir('dd-room-'), path.basename(source));
  cpSync(source, dir, { recursive: true });
  return dir;
}

/** Writes files (path → content) into a fresh temp room. */
export function writeRoom(files: Record<string, string | Buffer>): string {
  const dir = tempDir('dd-room-');
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  return dir;
}

/** Creates (or reuses) a deal and analyses the room in-process. */
export async function analyse(
  database: AppDatabase,
  room: string,
  deal: { name?: string; asOfDate?: string; dealType?: DealType } = {},
  extra: Partial<Parameters<typeof startAnalysis>[0]> = {},
): Promise<RunResult & { dealId: number }> {
  const repos = createRepositories(database.db);
  const name = deal.name ?? 'Test deal';
  const existing = repos.deals.findByName(name);
  const row = existing ?? repos.deals.create({ name, dealType: deal.dealType ?? 'acquisition', asOfDate: deal.asOfDate ?? '2026-02-01', dataRoomPath: room });
  const result = await startAnalysis({ database, dealId: row.id, dataRoomPath: room, ...extra });
  return { ...result, dealId: row.id };
}
