import { describe, expect, it } from 'vitest';
import { windowRange } from '../../../lib/dates';
import { assignLanes, assignLanesFloating, minuteAt, placeBlock, type CalendarWindow } from './calendar-layout';

const week: CalendarWindow = { firstDay: '2026-03-02', days: 7, dayStartMinute: 7 * 60, dayEndMinute: 21 * 60, timeZone: 'America/Toronto' };

describe('placeBlock', () => {
  it('positions a lesson by its Toronto wall-clock time, not UTC', () => {
    // 14:00Z on Tue 3 March is 09:00 in Toronto (EST): two hours into a 14-hour day.
    const placement = placeBlock('2026-03-03T14:00:00Z', '2026-03-03T15:00:00Z', week);
    expect(placement).toMatchObject({ dayIndex: 1, clippedStart: false, clippedEnd: false });
    expect(placement!.top).toBeCloseTo((2 / 14) * 100);
    expect(placement!.height).toBeCloseTo((1 / 14) * 100);
  });

  it('keeps 9:00 at the same height after the clocks change (EDT from 8 March)', () => {
    const before = placeBlock('2026-03-07T14:00:00Z', '2026-03-07T15:00:00Z', week)!;
    const after = placeBlock('2026-03-08T13:00:00Z', '2026-03-08T14:00:00Z', week)!;
    expect(after.dayIndex).toBe(6);
    expect(after.top).toBeCloseTo(before.top);
  });

  it('puts an evening lesson on its Toronto day even when UTC has moved to the next day', () => {
    const placement = placeBlock('2026-03-04T00:30:00Z', '2026-03-04T01:30:00Z', week);
    expect(placement?.dayIndex).toBe(1); // 19:30 on Tuesday
  });

  it('clips at the visible hours and drops what lies outside the window', () => {
    const early = placeBlock('2026-03-02T11:00:00Z', '2026-03-02T13:00:00Z', week)!; // 06:00-08:00
    expect(early).toMatchObject({ top: 0, clippedStart: true });
    expect(early.height).toBeCloseTo((1 / 14) * 100);
    expect(placeBlock('2026-03-09T14:00:00Z', '2026-03-09T15:00:00Z', week)).toBeNull();
    expect(placeBlock('2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z', week)).toBeNull(); // 03:00
  });
});

describe('windowRange and minuteAt', () => {
  it('bounds the window by Toronto midnights', () => {
    expect(windowRange(week)).toEqual({ start: '2026-03-02T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z' });
  });

  it('snaps a click to the quarter hour inside the day', () => {
    expect(minuteAt(0, week)).toBe(7 * 60);
    expect(minuteAt(0.5, week)).toBe(14 * 60);
    expect(minuteAt(1, week)).toBe(20 * 60 + 45);
  });
});

describe('assignLanes', () => {
  it('puts overlapping bookings side by side and separate ones in one lane', () => {
    const a = { id: 'a', startsAt: '2026-03-02T14:00:00Z', endsAt: '2026-03-02T15:00:00Z' };
    const b = { id: 'b', startsAt: '2026-03-02T14:30:00Z', endsAt: '2026-03-02T15:30:00Z' };
    const c = { id: 'c', startsAt: '2026-03-02T16:00:00Z', endsAt: '2026-03-02T17:00:00Z' };
    const lanes = Object.fromEntries(assignLanes([c, b, a]).map(({ item, lane, lanes: n }) => [item.id, [lane, n]]));
    expect(lanes).toEqual({ a: [0, 2], b: [1, 2], c: [0, 1] });
  });
});

describe('assignLanesFloating', () => {
  it('draws a lesson being moved across the whole column, leaving the others where they were', () => {
    const noah = { id: 'noah', startsAt: '2026-03-03T15:00:00Z', endsAt: '2026-03-03T16:00:00Z' };
    const moving = { id: 'maya', startsAt: '2026-03-03T15:30:00Z', endsAt: '2026-03-03T16:30:00Z' };
    const lanes = assignLanesFloating([noah, moving], (item) => item.id === 'maya');
    expect(lanes).toEqual([
      { item: noah, lane: 0, lanes: 1 },
      { item: moving, lane: 0, lanes: 1 },
    ]);
    // Without floating, the two would squeeze into half a column each.
    expect(assignLanes([noah, moving]).map((entry) => entry.lanes)).toEqual([2, 2]);
  });
});
