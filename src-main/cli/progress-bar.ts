import type { RunEvent } from '../analysis/runner/events';

const WIDTH = 28;

/** A one-line live progress bar on a terminal; silent elsewhere (pipes, CI logs, --json). */
export function progressBar(enabled: boolean, write: (text: string) => void): { onEvent: (e: RunEvent) => void; done: () => void } {
  let lastLine = '';
  let drawn = false;
  const draw = (line: string) => {
    if (!enabled || line === lastLine) return;
    lastLine = line;
    drawn = true;
    write(`\r\u001b[2K${line}`);
  };
  return {
    onEvent(event) {
      if (event.type !== 'progress') return;
      const p = event.progress;
      const ratio = p.docsTotal === 0 ? 0 : p.docsDone / p.docsTotal;
      const filled = Math.round(ratio * WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      const failed = p.docsFailed ? `, ${p.docsFailed} failed` : '';
      draw(`${bar} ${String(Math.round(ratio * 100)).padStart(3)}%  ${p.docsDone}/${p.docsTotal} documents${failed} · ${p.phase} · ${p.factCount} facts, ${p.gapCount} gaps, ${p.findingCount} findings`);
    },
    done() {
      if (drawn) write('\n');
    },
  };
}
