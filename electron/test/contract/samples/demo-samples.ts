import type { ChannelSample } from './sample-types';
import { createdStudent } from './students-samples';

export const demoSamples: Record<string, ChannelSample> = {
  'db:demo:status': {
    valid: async () => ({}),
    invalid: { verbose: true },
    invalidField: 'verbose',
  },
  'db:demo:load': {
    // The demo school only goes into an empty database, and it fills it in the background: in the shared
    // contract database it must not run. With a student on file, the right answer is the refusal.
    valid: async (call) => {
      await createdStudent(call);
      return { students: 10 };
    },
    expectError: 'demo.database_not_empty',
    invalid: { students: 5 },
    invalidField: 'students',
  },
};
