import type { ChannelRequest, ChannelResponse } from '../../../../shared-contracts/channels';
import { afterCreating, nextUnique, type CallChannel, type ChannelSample } from './sample-types';

type Student = ChannelResponse<'db:students:create'>;

/** Unique per student (the backend refuses a duplicate), dashed as users type it; the last six digits match the birth date. */
function licenceNumber(n: number): string {
  const plain = `L${String(n).padStart(8, '0')}070315`;
  return `${plain.slice(0, 5)}-${plain.slice(5, 10)}-${plain.slice(10)}`;
}

export function newStudentBody(): ChannelRequest<'db:students:create'>['body'] {
  const n = nextUnique();
  return {
    first_name: 'Ann',
    last_name: `Lee${n}`,
    date_of_birth: '2007-03-15',
    phone: '416-555-0100',
    email: 'ann.lee@example.com',
    licence_number: licenceNumber(n),
    licence_class: 'G1',
    consent_to_share: true,
  };
}

export async function createdStudent(call: CallChannel): Promise<Student> {
  return (await call('db:students:create', { body: newStudentBody() })) as Student;
}

export const studentSamples: Record<string, ChannelSample> = {
  'db:students:list': {
    valid: afterCreating(createdStudent, { q: 'Ann', limit: 10, offset: 0 } satisfies ChannelRequest<'db:students:list'>),
    invalid: { limit: 0 },
    invalidField: 'limit',
  },
  'db:students:create': {
    valid: async () => ({ body: newStudentBody() }) satisfies ChannelRequest<'db:students:create'>,
    invalid: { body: { first_name: 'Ann', date_of_birth: '2007-03-15', consent_to_share: true } },
    invalidField: 'body.last_name',
  },
  'db:students:get': {
    valid: async (call) => ({ student_id: (await createdStudent(call)).id }) satisfies ChannelRequest<'db:students:get'>,
    invalid: { student_id: 'seven' },
    invalidField: 'student_id',
  },
  'db:students:update': {
    valid: async (call) => {
      const student = await createdStudent(call);
      return { student_id: student.id, body: { version: student.version, phone: '647-555-0199' } } satisfies ChannelRequest<'db:students:update'>;
    },
    invalid: { student_id: 1, body: { version: 1, email: 'not-an-email' } },
    invalidField: 'body.email',
  },
  'db:students:archive': {
    valid: async (call) => {
      const student = await createdStudent(call);
      return { student_id: student.id, body: { version: student.version } } satisfies ChannelRequest<'db:students:archive'>;
    },
    invalid: { student_id: 1, body: {} },
    invalidField: 'body.version',
  },
};
