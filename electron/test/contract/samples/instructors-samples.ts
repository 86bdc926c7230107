import type { ChannelRequest } from '../../../../shared-contracts/channels';
import { createdInstructor, newInstructorBody, type Instructor } from './school-records';
import { afterCreating, type ChannelSample } from './sample-types';

const dayOff = { starts_at: '2030-02-01T09:00:00-05:00', ends_at: '2030-02-01T17:00:00-05:00', reason: 'Course' };

export const instructorSamples: Record<string, ChannelSample> = {
  'db:instructors:list': {
    valid: afterCreating(createdInstructor, { include_inactive: true } satisfies ChannelRequest<'db:instructors:list'>),
    invalid: { include_inactive: 'yes' },
    invalidField: 'include_inactive',
  },
  'db:instructors:create': {
    valid: async () => ({ body: newInstructorBody() }) satisfies ChannelRequest<'db:instructors:create'>,
    invalid: { body: { first_name: 'Raj', last_name: 'Patel', di_licence_number: 'DI1' } },
    invalidField: 'body.di_licence_expiry',
  },
  'db:instructors:get': {
    valid: async (call) => ({ instructor_id: (await createdInstructor(call)).id }) satisfies ChannelRequest<'db:instructors:get'>,
    invalid: { instructor_id: 'x' },
    invalidField: 'instructor_id',
  },
  'db:instructors:update': {
    valid: async (call) => {
      const instructor = await createdInstructor(call);
      return { instructor_id: instructor.id, body: { version: instructor.version, phone: '905-555-0142' } } satisfies ChannelRequest<'db:instructors:update'>;
    },
    invalid: { instructor_id: 1, body: { version: 0 } },
    invalidField: 'body.version',
  },
  'db:instructors:addTimeOff': {
    valid: async (call) => ({ instructor_id: (await createdInstructor(call)).id, body: dayOff }) satisfies ChannelRequest<'db:instructors:addTimeOff'>,
    invalid: { instructor_id: 1, body: { ...dayOff, starts_at: 'tomorrow' } },
    invalidField: 'body.starts_at',
  },
  'db:instructors:removeTimeOff': {
    valid: async (call) => {
      const instructor = await createdInstructor(call);
      const withTimeOff = (await call('db:instructors:addTimeOff', { instructor_id: instructor.id, body: dayOff })) as Instructor;
      const timeOff = withTimeOff.time_off[0];
      if (!timeOff) throw new Error('addTimeOff answered without the time off it added');
      return { instructor_id: instructor.id, time_off_id: timeOff.id } satisfies ChannelRequest<'db:instructors:removeTimeOff'>;
    },
    invalid: { instructor_id: 1 },
    invalidField: 'time_off_id',
  },
};
