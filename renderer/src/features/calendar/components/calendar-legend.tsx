import type { ReactNode } from 'react';

const STATUSES = [
  ['scheduled', 'Scheduled'],
  ['completed', 'Completed'],
  ['class', 'Classroom'],
  ['no_show', 'No-show'],
  ['road_test', 'Road test'],
] as const;

/** What a block's colours mean, in words beside each swatch, then what the view adds (`children`). */
export function CalendarLegend({ children }: { children: ReactNode }) {
  return (
    <p className="cal-legend muted small">
      {STATUSES.map(([status, label]) => (
        <span key={status} className="cal-legend__item">
          <span className={`cal-legend__swatch cal__block--${status}`} /> {label}
        </span>
      ))}
      <span className="cal-legend__item">· A block’s left edge is its instructor’s colour.</span>
      <span>{children}</span>
    </p>
  );
}
