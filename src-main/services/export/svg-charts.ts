import { esc } from './escape';

// Inline SVG charts for the HTML report: no script, no external reference, readable printed in
// black and white (every bar carries its number; severities differ in shade and in pattern).

export interface SeverityStyle {
  key: string;
  label: string;
  fill: string;
  /** A hatch drawn over the fill, so the four severities differ without colour too. */
  pattern: 'none' | 'diagonal' | 'dots' | 'cross';
}

export const SEVERITY_STYLES: SeverityStyle[] = [
  { key: 'critical', label: 'Critical', fill: '#8b1a1a', pattern: 'cross' },
  { key: 'high', label: 'High', fill: '#d9622b', pattern: 'diagonal' },
  { key: 'medium', label: 'Medium', fill: '#e8b730', pattern: 'dots' },
  { key: 'low', label: 'Low', fill: '#9bbf85', pattern: 'none' },
];

const FONT = 'font-family="Helvetica, Arial, sans-serif"';

/** Pattern definitions, each chart carrying its own (ids prefixed, so two charts never clash). */
function defs(prefix: string): string {
  return `<defs>
  <pattern id="${prefix}-diagonal" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2" height="6" fill="#000" fill-opacity="0.35"/></pattern>
  <pattern id="${prefix}-dots" width="6" height="6" patternUnits="userSpaceOnUse"><circle cx="3" cy="3" r="1.2" fill="#000" fill-opacity="0.35"/></pattern>
  <pattern id="${prefix}-cross" width="6" height="6" patternUnits="userSpaceOnUse"><path d="M0 0L6 6M6 0L0 6" stroke="#fff" stroke-opacity="0.6" stroke-width="1"/></pattern>
</defs>`;
}

function bar(prefix: string, style: SeverityStyle, x: number, y: number, width: number, height: number): string {
  if (width <= 0) return '';
  const base = `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${height}" fill="${style.fill}" stroke="#222" stroke-width="0.6"/>`;
  const hatch = style.pattern === 'none' ? '' : `<rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" height="${height}" fill="url(#${prefix}-${style.pattern})"/>`;
  return base + hatch;
}

function legend(prefix: string, y: number): string {
  return SEVERITY_STYLES.map((s, i) => {
    const x = 10 + i * 110;
    return `${bar(prefix, s, x, y, 14, 14)}<text x="${x + 20}" y="${y + 11}" font-size="12" ${FONT}>${esc(s.label)}</text>`;
  }).join('');
}

/** Findings per severity: one horizontal bar each, with its count. */
export function severityChart(counts: Record<string, number>, title = 'Findings by severity'): string {
  const prefix = 'sev';
  const width = 560;
  const labelWidth = 90;
  const barArea = width - labelWidth - 60;
  const max = Math.max(1, ...SEVERITY_STYLES.map((s) => counts[s.key] ?? 0));
  const rows = SEVERITY_STYLES.map((s, i) => {
    const n = counts[s.key] ?? 0;
    const y = 10 + i * 30;
    const w = (n / max) * barArea;
    return `<text x="${labelWidth - 8}" y="${y + 15}" font-size="13" text-anchor="end" ${FONT}>${esc(s.label)}</text>${bar(prefix, s, labelWidth, y, w, 20)}<text x="${labelWidth + w + 6}" y="${y + 15}" font-size="13" font-weight="bold" ${FONT}>${n}</text>`;
  }).join('');
  const height = 10 + SEVERITY_STYLES.length * 30 + 6;
  return `<svg class="chart" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${esc(title)}</title>${defs(prefix)}${rows}</svg>`;
}

/** Findings per domain, each bar split by severity, with the domain's total. */
export function domainChart(byDomain: Array<{ label: string; counts: Record<string, number> }>, title = 'Findings by domain'): string {
  const prefix = 'dom';
  const width = 560;
  const labelWidth = 140;
  const barArea = width - labelWidth - 50;
  const totals = byDomain.map((d) => SEVERITY_STYLES.reduce((sum, s) => sum + (d.counts[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const rows = byDomain
    .map((d, i) => {
      const y = 10 + i * 30;
      let x = labelWidth;
      const segments = SEVERITY_STYLES.map((s) => {
        const w = ((d.counts[s.key] ?? 0) / max) * barArea;
        const out = bar(prefix, s, x, y, w, 20);
        x += w;
        return out;
      }).join('');
      return `<text x="${labelWidth - 8}" y="${y + 15}" font-size="13" text-anchor="end" ${FONT}>${esc(d.label)}</text>${segments}<text x="${x + 6}" y="${y + 15}" font-size="13" font-weight="bold" ${FONT}>${totals[i]}</text>`;
    })
    .join('');
  const legendY = 10 + byDomain.length * 30 + 8;
  const height = legendY + 24;
  return `<svg class="chart" role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${esc(title)}</title>${defs(prefix)}${rows}${legend(prefix, legendY)}</svg>`;
}
