import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { ChannelSample } from './sample-types';
import { newStudentBody } from './students-samples';

/** The documents' contents: the inspector packet, progress report and certificate of a student just added;
 * the students an inspection bundle holds. */
export const documentSamples: Record<string, ChannelSample> = {
  'db:documents:inspector-packet': {
    valid: async (call) => {
      const student = (await call('db:students:create', { body: newStudentBody() })) as { id: number };
      return { student_id: student.id } satisfies ChannelRequest<'db:documents:inspector-packet'>;
    },
    invalid: { student_id: 0 },
    invalidField: 'student_id',
  },
  'db:documents:progress-report': {
    valid: async (call) => {
      const student = (await call('db:students:create', { body: newStudentBody() })) as { id: number };
      return { student_id: student.id } satisfies ChannelRequest<'db:documents:progress-report'>;
    },
    invalid: { student_id: 'seven' },
    invalidField: 'student_id',
  },
  'db:documents:certificate': {
    valid: async (call) => {
      const student = (await call('db:students:create', { body: newStudentBody() })) as { id: number };
      return { student_id: student.id } satisfies ChannelRequest<'db:documents:certificate'>;
    },
    // A student just added has no certified course: the right answer is the refusal, in its own code.
    expectError: 'document.not_certified',
    invalid: { student_id: -3 },
    invalidField: 'student_id',
  },
  'db:documents:bundle-students': {
    valid: () => Promise.resolve({ first_day: '2026-11-01', last_day: '2026-11-30' } satisfies ChannelRequest<'db:documents:bundle-students'>),
    invalid: { first_day: '2026-11-01', last_day: 'last week' },
    invalidField: 'last_day',
  },
};
