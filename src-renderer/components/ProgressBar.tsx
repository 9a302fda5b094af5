export function ProgressBar({ percent, label, tone = 'accent' }: { percent: number; label: string; tone?: 'accent' | 'ok' | 'bad' | 'warn' }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={value}>
      <div className={`progress-fill tone-${tone}`} style={{ width: `${value}%` }} />
    </div>
  );
}
