import { describe, expect, it } from 'vitest';
import { ruleExplanation } from './conflict-list';
import { toLessonUpdate, toProposal, type LessonFormValues } from './lesson-form-values';
import type { Lesson } from '../types';

const values: LessonFormValues = {
  studentId: 1,
  studentName: 'Amara Okafor',
  enrollmentId: null,
  instructorId: 2,
  vehicleId: 3,
  date: '2031-06-10',
  startTime: '18:00',
  durationMinutes: 60,
  pickupLocation: '',
  reason: '',
  overrideReason: '',
};

describe('booking outside the instructor’s hours', () => {
  it('says why the G1 rules hold a student with no class on file', () => {
    expect(ruleExplanation({ code: 'lesson.g1_night_ban', message: 'Night', details: { licence_class_on_file: null } })).toMatch(/No licence class/);
    expect(ruleExplanation({ code: 'lesson.g1_night_ban', message: 'Night', details: { licence_class_on_file: 'G1' } })).toBeNull();
  });

  it('sends the reason, trimmed, with the booking and the move, and nothing when it is blank', () => {
    expect(toProposal({ ...values, overrideReason: '  ' }, 'America/Toronto')?.override_reason).toBeNull();
    const proposal = toProposal({ ...values, overrideReason: ' Road test tomorrow ' }, 'America/Toronto');
    expect(proposal?.override_reason).toBe('Road test tomorrow');
    const lesson = { version: 4, starts_at: '2031-06-10T13:00:00Z', ends_at: '2031-06-10T14:00:00Z', instructor_id: 2, vehicle_id: 3, pickup_location: null } as Lesson;
    expect(proposal && toLessonUpdate(lesson, proposal).override_reason).toBe('Road test tomorrow');
  });

  it('sends the back-dating reason with a move too (a lesson moved into the past needs one)', () => {
    const lesson = { version: 4, starts_at: '2031-06-12T13:00:00Z', ends_at: '2031-06-12T14:00:00Z', instructor_id: 2, vehicle_id: 3, pickup_location: null } as Lesson;
    const moved = toProposal({ ...values, reason: ' Given earlier, entered late ' }, 'America/Toronto');
    expect(moved && toLessonUpdate(lesson, moved).reason).toBe('Given earlier, entered late');
    const plain = toProposal(values, 'America/Toronto');
    expect(plain && 'reason' in toLessonUpdate(lesson, plain)).toBe(false);
  });
});
