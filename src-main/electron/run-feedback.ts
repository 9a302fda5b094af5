import type { BrowserWindow } from 'electron';
import { runPercent, type EventName, type EventPayload } from '../../src-shared/contract';

export interface FeedbackDeps {
  getWindow: () => BrowserWindow | null;
  notify: (title: string, body: string) => void;
}

const ENDINGS: Record<string, string> = {
  completed: 'finished',
  failed: 'failed',
  cancelled: 'was cancelled',
  interrupted: 'was interrupted',
};

/** Taskbar/dock progress while a run works, and a system notification when it ends. */
export function runFeedback(deps: FeedbackDeps) {
  return <E extends EventName>(name: E, payload: EventPayload<E>): void => {
    const win = deps.getWindow();
    if (name === 'run.progress') {
      const { run } = payload as EventPayload<'run.progress'>;
      if (win && !win.isDestroyed()) win.setProgressBar(run.status === 'running' ? runPercent(run) / 100 : -1);
    } else if (name === 'run.finished') {
      const event = payload as EventPayload<'run.finished'>;
      if (win && !win.isDestroyed()) win.setProgressBar(-1);
      const detail = event.status === 'completed' ? 'Facts, gaps and findings are ready to review.' : (event.error ?? 'Open the run to see what happened.');
      deps.notify(`Run ${event.runNumber} ${ENDINGS[event.status] ?? event.status}`, detail);
    }
  };
}
