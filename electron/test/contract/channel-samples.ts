import type { ChannelRequest, ChannelResponse } from '../../../shared-contracts/channels';

/** Calls one channel through the real handlers and unwraps the envelope (throws on ok:false). */
export type CallChannel = (channel: string, payload?: unknown) => Promise<unknown>;

export interface ChannelSample {
  /** A payload the backend accepts; may create the records it needs first. */
  valid: (call: CallChannel) => Promise<unknown>;
  /** A payload the bridge must refuse with validation_failed before it reaches the backend. */
  invalid: unknown;
  /** The field the refusal must name. */
  invalidField: string;
}

type Student = ChannelResponse<'db:students:create'>;

let counter = 0;

/** Unique per student (the backend refuses a duplicate), dashed as users type it; the last six digits match the birth date. */
function licenceNumber(n: number): string {
  const digits = `${String(n).padStart(8, '0')}070315`;
  const plain = `L${digits}`;
  return `${plain.slice(0, 5)}-${plain.slice(5, 10)}-${plain.slice(10)}`;
}

export function newStudentBody(): ChannelRequest<'db:students:create'>['body'] {
  counter += 1;
  return {
    first_name: 'Ann',
    last_name: `Lee${counter}`,
    date_of_birth: '2007-03-15',
    phone: '416-555-0100',
    email: 'ann.lee@example.com',
    licence_number: licenceNumber(counter),
    licence_class: 'G1',
  };
}

async function createdStudent(call: CallChannel): Promise<Student> {
  return (await call('db:students:create', { body: newStudentBody() })) as Student;
}

/**
 * One entry per manifest channel. The suite fails when the manifest grows a channel that has no entry here,
 * so a new backend route cannot ship without a contract test.
 */
export const channelSamples: Record<string, ChannelSample> = {
  'db:system:health': {
    valid: async () => ({}),
    invalid: { verbose: true },
    invalidField: 'verbose',
  },
  'db:students:list': {
    valid: async (call) => {
      await createdStudent(call);
      return { q: 'Ann', limit: 10, offset: 0 } satisfies ChannelRequest<'db:students:list'>;
    },
    invalid: { limit: 0 },
    invalidField: 'limit',
  },
  'db:students:create': {
    valid: async () => ({ body: newStudentBody() }),
    invalid: { body: { first_name: 'Ann', date_of_birth: '2007-03-15' } },
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
