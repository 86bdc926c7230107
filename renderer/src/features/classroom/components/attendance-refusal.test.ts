import { describe, expect, it } from 'vitest';
import { OdsmError } from '../../../lib/odsm';
import { describeAttendanceRefusal, formatDuration } from './attendance-refusal';

const names = (id: number) => (id === 7 ? 'Ada Lovelace' : undefined);

/** The refusal the bridge hands on for a daily classroom limit, with these details. */
function dailyLimitRefusal(details: Record<string, unknown>, requestId = '') {
  return new OdsmError({ code: 'classroom.daily_limit_exceeded', message: 'over', requestId, details });
}

describe('describeAttendanceRefusal', () => {
  it('explains the daily limit with the minutes already credited', () => {
    const error = dailyLimitRefusal({ enrollment_id: 7, date: '2026-03-04', limit_minutes: 300, already_minutes: 240, minutes: 120 }, 'r1');
    expect(describeAttendanceRefusal(error, names)).toEqual({
      enrollmentId: 7,
      message: 'Ada Lovelace: already 4 h of classroom on Mar 4, 2026; 2 h more would pass the daily limit of 5 h.',
    });
  });

  it('leaves out the minutes already credited when there are none', () => {
    const error = dailyLimitRefusal({ enrollment_id: 7, date: '2026-03-04', limit_minutes: 300, already_minutes: 0, minutes: 360 });
    expect(describeAttendanceRefusal(error, names)?.message).toBe('Ada Lovelace: 6 h on Mar 4, 2026 would pass the daily classroom limit of 5 h.');
  });

  it('explains minutes beyond the session length', () => {
    const error = new OdsmError({ code: 'classroom.minutes_exceed_session', message: 'x', requestId: '', details: { enrollment_id: 8, limit_minutes: 120, minutes: 150 } });
    expect(describeAttendanceRefusal(error, names)).toEqual({ enrollmentId: 8, message: 'Enrollment #8: 2 h 30 min is more than the session lasted (2 h).' });
  });

  it('ignores other errors', () => {
    expect(describeAttendanceRefusal(new OdsmError({ code: 'validation_failed', message: 'x', requestId: '' }), names)).toBeNull();
    expect(describeAttendanceRefusal(new Error('x'), names)).toBeNull();
  });
});

describe('formatDuration', () => {
  it('shows hours and minutes', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(75)).toBe('1 h 15 min');
  });
});
