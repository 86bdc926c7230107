import { describe, expect, it } from 'vitest';
import { OdsmError } from '../../../lib/odsm';
import { describeScheduleRefusal } from './schedule-refusal';

const refusal = (code: string, details: Record<string, unknown>) => new OdsmError({ code, message: 'refused', requestId: 'r1', details });

describe('describeScheduleRefusal', () => {
  it('names the lesson, class or time off that holds the instructor', () => {
    expect(describeScheduleRefusal(refusal('classroom.instructor_teaching_lesson', { student_name: 'Ada Lovelace', local_time: '2026-03-04 10:00-11:00' }))).toBe(
      'The instructor has an in-car lesson with Ada Lovelace at 2026-03-04 10:00-11:00.',
    );
    expect(describeScheduleRefusal(refusal('classroom.instructor_double_booked', { topic: 'Signs', room: 'B', local_time: '2026-03-04 09:00-12:00' }))).toBe(
      'The instructor already teaches “Signs” in B at 2026-03-04 09:00-12:00.',
    );
    expect(describeScheduleRefusal(refusal('classroom.instructor_time_off', { reason: 'Dentist', local_time: '2026-03-04 13:00-18:00' }))).toBe(
      'The instructor has time off 2026-03-04 13:00-18:00 (Dentist).',
    );
    expect(describeScheduleRefusal(refusal('classroom.instructor_at_road_test', { conflicting_student_name: 'Ada Lovelace', local_time: '1:00–3:00 p.m. on Sat, Dec 12' }))).toBe(
      'The instructor is going with Ada Lovelace to a road test at 1:00–3:00 p.m. on Sat, Dec 12.',
    );
  });

  it('asks for a reason for a past class or a late entry, and refuses attendance ahead', () => {
    expect(describeScheduleRefusal(refusal('classroom.backdated_without_reason', { event: 'starts_at', local_time: '2026-03-04 09:00' }))).toBe(
      'This class starts 2026-03-04 09:00, in the past: enter a reason to add it.',
    );
    expect(describeScheduleRefusal(refusal('classroom.backdated_without_reason', { event: 'ends_at', local_time: '2026-03-04 12:00', grace_hours: 48 }))).toBe(
      'This class ended 2026-03-04 12:00, more than 48 hours ago: enter a reason for the late entry.',
    );
    expect(describeScheduleRefusal(refusal('classroom.not_yet_happened', { local_time: '2026-03-04 09:00' }))).toBe('This class starts 2026-03-04 09:00: attendance is taken once it has begun.');
  });

  it('leaves other errors to the generic banner', () => {
    expect(describeScheduleRefusal(refusal('classroom.session_full', {}))).toBeNull();
    expect(describeScheduleRefusal(new Error('boom'))).toBeNull();
  });
});
