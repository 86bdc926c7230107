import type { ChannelRequest } from '../../../../shared-contracts/channels';
import { PAPER, bookedLesson, futureSlot, lessonBody, lessonParties, pastSlot } from './school-records';
import type { ChannelSample } from './sample-types';

/** For the invalid payloads, which the bridge refuses before any booking rule runs. */
const someSlot = { starts_at: '2030-03-04T10:00:00-05:00', ends_at: '2030-03-04T11:00:00-05:00' };

export const lessonSamples: Record<string, ChannelSample> = {
  'db:lessons:list': {
    valid: async (call) => {
      const { lesson, parties } = await bookedLesson(call);
      return {
        start: lesson.starts_at,
        end: lesson.ends_at,
        instructor_id: parties.instructor.id,
        include_cancelled: true,
        limit: 50,
      } satisfies ChannelRequest<'db:lessons:list'>;
    },
    invalid: { start: '2030-01-01T00:00:00-05:00', end: '2030-01-02T00:00:00-05:00', limit: 5001 },
    invalidField: 'limit',
  },
  'db:lessons:forStudent': {
    valid: async (call) => {
      const { parties } = await bookedLesson(call);
      return { student_id: parties.enrolled.student.id, upcoming_limit: 10, past_limit: 10 } satisfies ChannelRequest<'db:lessons:forStudent'>;
    },
    invalid: { student_id: 1, past_limit: 501 },
    invalidField: 'past_limit',
  },
  'db:lessons:daySheet': {
    valid: async (call) => {
      const slot = futureSlot();
      const { parties } = await bookedLesson(call, slot);
      return { instructor_id: parties.instructor.id, date: slot.date } satisfies ChannelRequest<'db:lessons:daySheet'>;
    },
    invalid: { instructor_id: 1, date: '07/01/2030' },
    invalidField: 'date',
  },
  'db:lessons:schoolDay': {
    valid: async (call) => {
      const slot = futureSlot();
      await bookedLesson(call, slot);
      return { day: slot.date } satisfies ChannelRequest<'db:lessons:schoolDay'>;
    },
    invalid: { day: '07/01/2030' },
    invalidField: 'day',
  },
  'db:lessons:findSlots': {
    valid: async (call) => {
      const parties = await lessonParties(call);
      return {
        student_id: parties.enrolled.student.id,
        enrollment_id: parties.enrolled.enrollment.id,
        from_date: futureSlot().date,
        days: 2,
        minutes: 60,
      } satisfies ChannelRequest<'db:lessons:findSlots'>;
    },
    invalid: { student_id: 1, minutes: 5 },
    invalidField: 'minutes',
  },
  'db:lessons:get': {
    valid: async (call) => ({ lesson_id: (await bookedLesson(call)).lesson.id }) satisfies ChannelRequest<'db:lessons:get'>,
    invalid: { lesson_id: null },
    invalidField: 'lesson_id',
  },
  'db:lessons:check': {
    valid: async (call) => ({ body: lessonBody(await lessonParties(call), futureSlot()) }) satisfies ChannelRequest<'db:lessons:check'>,
    invalid: { body: { student_id: 1, instructor_id: 1, vehicle_id: 1, starts_at: someSlot.starts_at } },
    invalidField: 'body.ends_at',
  },
  'db:lessons:book': {
    valid: async (call) => ({ body: lessonBody(await lessonParties(call), futureSlot()) }) satisfies ChannelRequest<'db:lessons:book'>,
    invalid: { body: { student_id: 1, instructor_id: 'Raj', vehicle_id: 1, ...someSlot } },
    invalidField: 'body.instructor_id',
  },
  'db:lessons:update': {
    valid: async (call) => {
      const { lesson } = await bookedLesson(call);
      const later = futureSlot();
      return {
        lesson_id: lesson.id,
        body: { version: lesson.version, starts_at: later.starts_at, ends_at: later.ends_at },
      } satisfies ChannelRequest<'db:lessons:update'>;
    },
    invalid: { lesson_id: 1, body: { version: 1, starts_at: 'at ten' } },
    invalidField: 'body.starts_at',
  },
  'db:lessons:complete': {
    valid: async (call) => {
      // Only a lesson that has ended can be completed: booked in the past, completed late, each with a reason.
      const slot = pastSlot();
      const { lesson } = await bookedLesson(call, slot, PAPER);
      return {
        lesson_id: lesson.id,
        body: {
          version: lesson.version,
          actual_start: slot.starts_at,
          actual_end: slot.ends_at,
          odometer_start: 20_100,
          odometer_end: 20_131,
          skills_covered: ['left turns', 'lane changes'],
          evaluation_notes: 'Good mirror checks.',
          reason: PAPER,
        },
      } satisfies ChannelRequest<'db:lessons:complete'>;
    },
    invalid: { lesson_id: 1, body: { version: 1, actual_start: someSlot.starts_at, actual_end: someSlot.ends_at, odometer_start: 1 } },
    invalidField: 'body.odometer_end',
  },
  'db:lessons:cancel': {
    valid: async (call) => {
      const { lesson } = await bookedLesson(call);
      return { lesson_id: lesson.id, body: { version: lesson.version, reason: 'Student is ill' } } satisfies ChannelRequest<'db:lessons:cancel'>;
    },
    invalid: { lesson_id: 1, body: { reason: 'Student is ill' } },
    invalidField: 'body.version',
  },
  'db:lessons:markNoShow': {
    valid: async (call) => {
      // A no-show is marked once the lesson has started: booked in the past.
      const { lesson } = await bookedLesson(call, pastSlot(), PAPER);
      return { lesson_id: lesson.id, body: { version: lesson.version, reason: 'Not at the pickup' } } satisfies ChannelRequest<'db:lessons:markNoShow'>;
    },
    invalid: { lesson_id: 1, body: { version: 1, reason: 'x'.repeat(501) } },
    invalidField: 'body.reason',
  },
};
