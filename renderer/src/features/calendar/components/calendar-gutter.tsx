import { minuteText, type TimeFormat } from '../../../lib/clock-text';
import type { CalendarWindow } from './calendar-layout';

/** The height of an hour on every calendar grid. */
export const HOUR_PX = 56;

export function columnHeight(window: Pick<CalendarWindow, 'dayStartMinute' | 'dayEndMinute'>): number {
  return ((window.dayEndMinute - window.dayStartMinute) / 60) * HOUR_PX;
}

/** The hours down the left of a calendar grid. */
export function HourGutter({ window, timeFormat }: { window: CalendarWindow; timeFormat: TimeFormat }) {
  const hours: number[] = [];
  for (let minute = window.dayStartMinute; minute < window.dayEndMinute; minute += 60) hours.push(minute);
  return (
    <div className="cal__gutter" style={{ height: columnHeight(window) }}>
      {hours.map((minute) => (
        <span key={minute} className="cal__hour" style={{ top: ((minute - window.dayStartMinute) / 60) * HOUR_PX }}>
          {minuteText(minute, timeFormat)}
        </span>
      ))}
    </div>
  );
}
