import type { ChannelRequest } from '../../../../shared-contracts/channels';
import { createdCourse, newCourseBody } from './school-records';
import { afterCreating, type ChannelSample } from './sample-types';

export const courseSamples: Record<string, ChannelSample> = {
  'db:courses:list': {
    valid: afterCreating(createdCourse, { include_inactive: true } satisfies ChannelRequest<'db:courses:list'>),
    invalid: { include_inactive: 'all' },
    invalidField: 'include_inactive',
  },
  'db:courses:create': {
    valid: async () => ({ body: newCourseBody() }) satisfies ChannelRequest<'db:courses:create'>,
    invalid: { body: { name: 'Weekend BDE', kind: 'crash_course' } },
    invalidField: 'body.kind',
  },
  'db:courses:update': {
    valid: async (call) => {
      const course = await createdCourse(call);
      return { course_id: course.id, body: { version: course.version, price_cents: 74_900 } } satisfies ChannelRequest<'db:courses:update'>;
    },
    invalid: { course_id: 1, body: { version: 1, tax_rate_basis_points: 10_001 } },
    invalidField: 'body.tax_rate_basis_points',
  },
};
