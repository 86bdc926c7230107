/** A labelled bar: done of required, capped at full; the text says the numbers for screen readers. */
export function ProgressBar({ label, value, max, detail, tone }: { label: string; value: number; max: number; detail: string; tone?: 'ok' | 'warning' | 'danger' }) {
  const percent = max <= 0 ? 100 : Math.min(100, Math.round((value / max) * 100));
  const resolved = tone ?? (percent >= 100 ? 'ok' : 'warning');
  return (
    <div className="progress" data-testid="progress" data-label={label}>
      <div className="progress__head">
        <span className="progress__label">{label}</span>
        <span className="progress__detail">{detail}</span>
      </div>
      <div className="progress__track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={Math.min(value, max)}>
        <div className={`progress__fill progress__fill--${resolved}`} style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
