import type { ChannelRequest, ChannelResponse } from '../../../../shared-contracts/channels';
import type { ChannelSample } from './sample-types';

export const schoolSamples: Record<string, ChannelSample> = {
  'db:system:health': {
    valid: async () => ({}),
    invalid: { verbose: true },
    invalidField: 'verbose',
  },
  'db:system:diagnostics': {
    valid: async () => ({}),
    invalid: { verbose: true },
    invalidField: 'verbose',
  },
  'db:settings:get': {
    valid: async () => ({}),
    invalid: { school_id: 1 },
    invalidField: 'school_id',
  },
  'db:settings:update': {
    valid: async (call) => {
      const settings = (await call('db:settings:get', {})) as ChannelResponse<'db:settings:get'>;
      return { body: { version: settings.version, name: 'Maple Driving School' } } satisfies ChannelRequest<'db:settings:update'>;
    },
    invalid: { body: { version: 1, pass_mark_percent: 101 } },
    invalidField: 'body.pass_mark_percent',
  },
  'db:audit:history': {
    valid: async () => ({ limit: 10 }) satisfies ChannelRequest<'db:audit:history'>,
    invalid: { limit: 0 },
    invalidField: 'limit',
  },
  'db:audit:verify': {
    valid: async () => ({}),
    invalid: { deep: true },
    invalidField: 'deep',
  },
};
