/**
 * Times as the front desk reads them, in the school's own format (Settings → Times in messages): 12 h
 * ("4:00 p.m.") or 24 h ("16:00"), the same wording the backend's refusals use (odsm.core.clock_text),
 * so a screen never mixes the two.
 */
import { DEFAULT_TIME_ZONE, zonedParts } from './dates';

export type TimeFormat = '12h' | '24h';
const DASH = '\u2013';

function twelve(minute: number): [string, string] {
  const hour = Math.floor(minute / 60) % 24;
  const rest = minute % 60;
  return [`${hour % 12 || 12}:${String(rest).padStart(2, '0')}`, hour < 12 ? 'a.m.' : 'p.m.'];
}

/** Minutes after midnight: "4:00 p.m." or "16:00". */
export function minuteText(minute: number, format: TimeFormat): string {
  if (format === '24h') return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  const [clock, meridiem] = twelve(minute);
  return `${clock} ${meridiem}`;
}

/** "Tue, Mar 4" of an instant, on the school's clock. */
export function dayText(instant: string, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { weekday: 'short', month: 'short', day: 'numeric', timeZone }).format(new Date(instant));
}

/** "Tue, Mar 4, 2031" of an instant, on the school's clock. */
export function dayYearText(instant: string, timeZone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone }).format(new Date(instant));
}

/** "4:00–5:00 p.m." (one a.m./p.m. when both share it), "11:30 a.m.–12:30 p.m." or "16:00–17:00". */
export function timeRangeText(startsAt: string, endsAt: string, format: TimeFormat, timeZone = DEFAULT_TIME_ZONE): string {
  const first = zonedParts(startsAt, timeZone).minute;
  const last = zonedParts(endsAt, timeZone).minute;
  if (format === '24h') return `${minuteText(first, format)}${DASH}${minuteText(last, format)}`;
  const [a, am] = twelve(first);
  const [b, bm] = twelve(last);
  return am === bm ? `${a}${DASH}${b} ${bm}` : `${a} ${am}${DASH}${b} ${bm}`;
}

/** An instant's time of day: "4:00 p.m." or "16:00". */
export function timeText(instant: string, format: TimeFormat, timeZone = DEFAULT_TIME_ZONE): string {
  return minuteText(zonedParts(instant, timeZone).minute, format);
}

/** An instant as "Mar 4, 2031 at 4:05 p.m.", for a history line. */
export function momentText(instant: string, format: TimeFormat, timeZone = DEFAULT_TIME_ZONE): string {
  const day = new Intl.DateTimeFormat('en-CA', { month: 'short', day: 'numeric', year: 'numeric', timeZone }).format(new Date(instant));
  return `${day} at ${timeText(instant, format, timeZone)}`;
}

export function asTimeFormat(value: string | null | undefined): TimeFormat {
  return value === '24h' ? '24h' : '12h';
}
