import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, formatTimeIn, parseMinuteOfDay, startOfWeek, todayIn, weekdayOf, zonedParts, zonedToInstant } from './dates';

describe('school time zone', () => {
  it('reads an instant as Toronto wall-clock time, in winter (EST) and summer (EDT)', () => {
    expect(zonedParts('2026-01-15T14:30:00Z')).toEqual({ date: '2026-01-15', minute: 9 * 60 + 30 });
    expect(zonedParts('2026-07-15T14:30:00Z')).toEqual({ date: '2026-07-15', minute: 10 * 60 + 30 });
  });

  it('reads a year a date field holds while it is being typed ("0002"), instead of failing', () => {
    expect(zonedParts('0002-12-08T12:00:00Z', 'UTC')).toEqual({ date: '0002-12-08', minute: 12 * 60 });
    expect(() => zonedToInstant('0020-12-08', 9 * 60, 'America/Toronto')).not.toThrow();
  });

  it('puts a late-evening UTC instant on the previous Toronto day', () => {
    expect(zonedParts('2026-03-05T03:00:00Z')).toEqual({ date: '2026-03-04', minute: 22 * 60 });
    expect(todayIn('America/Toronto', new Date('2026-03-05T03:00:00Z'))).toBe('2026-03-04');
  });

  it('turns a Toronto wall time into the right instant on both sides of the DST change', () => {
    expect(zonedToInstant('2026-03-07', 9 * 60)).toBe('2026-03-07T14:00:00.000Z');
    // 8 March 2026: clocks go forward at 02:00.
    expect(zonedToInstant('2026-03-08', 9 * 60)).toBe('2026-03-08T13:00:00.000Z');
    expect(zonedToInstant('2026-11-01', 9 * 60)).toBe('2026-11-01T14:00:00.000Z');
  });

  it('round-trips wall time -> instant -> wall time', () => {
    for (const minute of [0, 5 * 60, 13 * 60 + 15, 23 * 60 + 59]) {
      expect(zonedParts(zonedToInstant('2026-06-01', minute))).toEqual({ date: '2026-06-01', minute });
    }
    expect(formatTimeIn('2026-06-01T13:15:00Z')).toBe('09:15');
  });
});

describe('calendar dates', () => {
  it('counts days and weekdays without any zone shifting them', () => {
    expect(daysBetween('2026-03-01', '2026-03-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(weekdayOf('2026-03-02')).toBe(0); // a Monday
    expect(weekdayOf('2026-03-08')).toBe(6);
    expect(startOfWeek('2026-03-08')).toBe('2026-03-02');
  });

  it('parses clock text into minutes of the day', () => {
    expect(parseMinuteOfDay('05:00')).toBe(300);
    expect(parseMinuteOfDay('7:45')).toBe(465);
    expect(parseMinuteOfDay('12:75')).toBeNull();
    expect(parseMinuteOfDay('noon')).toBeNull();
  });
});
