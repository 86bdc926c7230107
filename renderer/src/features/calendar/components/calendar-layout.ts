/**
 * Where a booking sits on the calendar: which visible day, and how far down and how tall, from its
 * start and end read as wall-clock time in the school's zone (never the computer's zone).
 */
import { daysBetween, zonedParts } from '../../../lib/dates';

export type CalendarWindow = {
  /** The first visible day, YYYY-MM-DD. */
  firstDay: string;
  days: number;
  /** The visible hours, as minutes after midnight: e.g. 7:00 to 21:00. */
  dayStartMinute: number;
  dayEndMinute: number;
  timeZone: string;
};

export type Placement = {
  dayIndex: number;
  /** Percent from the top of the day column and percent of its height. */
  top: number;
  height: number;
  /** The booking starts before or ends after the visible hours. */
  clippedStart: boolean;
  clippedEnd: boolean;
};

/** The placement of [startsAt, endsAt) in the window; null when no part of it is visible. */
export function placeBlock(startsAt: string, endsAt: string, window: CalendarWindow): Placement | null {
  const start = zonedParts(startsAt, window.timeZone);
  const end = zonedParts(endsAt, window.timeZone);
  const dayIndex = daysBetween(window.firstDay, start.date);
  if (dayIndex < 0 || dayIndex >= window.days) return null;
  // A booking that runs past midnight is drawn to the end of its first day.
  const endMinute = end.date === start.date ? end.minute : 24 * 60;
  const span = window.dayEndMinute - window.dayStartMinute;
  const from = Math.max(start.minute, window.dayStartMinute);
  const to = Math.min(endMinute, window.dayEndMinute);
  if (to <= from) return null;
  return {
    dayIndex,
    top: ((from - window.dayStartMinute) / span) * 100,
    height: ((to - from) / span) * 100,
    clippedStart: start.minute < window.dayStartMinute,
    clippedEnd: endMinute > window.dayEndMinute,
  };
}

/** Snaps a click at `fraction` (0..1) down a day column to the quarter hour, as minutes after midnight. */
export function minuteAt(fraction: number, window: Pick<CalendarWindow, 'dayStartMinute' | 'dayEndMinute'>, step = 15): number {
  const raw = window.dayStartMinute + fraction * (window.dayEndMinute - window.dayStartMinute);
  return Math.min(window.dayEndMinute - step, Math.max(window.dayStartMinute, Math.floor(raw / step) * step));
}

/**
 * Side-by-side lanes for bookings that overlap in one column (e.g. a lesson and a class, or a
 * conflict already on file), so that none hides another. Returns lane index and lane count per item.
 */
export function assignLanes<T extends { startsAt: string; endsAt: string }>(items: readonly T[]): Array<{ item: T; lane: number; lanes: number }> {
  const sorted = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || b.endsAt.localeCompare(a.endsAt));
  const result: Array<{ item: T; lane: number; lanes: number }> = [];
  let group: Array<{ item: T; lane: number; lanes: number }> = [];
  let laneEnds: string[] = [];
  let groupEnd = '';
  const closeGroup = () => {
    for (const entry of group) entry.lanes = laneEnds.length;
    result.push(...group);
    group = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (group.length > 0 && new Date(item.startsAt) >= new Date(groupEnd)) closeGroup();
    let lane = laneEnds.findIndex((end) => new Date(end) <= new Date(item.startsAt));
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.endsAt);
    } else {
      laneEnds[lane] = item.endsAt;
    }
    group.push({ item, lane, lanes: 0 });
    if (group.length === 1 || new Date(item.endsAt) > new Date(groupEnd)) groupEnd = item.endsAt;
  }
  closeGroup();
  return result;
}

/**
 * Lanes as `assignLanes`, but the items `floats` picks (a lesson being moved) take the column's whole width above
 * the others instead of squeezing them: it is where the lesson would land, not a booking beside them yet.
 */
export function assignLanesFloating<T extends { startsAt: string; endsAt: string }>(items: readonly T[], floats: (item: T) => boolean): Array<{ item: T; lane: number; lanes: number }> {
  const floating = items.filter(floats);
  return [...assignLanes(items.filter((item) => !floats(item))), ...floating.map((item) => ({ item, lane: 0, lanes: 1 }))];
}

/** Where a placed block is drawn in its column, beside the others in its lane group. */
export function blockStyle(placement: Pick<Placement, 'top' | 'height'>, lane: number, lanes: number) {
  return {
    top: `${placement.top}%`,
    height: `${placement.height}%`,
    left: `calc(${(lane / lanes) * 100}% + 2px)`,
    width: `calc(${100 / lanes}% - 4px)`,
  };
}
