import type { ChannelSample } from './sample-types';

/** The audit reads main and Home make: the head main anchors, and what start-up restored. */
export const auditSamples: Record<string, ChannelSample> = {
  'db:audit:head': {
    valid: async () => ({}),
    invalid: { entry_id: 1 },
    invalidField: 'entry_id',
  },
  'db:audit:integrity': {
    valid: async () => ({}),
    invalid: { since: '2026-01-01' },
    invalidField: 'since',
  },
};
