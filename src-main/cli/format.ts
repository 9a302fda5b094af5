import { DOMAIN_LABELS, DOMAINS, SEVERITIES } from '../../src-shared/domain';
import type { RunSummary } from '../services/run-summary';

export interface SummaryOptions {
  /** Columns to wrap at (summaryWidth()). */
  width?: number;
  /** The command that resumes this run, shown when documents were not reached. */
  resumeCommand?: string;
}

export function formatSummary(s: RunSummary, dealName: string, options: SummaryOptions = {}): string[] {
  const width = options.width ?? 100;
  const lines: string[] = [];
  const add = (text: string, indent = '') => lines.push(...wrap(text, width, indent));
  const elapsed = s.elapsedMs === null ? '' : ` in ${(s.elapsedMs / 1000).toFixed(1)} s`;
  add(`Deal "${dealName}", run ${s.run.runNumber}: ${s.run.status}${elapsed}`);
  if (s.run.error) add(`  ${s.run.error}`, '  ');
  lines.push('');
  const d = s.documents;
  const notReached = d.notReached > 0 ? `; ${d.notReached} not reached` : '';
  add(`Documents: ${d.total} (${d.parsed} parsed, ${d.failed} failed${notReached})`);
  if (d.notReached > 0 && options.resumeCommand) {
    add(`  The other ${d.notReached} ${d.notReached === 1 ? 'is' : 'are'} analysed when the run is resumed with:`, '  ');
    lines.push(`    ${options.resumeCommand}`); // never wrapped: it is pasted as is
  }
  for (const f of d.failures) add(`  ✗ ${f.path}: ${f.error}`, '      ');
  if (s.skippedFiles.length > 0) {
    const count = s.skippedFiles.length;
    add(`${count} ${count === 1 ? 'file' : 'files'} not analysed:`);
    for (const group of groupSkipped(s.skippedFiles)) {
      const shown = group.paths.slice(0, 3).join(', ');
      const more = group.paths.length > 3 ? ` and ${group.paths.length - 3} more` : '';
      add(`  ${group.paths.length} × ${group.reason}: ${shown}${more}`, '      ');
    }
  }
  lines.push('');
  lines.push(`Facts: ${s.factTotal}`);
  for (const domain of DOMAINS) lines.push(`  ${DOMAIN_LABELS[domain].padEnd(20)} ${String(s.factsByDomain[domain]).padStart(6)}`);
  lines.push('');
  add(`Gaps (requests to the target): ${SEVERITIES.map((i) => `${s.gapsByImportance[i]} ${i}`).join(', ')}`);
  add(`Findings: ${SEVERITIES.map((i) => `${s.findingsBySeverity[i]} ${i}`).join(', ')}`);
  if (s.topFindings.length > 0) {
    lines.push('');
    lines.push('Top findings:');
    for (const { finding, evidence } of s.topFindings) {
      add(`  [${finding.severity.toUpperCase()}] ${finding.title} (${finding.type.replace(/_/g, ' ')}, ${DOMAIN_LABELS[finding.domain as keyof typeof DOMAIN_LABELS] ?? finding.domain})`, '    ');
      for (const ev of evidence) add(`      “${truncate(ev.quote, 110)}” — ${ev.documentPath}, ${ev.location}`, '        ');
    }
  }
  return lines;
}

/** Skipped files by reason (the reason names the extension), the largest group first. */
export function groupSkipped(files: RunSummary['skippedFiles']): Array<{ reason: string; paths: string[] }> {
  const groups = new Map<string, string[]>();
  for (const f of files) {
    const paths = groups.get(f.reason) ?? [];
    paths.push(f.relativePath);
    groups.set(f.reason, paths);
  }
  return [...groups].map(([reason, paths]) => ({ reason, paths })).sort((a, b) => b.paths.length - a.paths.length || (a.reason < b.reason ? -1 : 1));
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * Wraps text at word boundaries to `width` columns; following lines start with `indent`.
 * A word longer than a line (a path, a URL) is left whole rather than cut.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const leading = /^ */.exec(paragraph)?.[0] ?? '';
    let line = out.length === 0 ? leading : indent + leading;
    let empty = true;
    for (const word of paragraph.split(/ +/).filter(Boolean)) {
      if (!empty && line.length + 1 + word.length > width) {
        out.push(line);
        line = indent + word;
      } else {
        line = empty ? line + word : `${line} ${word}`;
      }
      empty = false;
    }
    out.push(line);
  }
  return out;
}

/** The width summaries wrap at: the terminal's when narrower, at most 100 (and 100 when piped). */
export function summaryWidth(terminalColumns: number | null | undefined): number {
  return Math.max(40, Math.min(100, terminalColumns || 100));
}

/**
 * Renders rows as an aligned plain-text table. Given a width (a terminal's), the `flex` column
 * (a name or title) is cut with … so every line fits; without one (piped, --json), nothing is cut.
 */
export function table(headers: string[], rows: string[][], fit?: { width: number | null; flex: number }): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  if (fit?.width) {
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
    const over = total - (fit.width - 1);
    const flexWidth = widths[fit.flex] ?? 0;
    if (over > 0) widths[fit.flex] = Math.max(Math.min(flexWidth, 8), flexWidth - over);
  }
  const line = (cells: string[]) => cells.map((c, i) => truncate(c, widths[i] ?? 0).padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
