import type { RunPhase, RunStatus } from '../../../src-shared/domain';
import type { AppDatabase } from '../../db/open';
import { DatabaseError, translateSqliteError } from '../../db/errors';
import { createRepositories, type Repositories } from '../../repositories';
import type { RunRow } from '../../repositories/runs';
import { assertDataRoom, assertHasDocuments, sha256File, walkDataRoom } from '../ingest/walk';
import { createRunExtractor, engineVersionWithModel, modelSettings, type LlmExtractor, type LlmRunOptions } from '../llm';
import { ENGINE_VERSION } from './engine-version';
import { analyseDocument, commitDocument, commitReusedDocument } from './document-step';
import { deriveAndStoreFindings, deriveAndStoreGaps } from './derive-step';
import { Throttle, type RunEventListener } from './events';
import { currentOwner, HEARTBEAT_INTERVAL_MS, recoverOrphanedRuns } from './ownership';
import { parseSettings, settingsFor, type RunSettings } from './settings';

export interface RunOptions {
  database: AppDatabase;
  signal?: AbortSignal;
  onEvent?: RunEventListener;
  /** The optional language-model extractor: off unless given (a resumed run uses its own config, and this key). */
  llm?: LlmRunOptions;
}

export interface RunResult {
  runId: number;
  runNumber: number;
  status: Exclude<RunStatus, 'running'>;
  error: string | null;
}

/** A second run on a deal that already has one in progress, or a run that cannot be resumed. */
export class RunConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunConflictError';
  }
}

class Cancelled extends Error {}

const FINISH_RETRIES = 10;
const FINISH_RETRY_DELAY_MS = 500;

/** Starts a new run of a deal over its data room folder. */
export async function startAnalysis(options: RunOptions & { dealId: number; dataRoomPath: string }): Promise<RunResult> {
  const root = await assertDataRoom(options.dataRoomPath);
  await assertHasDocuments(root);
  const repos = createRepositories(options.database.db);
  const deal = repos.deals.get(options.dealId);
  if (!deal) throw new RunConflictError(`Deal ${options.dealId} does not exist.`);
  // Validated before the run row exists, so a bad model config never leaves a run behind.
  const settings = { ...settingsFor(deal, root), ...modelSettings(options.llm) };
  const run = options.database.sqlite
    .transaction(() => {
      // Taking the write lock first makes "check no active run, then create one" atomic across processes.
      recoverOrphanedRuns(repos, deal.id);
      const active = repos.runs.activeRuns(deal.id)[0];
      if (active) {
        throw new RunConflictError(
          `Deal "${deal.name}" already has run ${active.runNumber} in progress (pid ${active.ownerPid} on ${active.ownerHost}). Wait for it to finish or cancel it first.`,
        );
      }
      return repos.runs.create(deal.id, engineVersionWithModel(ENGINE_VERSION, settings.llm), settings, currentOwner());
    })
    .immediate();
  return new AnalysisRun(options, repos, run, false).execute();
}

/** Resumes an interrupted or cancelled run: finished documents are skipped, the rest are done, then gaps and findings. */
export async function resumeAnalysis(options: RunOptions & { runId: number }): Promise<RunResult> {
  const repos = createRepositories(options.database.db);
  const run = options.database.sqlite
    .transaction(() => {
      const existing = repos.runs.get(options.runId);
      if (!existing) throw new RunConflictError(`Run ${options.runId} does not exist.`);
      recoverOrphanedRuns(repos, existing.dealId);
      const current = repos.runs.get(options.runId)!;
      // A cancelled run stopped cleanly at a document boundary, so it resumes exactly like an interrupted one.
      if (current.status !== 'interrupted' && current.status !== 'cancelled') {
        throw new RunConflictError(
          current.status === 'running'
            ? `Run ${current.runNumber} is still in progress; wait for it to finish.`
            : `Run ${current.runNumber} is ${current.status}; only an interrupted or cancelled run can be resumed.`,
        );
      }
      const active = repos.runs.activeRuns(current.dealId)[0];
      if (active) throw new RunConflictError(`Run ${active.runNumber} of this deal is in progress; wait for it to finish first.`);
      repos.runs.claimForResume(current.id, currentOwner());
      return repos.runs.get(current.id)!;
    })
    .immediate();
  return new AnalysisRun(options, repos, run, true).execute();
}

class AnalysisRun {
  private readonly settings: RunSettings;
  private readonly throttle = new Throttle(250);
  private readonly model: LlmExtractor | null;
  private phase: RunPhase;

  constructor(
    private readonly options: RunOptions,
    private readonly repos: Repositories,
    private readonly run: RunRow,
    private readonly resumed: boolean,
  ) {
    this.settings = parseSettings(run.settings);
    this.phase = run.phase as RunPhase;
    this.model = createRunExtractor(options.database.sqlite, this.settings.llm, options.llm, options.signal);
  }

  async execute(): Promise<RunResult> {
    const { run } = this;
    this.emitEvent({ type: 'started', runId: run.id, runNumber: run.runNumber, dealId: run.dealId, resumed: this.resumed });
    const heartbeat = setInterval(() => this.beat(), HEARTBEAT_INTERVAL_MS);
    heartbeat.unref();
    try {
      if (this.phase === 'starting' || this.phase === 'ingest') await this.ingest();
      await this.documents();
      this.options.database.assertFileUnchanged();
      // The run's facts are final: index them, and the text of documents parsed, in one transaction.
      this.repos.searchIndex.indexRun(this.run.id);
      this.setPhase('gaps');
      const gaps = deriveAndStoreGaps(this.repos, this.ids(), this.settings, () => this.checkCancelled());
      this.setPhase('findings');
      deriveAndStoreFindings(this.repos, this.ids(), this.settings, gaps, () => this.checkCancelled());
      this.options.database.assertFileUnchanged();
      this.setPhase('done');
      return await this.finish('completed', null);
    } catch (error) {
      if (error instanceof Cancelled) {
        this.indexWhatWasKept();
        return await this.finish('cancelled', 'Cancelled by the user; everything analysed so far is kept.');
      }
      const translated = translateSqliteError(error, this.options.database.file);
      const message = translated instanceof DatabaseError ? translated.message : `Analysis failed: ${(translated as Error).message}`;
      return await this.finish('failed', message);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private ids() {
    return { dealId: this.run.dealId, runId: this.run.id };
  }

  private async ingest(): Promise<void> {
    this.setPhase('ingest');
    const listing = await walkDataRoom(this.settings.dataRoomPath);
    this.options.database.sqlite.transaction(() => this.repos.runs.recordSkippedFiles(this.run.id, listing.skipped)).immediate();
    // What each document is relative to the baseline run: the run records which documents changed.
    const baseline = this.run.baselineRunId === null ? new Map<string, number>() : this.repos.runs.documentIdsByPath(this.run.baselineRunId);
    for (const file of listing.files) {
      this.checkCancelled();
      const sha256 = await sha256File(file.absolutePath);
      this.options.database.sqlite.transaction(() => {
        const doc = this.repos.documents.recordVersion({ dealId: this.run.dealId, entity: file.entity, relativePath: file.relativePath, sha256, sizeBytes: file.sizeBytes, kind: file.kind });
        const before = baseline.get(file.relativePath);
        this.repos.runs.addDocument(this.run.id, doc.id, before === undefined ? 'new' : before === doc.id ? 'unchanged' : 'changed');
      }).immediate();
      this.saveProgress();
    }
    this.setPhase('documents');
  }

  private async documents(): Promise<void> {
    for (const documentId of this.repos.runs.pendingDocumentIds(this.run.id)) {
      this.checkCancelled();
      const doc = this.repos.documents.get(documentId)!;
      // Same content, same engine: copy the earlier run's results rather than parse again.
      const source = this.repos.reuse.sourceRun({ ...this.ids(), engineVersion: this.run.engineVersion }, doc.id);
      if (source !== null) {
        const evidenceCount = commitReusedDocument(this.options.database, this.repos, this.ids(), doc, source);
        this.emitEvent({ type: 'document', runId: this.run.id, documentId, relativePath: doc.relativePath, status: 'done', evidenceCount, error: null });
        this.saveProgress();
        continue;
      }
      const analysed = await analyseDocument(this.settings.dataRoomPath, doc, this.model);
      this.checkCancelled();
      const evidenceCount = commitDocument(this.options.database, this.repos, this.ids(), doc, analysed);
      const error = analysed.outcome.status === 'failed' ? analysed.outcome.error : (analysed.model?.record.error ?? null);
      this.emitEvent({ type: 'document', runId: this.run.id, documentId, relativePath: doc.relativePath, status: analysed.outcome.status, evidenceCount, error });
      this.saveProgress();
    }
  }

  private setPhase(phase: RunPhase): void {
    this.phase = phase;
    this.emitEvent({ type: 'phase', runId: this.run.id, phase });
    this.saveProgress(true);
  }

  /** Progress goes to the run row at most four times a second (and at every phase change). */
  private saveProgress(force = false): void {
    if (!this.throttle.due(force)) return;
    const docs = this.repos.runs.documentCounts(this.run.id);
    const progress = {
      phase: this.phase,
      docsTotal: docs.total,
      docsDone: docs.done + docs.failed,
      docsFailed: docs.failed,
      factCount: this.repos.facts.count({ runId: this.run.id }),
      gapCount: this.repos.gaps.count({ runId: this.run.id }),
      // What the run produced, whatever reviewers have dismissed since: a run's record never depends on review state.
      findingCount: this.repos.findings.count({ runId: this.run.id }, { includeDeleted: true }),
    };
    this.repos.runs.saveProgress(this.run.id, progress);
    this.emitEvent({ type: 'progress', runId: this.run.id, progress });
  }

  private beat(): void {
    try {
      this.repos.runs.heartbeat(this.run.id);
    } catch {
      // A failed heartbeat surfaces on the next real write, which fails the run with a clear error.
    }
  }

  /** A cancelled run keeps its documents, so they should be searchable too; not worth failing over. */
  private indexWhatWasKept(): void {
    try {
      this.repos.searchIndex.indexRun(this.run.id);
    } catch {
      // The next run of the deal indexes its documents' text; only this run's facts stay unsearchable.
    }
  }

  private checkCancelled(): void {
    if (this.options.signal?.aborted) throw new Cancelled();
  }

  /**
   * Records how the run ended. If the database is briefly locked, retries for a few seconds; if it
   * is unusable (deleted, full, read-only), reports the original problem to the caller anyway, and
   * the next startup marks the run interrupted.
   */
  private async finish(status: RunResult['status'], error: string | null): Promise<RunResult> {
    const full = error !== null && /disk or database is full/.test(error);
    for (let attempt = 0; ; attempt++) {
      try {
        if (!full) this.saveProgress(true);
        this.repos.runs.finish(this.run.id, status, error);
        break;
      } catch (finishError) {
        const translated = translateSqliteError(finishError, this.options.database.file);
        const locked = translated instanceof DatabaseError && translated.code === 'locked';
        if (locked && attempt < FINISH_RETRIES) {
          await new Promise((resolve) => setTimeout(resolve, FINISH_RETRY_DELAY_MS));
          continue;
        }
        if (status !== 'failed' || error === null) error = (translated as Error).message;
        status = 'failed';
        break;
      }
    }
    this.emitEvent({ type: 'finished', runId: this.run.id, status, error });
    return { runId: this.run.id, runNumber: this.run.runNumber, status, error };
  }

  private emitEvent(event: Parameters<RunEventListener>[0]): void {
    try {
      this.options.onEvent?.(event);
    } catch {
      // A listener's bug (say, a closed window) must not stop the run.
    }
  }
}
