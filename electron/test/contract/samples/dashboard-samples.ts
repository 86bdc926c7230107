import type { ChannelRequest } from '../../../../shared-contracts/channels';
import { createdStudent } from './students-samples';
import type { ChannelSample } from './sample-types';

export const dashboardSamples: Record<string, ChannelSample> = {
  'db:dashboard:needsAttention': {
    valid: async (call) => {
      await createdStudent(call);
      return { limit: 20 } satisfies ChannelRequest<'db:dashboard:needsAttention'>;
    },
    invalid: { limit: 0 },
    invalidField: 'limit',
  },
};
