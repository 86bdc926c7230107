/**
 * Dates and times in the school's time zone. Two kinds of value cross the bridge:
 * - calendar dates (`YYYY-MM-DD`) for things that matter legally (expiries, deadlines): never shifted
 *   by any zone, so they are handled as plain strings and as UTC midnights for arithmetic;
 * - instants (ISO date-times with an offset) for lessons and classes, shown and positioned in the
 *   school's zone (settings.time_zone, `America/Toronto`), whatever zone the computer is set to.
 */
export const DEFAULT_TIME_ZONE = 'America/Toronto';
const DAY_MS = 86_400_000;

const dateFormat = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const weekdayDateFormat = new Intl.DateTimeFormat('en-CA', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
const longDateFormat = new Intl.DateTimeFormat('en-CA', { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });

function parseDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** A calendar date as "Mar 4, 2006"; "—" when there is none. */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '—';
  const date = parseDate(isoDate);
  return Number.isNaN(date.getTime()) ? isoDate : dateFormat.format(date);
}

/** "Wed, Mar 4". */
export function formatWeekdayDate(isoDate: string): string {
  return weekdayDateFormat.format(parseDate(isoDate));
}

/** "Wednesday, March 4, 2026". */
export function formatLongDate(isoDate: string): string {
  return longDateFormat.format(parseDate(isoDate));
}

/** An instant as "Mar 4, 2026, 2:05 p.m." in the school's zone. */
export function formatDateTime(instant: string | null | undefined, timeZone = DEFAULT_TIME_ZONE): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** Minutes after midnight as "9:30 a.m."-style 24 h text, "09:30". */
export function formatMinuteOfDay(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** "09:30" -> 570; null when the text is not a time. */
export function parseMinuteOfDay(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minute <= 24 * 60 ? minute : null;
}

export function addDays(isoDate: string, days: number): string {
  return new Date(parseDate(isoDate).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / DAY_MS);
}

/** 0 = Monday ... 6 = Sunday, as the backend numbers weekdays. */
export function weekdayOf(isoDate: string): number {
  return (parseDate(isoDate).getUTCDay() + 6) % 7;
}

/** The Monday of the week holding `isoDate`. */
export function startOfWeek(isoDate: string): string {
  return addDays(isoDate, -weekdayOf(isoDate));
}

type ZonedParts = { date: string; minute: number };

/** The wall-clock date and minute of the day of an instant, in `timeZone`. */
export function zonedParts(instant: Date | string, timeZone = DEFAULT_TIME_ZONE): ZonedParts {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '00';
  // Year 2 is "2" here: padded, so a date field half-way through its year ("0002-12-08") still reads as a date.
  return { date: `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`, minute: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** Today's date in the school's zone (not the computer's). */
export function todayIn(timeZone = DEFAULT_TIME_ZONE, now: Date = new Date()): string {
  return zonedParts(now, timeZone).date;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instantMs`, in ms. */
function offsetMs(instantMs: number, timeZone: string): number {
  const { date, minute } = zonedParts(new Date(instantMs), timeZone);
  const wallAsUtc = parseDate(date).getTime() + minute * 60_000;
  return wallAsUtc - Math.floor(instantMs / 60_000) * 60_000;
}

/**
 * The instant at wall-clock `minute` of `isoDate` in `timeZone`, as an ISO string in UTC.
 * Offsets are looked up twice, so a time just after a daylight-saving change lands right.
 */
export function zonedToInstant(isoDate: string, minute: number, timeZone = DEFAULT_TIME_ZONE): string {
  const wallAsUtc = parseDate(isoDate).getTime() + minute * 60_000;
  let instant = wallAsUtc - offsetMs(wallAsUtc, timeZone);
  const second = offsetMs(instant, timeZone);
  instant = wallAsUtc - second;
  return new Date(instant).toISOString();
}

/** An instant's time of day in the school's zone, "14:05". */
export function formatTimeIn(instant: string, timeZone = DEFAULT_TIME_ZONE): string {
  return formatMinuteOfDay(zonedParts(instant, timeZone).minute);
}

/** The instants bounding the window's days, for the list queries: [first midnight, last midnight). */
export function windowRange(window: { firstDay: string; days: number; timeZone: string }): { start: string; end: string } {
  return {
    start: zonedToInstant(window.firstDay, 0, window.timeZone),
    end: zonedToInstant(addDays(window.firstDay, window.days), 0, window.timeZone),
  };
}
