import type { ChannelRequest } from '../../../../shared-contracts/channels';
import { afterCreating, type ChannelSample } from './sample-types';
import { createdStudent } from './students-samples';

export const demoSamples: Record<string, ChannelSample> = {
  'db:demo:status': {
    valid: async () => ({}) satisfies ChannelRequest<'db:demo:status'>,
    invalid: { verbose: true },
    invalidField: 'verbose',
  },
  'db:demo:load': {
    // The demo school only goes into an empty database, and it fills it in the background: in the shared
    // contract database it must not run. With a student on file, the right answer is the refusal.
    valid: afterCreating(createdStudent, { body: { students: 10 } } satisfies ChannelRequest<'db:demo:load'>),
    expectError: 'demo.database_not_empty',
    invalid: { body: { students: 5 } },
    invalidField: 'body.students',
  },
};
