import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RunPhase, RunStatus } from '../../src-shared/domain';
import { analysisRuns, documents, runDocuments, runSkippedFiles } from '../db/schema';
import { BaseRepository } from './base';

export type RunRow = typeof analysisRuns.$inferSelect;
export type DocumentChange = 'new' | 'changed' | 'unchanged';

export interface RunOwner {
  pid: number;
  host: string;
}

export interface RunProgress {
  phase: RunPhase;
  docsTotal: number;
  docsDone: number;
  docsFailed: number;
  factCount: number;
  gapCount: number;
  findingCount: number;
}

export class RunsRepository extends BaseRepository {
  /**
   * Creates the run row first, before any work (DESIGN invariant 2). Run numbers count per deal.
   * The deal's latest completed run becomes the baseline its document changes are measured against.
   */
  create(dealId: number, engineVersion: string, settings: unknown, owner: RunOwner): RunRow {
    const now = this.now();
    return this.db.transaction((tx) => {
      const baseline = tx
        .select({ id: analysisRuns.id })
        .from(analysisRuns)
        .where(and(eq(analysisRuns.dealId, dealId), eq(analysisRuns.status, 'completed')))
        .orderBy(desc(analysisRuns.finishedAt), desc(analysisRuns.runNumber))
        .limit(1)
        .get();
      const next =
        (tx
          .select({ n: sql<number>`max(${analysisRuns.runNumber})` })
          .from(analysisRuns)
          .where(eq(analysisRuns.dealId, dealId))
          .get()?.n ?? 0) + 1;
      return tx
        .insert(analysisRuns)
        .values({
          dealId,
          runNumber: next,
          status: 'running',
          engineVersion,
          settings: JSON.stringify(settings),
          phase: 'starting',
          ownerPid: owner.pid,
          ownerHost: owner.host,
          startedAt: now,
          heartbeatAt: now,
          baselineRunId: baseline?.id ?? null,
        })
        .returning()
        .get();
    }, { behavior: 'immediate' });
  }

  get(id: number): RunRow | undefined {
    return this.db.select().from(analysisRuns).where(eq(analysisRuns.id, id)).get();
  }

  byNumber(dealId: number, runNumber: number): RunRow | undefined {
    return this.db
      .select()
      .from(analysisRuns)
      .where(and(eq(analysisRuns.dealId, dealId), eq(analysisRuns.runNumber, runNumber)))
      .get();
  }

  list(dealId: number): RunRow[] {
    return this.db.select().from(analysisRuns).where(eq(analysisRuns.dealId, dealId)).orderBy(desc(analysisRuns.runNumber)).all();
  }

  latestCompleted(dealId: number): RunRow | undefined {
    return this.db
      .select()
      .from(analysisRuns)
      .where(and(eq(analysisRuns.dealId, dealId), eq(analysisRuns.status, 'completed')))
      .orderBy(desc(analysisRuns.finishedAt), desc(analysisRuns.runNumber))
      .limit(1)
      .get();
  }

  latest(dealId: number): RunRow | undefined {
    return this.db.select().from(analysisRuns).where(eq(analysisRuns.dealId, dealId)).orderBy(desc(analysisRuns.runNumber)).limit(1).get();
  }

  /**
   * The one rule for which run a view shows (DESIGN invariant 7): the run asked for, else the latest
   * completed one, else the latest run of any status (a run in progress), else none.
   */
  resolveForReading(dealId: number, runNumber?: number): RunRow | undefined {
    if (runNumber !== undefined) return this.byNumber(dealId, runNumber);
    return this.latestCompleted(dealId) ?? this.latest(dealId);
  }

  activeRuns(dealId?: number): RunRow[] {
    return this.db
      .select()
      .from(analysisRuns)
      .where(and(eq(analysisRuns.status, 'running'), dealId === undefined ? undefined : eq(analysisRuns.dealId, dealId)))
      .all();
  }

  saveProgress(runId: number, progress: RunProgress): void {
    this.db
      .update(analysisRuns)
      .set({ ...progress, heartbeatAt: this.now() })
      .where(eq(analysisRuns.id, runId))
      .run();
  }

  heartbeat(runId: number): void {
    this.db.update(analysisRuns).set({ heartbeatAt: this.now() }).where(eq(analysisRuns.id, runId)).run();
  }

  finish(runId: number, status: Exclude<RunStatus, 'running'>, error: string | null = null): void {
    this.db
      .update(analysisRuns)
      .set({ status, error, finishedAt: this.now(), heartbeatAt: this.now() })
      .where(eq(analysisRuns.id, runId))
      .run();
  }

  /** Takes over an interrupted or cancelled run for resuming. Returns false if someone else already did. */
  claimForResume(runId: number, owner: RunOwner): boolean {
    const result = this.db
      .update(analysisRuns)
      .set({ status: 'running', ownerPid: owner.pid, ownerHost: owner.host, heartbeatAt: this.now(), error: null, finishedAt: null })
      .where(and(eq(analysisRuns.id, runId), inArray(analysisRuns.status, ['interrupted', 'cancelled'])))
      .run();
    return result.changes === 1;
  }

  /** Marks running runs whose owner is gone as interrupted, with the time and a reason. */
  markInterrupted(runIds: number[], reason: string): void {
    if (runIds.length === 0) return;
    this.db
      .update(analysisRuns)
      .set({ status: 'interrupted', error: reason, finishedAt: this.now() })
      .where(and(inArray(analysisRuns.id, runIds), eq(analysisRuns.status, 'running')))
      .run();
  }

  // The resume ledger.

  /** Adds a document to the run once; `change` says how it relates to the run's baseline. */
  addDocument(runId: number, documentId: number, change: DocumentChange = 'new'): void {
    this.db.insert(runDocuments).values({ runId, documentId, status: 'pending', change }).onConflictDoNothing().run();
  }

  /**
   * The run's unfinished documents in data-room path order, the order a first run meets them:
   * which document writes a fact first decides its wording, so every run, fresh, resumed or
   * reusing earlier results, must take them in the same order (invariant 6).
   */
  pendingDocumentIds(runId: number): number[] {
    return this.db
      .select({ id: runDocuments.documentId, path: documents.relativePath })
      .from(runDocuments)
      .innerJoin(documents, eq(documents.id, runDocuments.documentId))
      .where(and(eq(runDocuments.runId, runId), eq(runDocuments.status, 'pending')))
      .all()
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.id - b.id))
      .map((r) => r.id);
  }

  /** Path → document id of the documents a run covered (a baseline for the next run's changes). */
  documentIdsByPath(runId: number): Map<string, number> {
    const rows = this.db
      .select({ id: runDocuments.documentId, path: documents.relativePath })
      .from(runDocuments)
      .innerJoin(documents, eq(documents.id, runDocuments.documentId))
      .where(eq(runDocuments.runId, runId))
      .all();
    return new Map(rows.map((r) => [r.path, r.id]));
  }

  markDocument(
    runId: number,
    documentId: number,
    status: 'done' | 'failed',
    evidenceCount: number,
    error: string | null = null,
    reusedFromRunId: number | null = null,
  ): void {
    this.db
      .update(runDocuments)
      .set({ status, evidenceCount, error, finishedAt: this.now(), reusedFromRunId })
      .where(and(eq(runDocuments.runId, runId), eq(runDocuments.documentId, documentId)))
      .run();
  }

  documentCounts(runId: number): { total: number; done: number; failed: number } {
    const row = this.db
      .select({
        total: sql<number>`count(*)`,
        done: sql<number>`coalesce(sum(${runDocuments.status} = 'done'), 0)`,
        failed: sql<number>`coalesce(sum(${runDocuments.status} = 'failed'), 0)`,
      })
      .from(runDocuments)
      .where(eq(runDocuments.runId, runId))
      .get();
    return { total: row?.total ?? 0, done: row?.done ?? 0, failed: row?.failed ?? 0 };
  }

  // Files the run did not analyse.

  /** Records the files a run's walk skipped; recording them again (a resumed run) changes nothing. */
  recordSkippedFiles(runId: number, files: ReadonlyArray<{ relativePath: string; reason: string }>): void {
    for (const file of files) this.db.insert(runSkippedFiles).values({ runId, relativePath: file.relativePath, reason: file.reason }).onConflictDoNothing().run();
  }

  /** The files a run did not analyse, in path order. */
  skippedFiles(runId: number): Array<{ relativePath: string; reason: string }> {
    return this.db
      .select({ relativePath: runSkippedFiles.relativePath, reason: runSkippedFiles.reason })
      .from(runSkippedFiles)
      .where(eq(runSkippedFiles.runId, runId))
      .orderBy(runSkippedFiles.relativePath)
      .all();
  }
}
