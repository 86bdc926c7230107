import { describe, expect, it } from 'vitest';
import { offAt, offBands } from './school-day-shading';

const window = { dayStartMinute: 7 * 60, dayEndMinute: 21 * 60, timeZone: 'America/Toronto' };
const DAY = '2031-06-10';

describe('the school day’s shading', () => {
  it('shades the visible time outside the weekday’s hours', () => {
    const bands = offBands({ weekly_hours_set: true, hours: [{ start_minute: 13 * 60, end_minute: 17 * 60 }, { start_minute: 9 * 60, end_minute: 12 * 60 }], time_off: [] }, DAY, window);
    expect(bands).toEqual([
      { from: 7 * 60, to: 9 * 60, kind: 'outside_hours' },
      { from: 12 * 60, to: 13 * 60, kind: 'outside_hours' },
      { from: 17 * 60, to: 21 * 60, kind: 'outside_hours' },
    ]);
    expect(offAt(bands, 9 * 60, 30)).toBeNull();
    expect(offAt(bands, 11 * 60 + 30, 60)).toBe('outside_hours');
  });

  it('shades the whole day for a weekday with no hours, and nothing for an instructor who never set hours', () => {
    expect(offBands({ weekly_hours_set: true, hours: [], time_off: [] }, DAY, window)).toEqual([{ from: 7 * 60, to: 21 * 60, kind: 'outside_hours' }]);
    expect(offBands({ weekly_hours_set: false, hours: [], time_off: [] }, DAY, window)).toEqual([]);
  });

  it('shades time off in the school’s zone, to the day’s edge when it runs over midnight', () => {
    const bands = offBands(
      {
        weekly_hours_set: false,
        hours: [],
        time_off: [
          { starts_at: '2031-06-10T17:00:00Z', ends_at: '2031-06-10T19:00:00Z' }, // 13:00–15:00 in Toronto (EDT)
          { starts_at: '2031-06-10T23:00:00Z', ends_at: '2031-06-12T12:00:00Z' }, // from 19:00, for days
        ],
      },
      DAY,
      window,
    );
    expect(bands).toEqual([
      { from: 13 * 60, to: 15 * 60, kind: 'time_off' },
      { from: 19 * 60, to: 21 * 60, kind: 'time_off' },
    ]);
    expect(offAt(bands, 14 * 60, 30)).toBe('time_off');
  });

  it('shades only the time off that touches the date: an instructor’s week passes all of it', () => {
    const time_off = [
      { starts_at: '2031-06-12T19:00:00Z', ends_at: '2031-06-12T21:00:00Z' }, // two days later, 15:00–17:00
      { starts_at: '2031-06-08T19:00:00Z', ends_at: '2031-06-09T04:00:00Z' }, // two days before, to midnight
    ];
    expect(offBands({ weekly_hours_set: false, hours: [], time_off }, DAY, window)).toEqual([]);
    expect(offBands({ weekly_hours_set: false, hours: [], time_off }, '2031-06-12', window)).toEqual([{ from: 15 * 60, to: 17 * 60, kind: 'time_off' }]);
  });
});
