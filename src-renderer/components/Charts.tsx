import { SEVERITIES, type Severity } from '../../src-shared/domain';
import { formatCount, SEVERITY_LABELS } from '../lib/format';

export interface BarItem {
  key: string;
  label: string;
  value: number;
  tone?: string;
  onClick?: () => void;
}

/** Horizontal bars, one per item, scaled to the largest value. */
export function BarList({ items, unit }: { items: BarItem[]; unit?: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul className="bar-list">
      {items.map((item) => {
        const body = (
          <>
            <span className="bar-label">{item.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className={`bar-fill ${item.tone ?? ''}`} style={{ width: `${(item.value / max) * 100}%` }} />
            </span>
            <span className="bar-value">
              {formatCount(item.value)}
              {unit ? ` ${unit}` : ''}
            </span>
          </>
        );
        return (
          <li key={item.key}>
            {item.onClick ? (
              <button className="bar-row" onClick={item.onClick} aria-label={`${item.label}: ${item.value}`}>
                {body}
              </button>
            ) : (
              <div className="bar-row">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export interface StackedRow {
  key: string;
  label: string;
  counts: Record<Severity, number>;
  onClick?: () => void;
}

/** One bar per row, split by severity; bars share one scale so rows compare. */
export function SeverityStacks({ rows }: { rows: StackedRow[] }) {
  const max = Math.max(1, ...rows.map((r) => SEVERITIES.reduce((sum, s) => sum + r.counts[s], 0)));
  return (
    <div className="stacks">
      <ul className="bar-list">
        {rows.map((row) => {
          const total = SEVERITIES.reduce((sum, s) => sum + row.counts[s], 0);
          const summary = SEVERITIES.filter((s) => row.counts[s] > 0)
            .map((s) => `${row.counts[s]} ${s}`)
            .join(', ');
          return (
            <li key={row.key}>
              <button className="bar-row" onClick={row.onClick} aria-label={`${row.label}: ${total} findings${summary ? ` (${summary})` : ''}`}>
                <span className="bar-label">{row.label}</span>
                <span className="bar-track" aria-hidden="true">
                  {SEVERITIES.map((s) =>
                    row.counts[s] > 0 ? <span key={s} className={`bar-seg sev-bg-${s}`} style={{ width: `${(row.counts[s] / max) * 100}%` }} /> : null,
                  )}
                </span>
                <span className="bar-value">{formatCount(total)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <SeverityLegend />
    </div>
  );
}

export function SeverityLegend() {
  return (
    <div className="legend" aria-hidden="true">
      {SEVERITIES.map((s) => (
        <span key={s}>
          <i className={`dot sev-bg-${s}`} />
          {SEVERITY_LABELS[s]}
        </span>
      ))}
    </div>
  );
}

export interface DonutSlice {
  key: string;
  label: string;
  value: number;
  tone: string;
}

/** A ring chart with the total in the middle. */
export function Donut({ slices, centerLabel }: { slices: DonutSlice[]; centerLabel: string }) {
  const total = slices.reduce((sum, s) => sum + s.value, 0);
  const radius = 42;
  const circumference = 2 * Math.PI * radius;
  let offset = 0;
  return (
    <div className="donut">
      <svg viewBox="0 0 100 100" role="img" aria-label={`${centerLabel}: ${slices.map((s) => `${s.value} ${s.label}`).join(', ')}`}>
        <circle className="donut-track" cx="50" cy="50" r={radius} />
        {total > 0 &&
          slices.map((slice) => {
            const length = (slice.value / total) * circumference;
            const circle = (
              <circle
                key={slice.key}
                className={`donut-slice ${slice.tone}`}
                cx="50"
                cy="50"
                r={radius}
                strokeDasharray={`${length} ${circumference - length}`}
                strokeDashoffset={-offset}
              />
            );
            offset += length;
            return circle;
          })}
        <text x="50" y="48" className="donut-total">
          {formatCount(total)}
        </text>
        <text x="50" y="62" className="donut-caption">
          {centerLabel}
        </text>
      </svg>
      <ul className="donut-legend">
        {slices.map((s) => (
          <li key={s.key}>
            <i className={`dot ${s.tone}`} />
            <span>{s.label}</span>
            <strong>{formatCount(s.value)}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
