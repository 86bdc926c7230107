import { addDays, zonedParts, zonedToInstant } from '../../../lib/dates';

/** How far a lesson is being moved by keyboard: whole days, minutes later, and minutes longer. */
export type Shift = { days: number; minutes: number; longer: number };

export const NO_SHIFT: Shift = { days: 0, minutes: 0, longer: 0 };
/** Each Alt+↑/↓ moves the lesson this much; Alt+Shift+↑/↓ changes its length by it. */
export const STEP_MINUTES = 15;
/** No key makes a lesson shorter than this. */
export const SHORTEST_MINUTES = 30;

type Times = { starts_at: string; ends_at: string };

const minutesBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

/**
 * Where a lesson lands after a shift, on the school's wall clock: a day later is the same time of day even
 * across a daylight-saving change, and its length never falls below the shortest lesson.
 */
export function shiftedTimes(lesson: Times, shift: Shift, timeZone: string): Times {
  const start = zonedParts(lesson.starts_at, timeZone);
  const length = Math.max(SHORTEST_MINUTES, minutesBetween(lesson.starts_at, lesson.ends_at) + shift.longer);
  const date = addDays(start.date, shift.days);
  const minute = start.minute + shift.minutes;
  return { starts_at: zonedToInstant(date, minute, timeZone), ends_at: zonedToInstant(date, minute + length, timeZone) };
}

/** The shift one key adds (Alt with an arrow), or null for any other key. */
export function shiftForKey(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey'>): Shift | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  const up = event.key === 'ArrowUp' ? -1 : event.key === 'ArrowDown' ? 1 : 0;
  if (event.shiftKey) return up ? { ...NO_SHIFT, longer: up * STEP_MINUTES } : null;
  if (up) return { ...NO_SHIFT, minutes: up * STEP_MINUTES };
  if (event.key === 'ArrowLeft') return { ...NO_SHIFT, days: -1 };
  if (event.key === 'ArrowRight') return { ...NO_SHIFT, days: 1 };
  return null;
}

export function addShift(a: Shift, b: Shift): Shift {
  return { days: a.days + b.days, minutes: a.minutes + b.minutes, longer: a.longer + b.longer };
}

export const isMoved = (shift: Shift) => shift.days !== 0 || shift.minutes !== 0 || shift.longer !== 0;

/** A drag of a lesson block: how far the pointer went and how big a minute and a day are on screen. */
export type DragDistance = { dx: number; dy: number; minutePx: number; dayPx: number; resize: boolean };

/**
 * The shift a drag makes: whole quarter hours down the column and, when `days` allows it, whole days across,
 * kept inside the days shown; a drag of the bottom edge changes the length instead.
 */
export function shiftForDrag(drag: DragDistance, days: { before: number; after: number } = { before: 0, after: 0 }): Shift {
  const quarterHours = Math.round(drag.dy / drag.minutePx / STEP_MINUTES);
  const minutes = quarterHours === 0 ? 0 : quarterHours * STEP_MINUTES;
  if (drag.resize) return { ...NO_SHIFT, longer: minutes };
  const across = drag.dayPx > 0 ? Math.round(drag.dx / drag.dayPx) : 0;
  const day = Math.min(days.after, Math.max(-days.before, across));
  return { days: day === 0 ? 0 : day, minutes, longer: 0 };
}
