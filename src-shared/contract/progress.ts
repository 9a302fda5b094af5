/**
 * Overall progress of a run, 0–100, for the window and the taskbar: documents carry most of the
 * weight, gap and finding derivation the rest; a completed run is 100.
 */
export function runPercent(run: { status: string; phase: string; docsDone: number; docsTotal: number }): number {
  if (run.status === 'completed' || run.phase === 'done') return 100;
  const docs = run.docsTotal === 0 ? 0 : Math.min(1, run.docsDone / run.docsTotal);
  switch (run.phase) {
    case 'starting':
      return 0;
    case 'ingest':
      return 3;
    case 'documents':
      return Math.round(5 + docs * 85);
    case 'gaps':
      return 92;
    case 'findings':
      return 96;
    default:
      return Math.round(docs * 90);
  }
}
