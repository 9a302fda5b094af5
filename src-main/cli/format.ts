import { DOMAIN_LABELS, DOMAINS, SEVERITIES } from '../../src-shared/domain';
import type { RunSummary } from '../services/run-summary';

export function formatSummary(s: RunSummary, dealName: string): string[] {
  const lines: string[] = [];
  const elapsed = s.elapsedMs === null ? '' : ` in ${(s.elapsedMs / 1000).toFixed(1)} s`;
  lines.push(`Deal "${dealName}", run ${s.run.runNumber}: ${s.run.status}${elapsed}`);
  if (s.run.error) lines.push(`  ${s.run.error}`);
  lines.push('');
  lines.push(`Documents: ${s.documents.total} (${s.documents.parsed} parsed, ${s.documents.failed} failed)`);
  for (const f of s.documents.failures) lines.push(`  ✗ ${f.path}: ${f.error}`);
  lines.push('');
  lines.push(`Facts: ${s.factTotal}`);
  for (const d of DOMAINS) lines.push(`  ${DOMAIN_LABELS[d].padEnd(20)} ${String(s.factsByDomain[d]).padStart(6)}`);
  lines.push('');
  lines.push(`Gaps (requests to the target): ${SEVERITIES.map((i) => `${s.gapsByImportance[i]} ${i}`).join(', ')}`);
  lines.push(`Findings: ${SEVERITIES.map((i) => `${s.findingsBySeverity[i]} ${i}`).join(', ')}`);
  if (s.topFindings.length > 0) {
    lines.push('');
    lines.push('Top findings:');
    for (const { finding, evidence } of s.topFindings) {
      lines.push(`  [${finding.severity.toUpperCase()}] ${finding.title} (${finding.type.replace(/_/g, ' ')}, ${DOMAIN_LABELS[finding.domain as keyof typeof DOMAIN_LABELS] ?? finding.domain})`);
      for (const ev of evidence) lines.push(`      “${truncate(ev.quote, 110)}” — ${ev.documentPath}, ${ev.location}`);
    }
  }
  return lines;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Renders rows as an aligned plain-text table. */
export function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
