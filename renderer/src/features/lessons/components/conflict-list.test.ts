import { describe, expect, it } from 'vitest';
import { conflictingSpan } from './conflict-list';

const TZ = 'America/Toronto';

describe('conflictingSpan', () => {
  it('asks for a reason for a lesson booked in the past, or completed late', () => {
    const booked = { code: 'lesson.backdated_without_reason', message: 'needs a reason', details: { event: 'starts_at', starts_at: '2026-03-04T15:00:00Z', local_time: '2026-03-04 10:00' } };
    expect(conflictingSpan(booked, TZ)).toBe('The lesson starts 2026-03-04 10:00, in the past: enter a reason to book it.');
    const late = { code: 'lesson.backdated_without_reason', message: 'needs a reason', details: { event: 'actual_end', local_time: '2026-03-04 11:00', grace_hours: 48 } };
    expect(conflictingSpan(late, TZ)).toBe('The lesson ended 2026-03-04 11:00, more than 48 hours ago: enter a reason for the late entry.');
  });

  it('names nothing for a refusal without a span', () => {
    expect(conflictingSpan({ code: 'lesson.g1_night_ban', message: 'night', details: null }, TZ)).toBeNull();
  });
});
