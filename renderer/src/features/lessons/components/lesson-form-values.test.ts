import { describe, expect, it } from 'vitest';
import { toProposal, type LessonFormValues } from './lesson-form-values';

const values = (date: string): LessonFormValues => ({
  studentId: 1,
  studentName: 'Maya Singh',
  enrollmentId: null,
  instructorId: 2,
  vehicleId: 3,
  date,
  startTime: '16:00',
  durationMinutes: 60,
  pickupLocation: '',
  reason: '',
  overrideReason: '',
});

describe('a booking proposal from the form', () => {
  it('is checked once the date is whole', () => {
    expect(toProposal(values('2026-12-08'), 'America/Toronto')?.starts_at).toBe('2026-12-08T21:00:00.000Z');
  });

  it('waits while the year is still being typed into the date field', () => {
    for (const typing of ['0002-12-08', '0020-12-08', '0202-12-08']) expect(toProposal(values(typing), 'America/Toronto')).toBeNull();
  });
});
