import type { ChannelRequest } from '../../../../shared-contracts/channels';
import { createdInstructor, readyEnrollment } from './school-records';
import { nextUnique, type CallChannel, type ChannelSample } from './sample-types';

/** A licensed instructor, as the certify requests name who certified. */
async function certifier(call: CallChannel) {
  const instructor = await createdInstructor(call);
  return { kind: 'instructor' as const, id: instructor.id };
}

export const certificationSamples: Record<string, ChannelSample> = {
  'db:certification:worklist': {
    valid: async (call) => {
      await readyEnrollment(call);
      return { limit: 50, q: 'a', state: 'ready' } satisfies ChannelRequest<'db:certification:worklist'>;
    },
    invalid: { limit: 50, state: 'soon' },
    invalidField: 'state',
  },
  'db:certification:certifiers': {
    valid: async (call) => {
      await createdInstructor(call);
      return {} satisfies ChannelRequest<'db:certification:certifiers'>;
    },
    invalid: { kind: 'staff' },
    invalidField: 'kind',
  },
  'db:certification:certify': {
    valid: async (call) => {
      const enrollment = await readyEnrollment(call);
      return {
        enrollment_id: enrollment.id,
        body: { version: enrollment.version, certifier: await certifier(call), mto_reference: `MTO-${nextUnique()}` },
      } satisfies ChannelRequest<'db:certification:certify'>;
    },
    invalid: { enrollment_id: 1, body: { version: 1, certifier: { kind: 'instructor', id: 1 } } },
    invalidField: 'body.mto_reference',
  },
  'db:certification:certifyBatch': {
    valid: async (call) => {
      const [first, second] = [await readyEnrollment(call), await readyEnrollment(call)];
      return {
        body: {
          certifier: await certifier(call),
          rows: [first, second].map((e) => ({ enrollment_id: e.id, version: e.version, mto_reference: `MTO-${nextUnique()}` })),
        },
      } satisfies ChannelRequest<'db:certification:certifyBatch'>;
    },
    invalid: { body: { certifier: { kind: 'instructor', id: 1 }, rows: [] } },
    invalidField: 'body.rows',
  },
};
