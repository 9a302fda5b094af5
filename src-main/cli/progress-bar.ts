import type { RunPhase } from '../../src-shared/domain';
import type { RunEvent } from '../analysis/runner/events';
import type { RunProgress } from '../repositories/runs';
import { truncate } from './format';

const WIDTH = 28;

/** What the run is doing besides reading documents (while it reads them, the count says so). */
const PHASE_LABELS: Record<RunPhase, string | null> = {
  starting: 'starting',
  ingest: 'listing files',
  documents: null,
  gaps: 'deriving gaps',
  findings: 'deriving findings',
  done: 'done',
};

/** One progress line, cut to the terminal's width less one column (so it never wraps). */
export function progressLine(p: RunProgress, columns: number | undefined): string {
  const ratio = p.docsTotal === 0 ? 0 : p.docsDone / p.docsTotal;
  const width = columns || 80;
  const barWidth = width < 70 ? Math.max(10, WIDTH - (70 - width)) : WIDTH;
  const filled = Math.round(ratio * barWidth);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}`;
  const failed = p.docsFailed ? `, ${p.docsFailed} failed` : '';
  const phase = PHASE_LABELS[p.phase] ? ` · ${PHASE_LABELS[p.phase]}` : '';
  const line = `${bar} ${String(Math.round(ratio * 100)).padStart(3)}%  ${p.docsDone}/${p.docsTotal} documents${failed}${phase} · ${p.factCount} facts, ${p.gapCount} gaps, ${p.findingCount} findings`;
  return truncate(line, width - 1);
}

/** A one-line live progress bar on a terminal; silent elsewhere (pipes, CI logs, --json). */
export function progressBar(
  enabled: boolean,
  write: (text: string) => void,
  columns: () => number | undefined = () => process.stderr.columns,
): { onEvent: (e: RunEvent) => void; done: () => void } {
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
      draw(progressLine(event.progress, columns()));
    },
    done() {
      if (drawn) write('\n');
    },
  };
}
