import { describe, expect, it } from 'vitest';
import { addShift, NO_SHIFT, shiftedTimes, shiftForDrag, shiftForKey } from './lesson-move';

const TZ = 'America/Toronto';
// Tue 10 Mar 2026, 4:00–5:00 p.m. in Toronto (EDT began on Sun 8 Mar): 20:00–21:00 UTC.
const LESSON = { starts_at: '2026-03-10T20:00:00.000Z', ends_at: '2026-03-10T21:00:00.000Z' };
const key = (k: string, mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean }> = {}) =>
  shiftForKey({ key: k, altKey: true, shiftKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('moving a lesson by keyboard', () => {
  it('moves by 15 minutes with Alt+↑/↓ and keeps the length', () => {
    const shift = addShift(addShift(NO_SHIFT, key('ArrowDown')!), key('ArrowDown')!);
    expect(shiftedTimes(LESSON, shift, TZ)).toEqual({ starts_at: '2026-03-10T20:30:00.000Z', ends_at: '2026-03-10T21:30:00.000Z' });
    expect(shiftedTimes(LESSON, key('ArrowUp')!, TZ).starts_at).toBe('2026-03-10T19:45:00.000Z');
  });

  it('moves a day with Alt+←/→ at the same wall-clock time, across the change to daylight saving time', () => {
    // Back two days: Sun 8 Mar at 4 p.m. is EDT still (UTC−4); Sat 7 Mar is EST (UTC−5), so an hour later in UTC.
    const twoBack = addShift(key('ArrowLeft')!, key('ArrowLeft')!);
    const threeBack = addShift(twoBack, key('ArrowLeft')!);
    expect(shiftedTimes(LESSON, twoBack, TZ).starts_at).toBe('2026-03-08T20:00:00.000Z');
    expect(shiftedTimes(LESSON, threeBack, TZ)).toEqual({ starts_at: '2026-03-07T21:00:00.000Z', ends_at: '2026-03-07T22:00:00.000Z' });
    expect(shiftedTimes(LESSON, key('ArrowRight')!, TZ).starts_at).toBe('2026-03-11T20:00:00.000Z');
  });

  it('makes it longer or shorter with Alt+Shift+↑/↓, never under 30 minutes', () => {
    expect(shiftedTimes(LESSON, key('ArrowDown', { shiftKey: true })!, TZ).ends_at).toBe('2026-03-10T21:15:00.000Z');
    let shorter = NO_SHIFT;
    for (let i = 0; i < 6; i += 1) shorter = addShift(shorter, key('ArrowUp', { shiftKey: true })!);
    expect(shiftedTimes(LESSON, shorter, TZ)).toEqual({ starts_at: LESSON.starts_at, ends_at: '2026-03-10T20:30:00.000Z' });
  });

  it('ignores arrows without Alt, and Alt with Ctrl or with another key', () => {
    expect(key('ArrowDown', { altKey: false })).toBeNull();
    expect(key('ArrowDown', { ctrlKey: true })).toBeNull();
    expect(key('p')).toBeNull();
    expect(key('ArrowLeft', { shiftKey: true })).toBeNull();
  });
});

describe('moving a lesson with the mouse', () => {
  // An hour is 48 px down the column; a day column is 150 px wide.
  const drag = (dx: number, dy: number, resize = false) => ({ dx, dy, minutePx: 0.8, dayPx: 150, resize });

  it('snaps to the quarter hour and to whole days', () => {
    expect(shiftForDrag(drag(10, 47), { before: 2, after: 2 })).toEqual({ days: 0, minutes: 60, longer: 0 });
    expect(shiftForDrag(drag(160, -5), { before: 2, after: 2 })).toEqual({ days: 1, minutes: 0, longer: 0 });
    expect(shiftForDrag(drag(-80, 20), { before: 2, after: 2 })).toEqual({ days: -1, minutes: 30, longer: 0 });
  });

  it('keeps the lesson on the days shown, and a small wobble moves nothing', () => {
    expect(shiftForDrag(drag(900, 0), { before: 1, after: 2 }).days).toBe(2);
    expect(shiftForDrag(drag(-900, 0), { before: 1, after: 2 }).days).toBe(-1);
    expect(shiftForDrag(drag(3, 4), { before: 1, after: 1 })).toEqual(NO_SHIFT);
  });

  it('changes the length when the bottom edge is dragged', () => {
    expect(shiftForDrag(drag(40, 24, true), { before: 1, after: 1 })).toEqual({ days: 0, minutes: 0, longer: 30 });
    expect(shiftForDrag(drag(0, -12, true))).toEqual({ days: 0, minutes: 0, longer: -15 });
  });
});
