import type { ChannelRequest } from '../../../../shared-contracts/channels';
import { PAPER, createdEnrollment, createdInstructor, createdSession, futureSlot, newSessionBody, pastSlot } from './school-records';
import type { ChannelSample } from './sample-types';

export const classroomSamples: Record<string, ChannelSample> = {
  'db:classroom:list': {
    valid: async (call) => {
      const session = await createdSession(call);
      return {
        start: session.starts_at,
        end: session.ends_at,
        instructor_id: session.instructor_id,
      } satisfies ChannelRequest<'db:classroom:list'>;
    },
    invalid: { start: '2030-01-01T00:00:00-05:00' },
    invalidField: 'end',
  },
  'db:classroom:create': {
    valid: async (call) => {
      const instructor = await createdInstructor(call, { in_car: false, classroom: true });
      return { body: newSessionBody(instructor.id, futureSlot(180, 18)) } satisfies ChannelRequest<'db:classroom:create'>;
    },
    invalid: { body: { ...newSessionBody(1, futureSlot(180, 18)), capacity: 0 } },
    invalidField: 'body.capacity',
  },
  'db:classroom:recordAttendance': {
    valid: async (call) => {
      // Attendance is taken once a class has begun: a past class, entered late with a reason.
      const session = await createdSession(call, pastSlot(180, 18), PAPER);
      const { enrollment } = await createdEnrollment(call);
      return {
        session_id: session.id,
        body: { entries: [{ enrollment_id: enrollment.id, minutes: 180 }], reason: PAPER },
      } satisfies ChannelRequest<'db:classroom:recordAttendance'>;
    },
    invalid: { session_id: 1, body: { entries: [{ enrollment_id: 1, minutes: -1 }] } },
    invalidField: 'body.entries.0.minutes',
  },
  'db:classroom:addToRoster': {
    valid: async (call) => {
      // Students are registered ahead of time: a class to come.
      const session = await createdSession(call);
      const { enrollment } = await createdEnrollment(call);
      return { session_id: session.id, body: { enrollment_id: enrollment.id } } satisfies ChannelRequest<'db:classroom:addToRoster'>;
    },
    invalid: { session_id: 1, body: { enrollment_id: 'x' } },
    invalidField: 'body.enrollment_id',
  },
  'db:classroom:removeFromRoster': {
    valid: async (call) => {
      const session = await createdSession(call);
      const { enrollment } = await createdEnrollment(call);
      await call('db:classroom:addToRoster', { session_id: session.id, body: { enrollment_id: enrollment.id } });
      return { session_id: session.id, body: { enrollment_id: enrollment.id } } satisfies ChannelRequest<'db:classroom:removeFromRoster'>;
    },
    invalid: { session_id: 1, body: {} },
    invalidField: 'body.enrollment_id',
  },
};
