import type { CalendarWindow } from './calendar-layout';
import type { OffBand } from './school-day-shading';

/** An instructor's unbookable time in a day column, hatched (time off darker, and said in words). */
export function OffBands({ bands, window }: { bands: readonly OffBand[]; window: Pick<CalendarWindow, 'dayStartMinute' | 'dayEndMinute'> }) {
  const span = window.dayEndMinute - window.dayStartMinute;
  return (
    <>
      {bands.map((band) => (
        <div
          key={`${band.kind}${band.from}`}
          className={`sd__off sd__off--${band.kind}`}
          style={{ top: `${((band.from - window.dayStartMinute) / span) * 100}%`, height: `${((band.to - band.from) / span) * 100}%` }}
          aria-hidden="true"
          data-testid="calendar-off"
          data-off={band.kind}
        >
          {band.kind === 'time_off' ? <span className="sd__off-label">Time off</span> : null}
        </div>
      ))}
    </>
  );
}
