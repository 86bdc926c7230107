import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { ChannelSample } from './sample-types';
import { newStudentBody } from './students-samples';

/** The documents' contents: the inspector packet and progress report of a student just added. */
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
};
