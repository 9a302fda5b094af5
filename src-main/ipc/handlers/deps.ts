import type { EmitEvent } from '../../deal-data/runs/controller';
import type { RunController } from '../../deal-data/runs/controller';
import type { DealCommands } from '../../deal-data/commands';
import type { DealData } from '../../deal-data/deal-data';
import type { ReviewCommands } from '../../deal-data/reviews';
import type { LlmSettingsService } from '../../services/llm-settings';

/** What the hosting shell provides: the Electron edge, or the dev bridge (which has no dialogs). */
export interface Platform {
  shell: 'electron' | 'bridge';
  canPickFolder: boolean;
  pickFolder(title?: string): Promise<string | null>;
}

export interface HandlerDeps {
  data: DealData;
  commands: DealCommands;
  /** Review decisions on facts and findings (writer connection). */
  reviews: ReviewCommands;
  runs: RunController;
  platform: Platform;
  emit: EmitEvent;
  /** The language-model extractor's settings (off by default). */
  llmSettings: LlmSettingsService;
  app: { name: string; version: string; databaseFile: string; demoDir: string | null };
}
