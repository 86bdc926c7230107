import type { ChannelRequest } from '../../../../shared-contracts/channels';
import { readyEnrollment } from './school-records';
import { nextUnique, type ChannelSample } from './sample-types';

export const certificationSamples: Record<string, ChannelSample> = {
  'db:certification:worklist': {
    valid: async (call) => {
      await readyEnrollment(call);
      return { limit: 50 } satisfies ChannelRequest<'db:certification:worklist'>;
    },
    invalid: { limit: 5001 },
    invalidField: 'limit',
  },
  'db:certification:certify': {
    valid: async (call) => {
      const enrollment = await readyEnrollment(call);
      return {
        enrollment_id: enrollment.id,
        body: { version: enrollment.version, certified_by: 'Mei Wong', mto_reference: `MTO-${nextUnique()}` },
      } satisfies ChannelRequest<'db:certification:certify'>;
    },
    invalid: { enrollment_id: 1, body: { version: 1, certified_by: 'Mei Wong' } },
    invalidField: 'body.mto_reference',
  },
};
