// Analyses a data room through the real runner (ingest, parse, extract, gaps, findings, every row
// committed to SQLite) and scores the completed run against expectations.

import type { DealType } from '../../../src-shared/domain';
import type { AppDatabase } from '../../db/open';
import { createRepositories } from '../../repositories';
import { startAnalysis } from '../runner/runner';
import { evaluate, type Evaluation } from './evaluate';
import type { Expectations } from './expectations';
import { readRun, type Observed } from './observed';

export interface AnalysedRoom {
  dealId: number;
  runId: number;
}

export class EvaluationRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvaluationRunError';
  }
}

/** Creates a deal for the room and runs a full analysis of it; throws unless the run completes. */
export async function analyseRoom(
  database: AppDatabase,
  room: string,
  deal: { name: string; asOfDate: string; dealType: DealType },
): Promise<AnalysedRoom> {
  const repos = createRepositories(database.db);
  const row = repos.deals.create({ name: deal.name, dealType: deal.dealType, asOfDate: deal.asOfDate, dataRoomPath: room });
  const result = await startAnalysis({ database, dealId: row.id, dataRoomPath: room });
  if (result.status !== 'completed') throw new EvaluationRunError(`The analysis of ${room} ended ${result.status}: ${result.error ?? 'no error given'}`);
  return { dealId: row.id, runId: result.runId };
}

export interface RoomEvaluation extends AnalysedRoom {
  observed: Observed;
  evaluation: Evaluation;
}

/** Analyses `room` as the expectations describe the deal, then scores the run. */
export async function evaluateRoom(
  database: AppDatabase,
  room: string,
  expectations: Expectations,
  overrides: { name?: string; asOfDate?: string; dealType?: DealType } = {},
): Promise<RoomEvaluation> {
  const analysed = await analyseRoom(database, room, {
    name: overrides.name ?? `Evaluation of ${room}`,
    asOfDate: overrides.asOfDate ?? expectations.deal.asOf,
    dealType: overrides.dealType ?? expectations.deal.type,
  });
  return scoreRun(database, analysed, expectations);
}

/** Scores an already completed run (tests analyse once and score several ways). */
export function scoreRun(database: AppDatabase, analysed: AnalysedRoom, expectations: Expectations): RoomEvaluation {
  const observed = readRun(createRepositories(database.db), analysed.runId);
  return { ...analysed, observed, evaluation: evaluate(expectations, observed) };
}
