/**
 * Where an instructor is not bookable on the school day: outside their weekly hours for that weekday, or in
 * their time off. Minutes from the school's local midnight, clipped to the visible hours. An instructor who
 * never recorded weekly hours is bookable whenever (as the booking rule reads it), so only time off shades.
 */
import { zonedParts } from '../../../lib/dates';
import type { CalendarWindow } from './calendar-layout';

export type OffKind = 'outside_hours' | 'time_off';
export type OffBand = { from: number; to: number; kind: OffKind };

type Hours = { start_minute: number; end_minute: number };
type TimeOff = { starts_at: string; ends_at: string };
export type Availability = { weekly_hours_set: boolean; hours: readonly Hours[]; time_off: readonly TimeOff[] };

const DAY = 24 * 60;

/** The instructor's unbookable bands on `date`, in the window's visible hours; time off drawn over the rest. */
export function offBands(who: Availability, date: string, window: Pick<CalendarWindow, 'dayStartMinute' | 'dayEndMinute' | 'timeZone'>): OffBand[] {
  const clip = (band: OffBand): OffBand | null => {
    const from = Math.max(band.from, window.dayStartMinute);
    const to = Math.min(band.to, window.dayEndMinute);
    return to > from ? { ...band, from, to } : null;
  };
  const bands: OffBand[] = [];
  if (who.weekly_hours_set) {
    let cursor = 0;
    for (const { start_minute, end_minute } of [...who.hours].sort((a, b) => a.start_minute - b.start_minute)) {
      if (start_minute > cursor) bands.push({ from: cursor, to: start_minute, kind: 'outside_hours' });
      cursor = Math.max(cursor, end_minute);
    }
    if (cursor < DAY) bands.push({ from: cursor, to: DAY, kind: 'outside_hours' });
  }
  for (const off of who.time_off) {
    const start = zonedParts(off.starts_at, window.timeZone);
    const end = zonedParts(off.ends_at, window.timeZone);
    // Only the time off that touches this date (an instructor's week passes all of theirs).
    if (start.date > date || end.date < date || (end.date === date && end.minute === 0 && start.date < date)) continue;
    bands.push({ from: start.date < date ? 0 : start.minute, to: end.date > date ? DAY : end.minute, kind: 'time_off' });
  }
  return bands.map(clip).filter((band): band is OffBand => band !== null);
}

/** Why [minute, minute + length) cannot be booked without a reason, or null when the instructor is free then. */
export function offAt(bands: readonly OffBand[], minute: number, length: number): OffKind | null {
  const hit = bands.filter((band) => band.from < minute + length && band.to > minute);
  if (hit.some((band) => band.kind === 'time_off')) return 'time_off';
  return hit.length > 0 ? 'outside_hours' : null;
}
