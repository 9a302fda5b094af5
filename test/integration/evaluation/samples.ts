// Every expectations file in test/expectations with the room it describes, analysed once into one
// database through the real runner and scored; the evaluation tests share the result.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadExpectations, type Expectations } from '../../../src-main/analysis/evaluation/expectations';
import { analyseRoom, scoreRun, type RoomEvaluation } from '../../../src-main/analysis/evaluation/room';
import { resolveExpectedRoom } from '../../../src-main/analysis/evaluation/room-spec';
import { openDatabase, type AppDatabase } from '../../../src-main/db/open';
import { REPO_ROOT, SAMPLES_DIR } from '../../support/paths';

export const EXPECTATIONS_DIR = path.join(REPO_ROOT, 'test', 'expectations');

export interface SampleRun {
  name: string;
  expectations: Expectations;
  /** The files the room was made of, relative to the samples (or repository) folder. */
  sources: string[];
  result: RoomEvaluation;
}

export interface SampleRuns {
  database: AppDatabase;
  runs: Map<string, SampleRun>;
  close(): void;
}

export function expectationFiles(): string[] {
  return readdirSync(EXPECTATIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

/** Analyses every sample room into one fresh database (one deal each) and scores each run. */
export async function analyseSamples(): Promise<SampleRuns> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'dd-eval-samples-'));
  const database = openDatabase(path.join(scratch, 'samples.sqlite'));
  const runs = new Map<string, SampleRun>();
  for (const file of expectationFiles()) {
    const name = file.replace(/\.json$/, '');
    const expectations = loadExpectations(path.join(EXPECTATIONS_DIR, file));
    const { room, sources } = resolveExpectedRoom(expectations, { samples: SAMPLES_DIR, repo: REPO_ROOT }, scratch, name);
    const analysed = await analyseRoom(database, room, { name, asOfDate: expectations.deal.asOf, dealType: expectations.deal.type });
    runs.set(name, { name, expectations, sources, result: scoreRun(database, analysed, expectations) });
  }
  return {
    database,
    runs,
    close: () => {
      database.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** Every file of the shared samples folder (documents only), relative to it. */
export function sharedSampleFiles(): string[] {
  return readdirSync(SAMPLES_DIR, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !/^(?:README|LICENSE)/i.test(e.name))
    .map((e) => path.relative(SAMPLES_DIR, path.join(e.parentPath, e.name)))
    .sort();
}
