import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { ChannelSample } from './sample-types';

/** The audit reads main and Home make: the head main anchors, what start-up restored, and the chain an export copies. */
export const auditSamples: Record<string, ChannelSample> = {
  'db:audit:head': {
    valid: async () => ({}),
    invalid: { entry_id: 1 },
    invalidField: 'entry_id',
  },
  'db:audit:chain': {
    valid: async () => ({ after_id: 0, limit: 100 }) satisfies ChannelRequest<'db:audit:chain'>,
    invalid: { limit: 1001 },
    invalidField: 'limit',
  },
  'db:audit:filterOptions': {
    valid: async () => ({}),
    invalid: { person: 'os:desk' },
    invalidField: 'person',
  },
  'db:audit:integrity': {
    valid: async () => ({}),
    invalid: { since: '2026-01-01' },
    invalidField: 'since',
  },
};
