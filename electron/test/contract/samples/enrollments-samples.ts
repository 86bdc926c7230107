import type { ChannelRequest } from '../../../../shared-contracts/channels';
import { createdCourse, createdEnrollment } from './school-records';
import type { CallChannel, ChannelSample } from './sample-types';
import { createdStudent } from './students-samples';

/** A payload for a fresh enrollment: its id, and the body given. */
function onNewEnrollment<B>(body: B): (call: CallChannel) => Promise<{ enrollment_id: number; body: B }> {
  return async (call) => ({ enrollment_id: (await createdEnrollment(call)).enrollment.id, body });
}

export const enrollmentSamples: Record<string, ChannelSample> = {
  'db:enrollments:list': {
    valid: async (call) => ({ student_id: (await createdEnrollment(call)).student.id }) satisfies ChannelRequest<'db:enrollments:list'>,
    invalid: {},
    invalidField: 'student_id',
  },
  'db:enrollments:create': {
    valid: async (call) => {
      const student = await createdStudent(call);
      const course = await createdCourse(call);
      return { body: { student_id: student.id, course_id: course.id, enrolled_on: '2025-03-01' } } satisfies ChannelRequest<'db:enrollments:create'>;
    },
    invalid: { body: { student_id: 1, course_id: 1, enrolled_on: 'next week' } },
    invalidField: 'body.enrolled_on',
  },
  'db:enrollments:get': {
    valid: async (call) => ({ enrollment_id: (await createdEnrollment(call)).enrollment.id }) satisfies ChannelRequest<'db:enrollments:get'>,
    invalid: { enrollment_id: '12' },
    invalidField: 'enrollment_id',
  },
  'db:enrollments:recordResult': {
    valid: async (call) => {
      const { enrollment } = await createdEnrollment(call);
      return { enrollment_id: enrollment.id, body: { version: enrollment.version, final_mark_percent: 84 } } satisfies ChannelRequest<'db:enrollments:recordResult'>;
    },
    invalid: { enrollment_id: 1, body: { version: 1, final_mark_percent: 101 } },
    invalidField: 'body.final_mark_percent',
  },
  'db:enrollments:addHours': {
    // Home-link hours cannot be recorded ahead: a past date.
    valid: onNewEnrollment({ minutes: 90, occurred_on: '2025-03-10', reason: 'Home-link module 3' } satisfies ChannelRequest<'db:enrollments:addHours'>['body']),
    invalid: { enrollment_id: 1, body: { minutes: 0, occurred_on: '2025-03-10' } },
    invalidField: 'body.minutes',
  },
  'db:enrollments:addCorrection': {
    valid: onNewEnrollment({
      category: 'classroom',
      minutes: 120,
      reason: 'Session sheet from 2025-03-04 entered late',
    } satisfies ChannelRequest<'db:enrollments:addCorrection'>['body']),
    invalid: { enrollment_id: 1, body: { category: 'in_car', minutes: 30, reason: 'no' } },
    invalidField: 'body.reason',
  },
};
