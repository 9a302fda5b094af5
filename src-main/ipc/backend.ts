import { eventSchemas, type EventName, type EventPayload } from '../../src-shared/contract';
import { recoverOrphanedRuns } from '../analysis/runner/ownership';
import { openDatabase, type AppDatabase } from '../db/open';
import { DealCommands } from '../deal-data/commands';
import { DealData } from '../deal-data/deal-data';
import { ExportCommands } from '../deal-data/exports';
import { ReviewCommands } from '../deal-data/reviews';
import { RunController, type SpawnRunWorker } from '../deal-data/runs/controller';
import { createRepositories } from '../repositories';
import { LlmSettingsService } from '../services/llm-settings';
import { NO_SECRET_BOX, type SecretBox } from '../services/secret-box';
import { createHandlers, type Platform } from './handlers';
import { createRouter, type Router } from './router';

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

export interface BackendOptions {
  dbFile: string;
  migrationsDir?: string;
  /** The bundled demo data room, or null if this build has none. */
  demoDir: string | null;
  spawnWorker: SpawnRunWorker;
  platform: Platform;
  isTrustedSender: (senderUrl: string | null) => boolean;
  app: { name: string; version: string };
  /** Test hook for the dev bridge: holds run workers while its first Int32 is 1. */
  pauseGate?: SharedArrayBuffer;
  log?: (message: string, error: unknown) => void;
  /** Encrypts the language model's API key (Electron safeStorage); without one no key can be stored. */
  secretBox?: SecretBox;
}

export interface Backend {
  router: Router;
  runs: RunController;
  /** Pushes an event to every subscriber (the window, or the bridge's event streams). */
  emit: EventListener;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

/**
 * The main-process services behind the IPC contract, the same for the Electron edge and the dev
 * bridge: a writer connection (migrations, deal commands, startup recovery), a read-only
 * connection for every query, and the run controller whose workers have their own connections.
 */
export function createBackend(options: BackendOptions): Backend {
  const writer = openDatabase(options.dbFile, { mode: 'write', migrationsDir: options.migrationsDir });
  let reader: AppDatabase | undefined;
  try {
    const writerRepos = createRepositories(writer.db);
    recoverOrphanedRuns(writerRepos);
    reader = openDatabase(options.dbFile, { mode: 'read', migrationsDir: options.migrationsDir });
    const data = new DealData(reader.db);
    const log = options.log ?? ((message: string, error: unknown) => console.error(message, error));
    const listeners = new Set<EventListener>();
    const emit: EventListener = (name, payload) => {
      const checked = eventSchemas[name].safeParse(payload);
      if (!checked.success) {
        log(`Event ${name} does not match the contract; not sent`, checked.error);
        return;
      }
      for (const listener of listeners) {
        try {
          listener(name, checked.data as EventPayload<typeof name>);
        } catch (error) {
          log(`An event listener failed on ${name}`, error);
        }
      }
    };
    const runs = new RunController({
      dbFile: options.dbFile,
      migrationsDir: options.migrationsDir,
      spawnWorker: options.spawnWorker,
      emit,
      readRun: (runId) => data.runRow(runId),
      onWorkerLost: (runId, reason) => writerRepos.runs.markInterrupted([runId], `Interrupted: ${reason}`),
      pauseGate: options.pauseGate,
    });
    const handlers = createHandlers({
      data,
      commands: new DealCommands(writer.db),
      reviews: new ReviewCommands(writer.db),
      exports: new ExportCommands(reader.db, writer.db, options.migrationsDir),
      runs,
      platform: options.platform,
      emit,
      llmSettings: new LlmSettingsService(writer.db, options.secretBox ?? NO_SECRET_BOX),
      app: { ...options.app, databaseFile: writer.file, demoDir: options.demoDir },
    });
    const router = createRouter({ handlers, isTrustedSender: options.isTrustedSender, log });
    const openReader = reader;
    return {
      router,
      runs,
      emit,
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      async close() {
        await runs.close();
        listeners.clear();
        openReader.close();
        writer.close();
      },
    };
  } catch (error) {
    reader?.close();
    writer.close();
    throw error;
  }
}
