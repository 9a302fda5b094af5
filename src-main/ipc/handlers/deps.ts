import type { EmitEvent } from '../../deal-data/runs/controller';
import type { RunController } from '../../deal-data/runs/controller';
import type { DealCommands } from '../../deal-data/commands';
import type { DealData } from '../../deal-data/deal-data';
import type { ExportCommands, PrintToPdf } from '../../deal-data/exports';
import type { ReviewCommands } from '../../deal-data/reviews';
import type { LlmSettingsService } from '../../services/llm-settings';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** What the hosting shell provides: the Electron edge, or the dev bridge (which has no dialogs). */
export interface Platform {
  shell: 'electron' | 'bridge';
  canPickFolder: boolean;
  pickFolder(title?: string): Promise<string | null>;
  /** The system's save dialog; absent where there is none (then nothing can be exported). */
  saveFile?(options: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  /** The system's open-file dialog (to import an archive). */
  openFile?(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  /** Prints a self-contained HTML file to PDF (a hidden window with JavaScript disabled). */
  printToPdf?: PrintToPdf;
}

export interface HandlerDeps {
  data: DealData;
  commands: DealCommands;
  /** Review decisions on facts and findings (writer connection). */
  reviews: ReviewCommands;
  /** Exports (workbook, report) and deal archives. */
  exports: ExportCommands;
  runs: RunController;
  platform: Platform;
  emit: EmitEvent;
  /** The language-model extractor's settings (off by default). */
  llmSettings: LlmSettingsService;
  app: { name: string; version: string; databaseFile: string; demoDir: string | null };
}
