import type { ChannelRequest, ChannelResponse } from '../../../../shared-contracts/channels';
import { nextUnique, type ChannelSample } from './sample-types';

// Sign-in stays off in this suite, so the desk may manage accounts as it may do everything else;
// electron/test/contract/sign-in.test.ts switches it on and checks the permissions over IPC.
export const staffSamples: Record<string, ChannelSample> = {
  'db:signIn:permissions': {
    valid: async () => ({}),
    invalid: { role: 'owner' },
    invalidField: 'role',
  },
  'db:signIn:settings': {
    valid: async () => ({}),
    invalid: { verbose: true },
    invalidField: 'verbose',
  },
  'db:signIn:updateSettings': {
    valid: async (call) => {
      const now = (await call('db:signIn:settings', {})) as ChannelResponse<'db:signIn:settings'>;
      return { body: { version: now.version, idle_lock_minutes: 15 } } satisfies ChannelRequest<'db:signIn:updateSettings'>;
    },
    invalid: { body: { version: 1, min_password_length: 4 } },
    invalidField: 'body.min_password_length',
  },
  'db:signIn:newRecoveryCode': {
    valid: async () => ({}),
    invalid: { code: 'x' },
    invalidField: 'code',
  },
  'db:staff:list': {
    valid: async () => ({}),
    invalid: { include_inactive: 'yes' },
    invalidField: 'include_inactive',
  },
  'db:staff:create': {
    valid: async () => ({ body: { name: 'Olive Front', login: `olive${nextUnique()}`, role: 'office', password: 'olive-password-1' } }),
    invalid: { body: { name: 'Olive', login: 'olive', role: 'janitor', password: 'olive-password-1' } },
    invalidField: 'body.role',
  },
  'db:staff:update': {
    valid: async (call) => {
      const made = (await call('db:staff:create', { body: { name: 'Omar Desk', login: `omar${nextUnique()}`, role: 'office', password: 'omar-password-1' } })) as ChannelResponse<'db:staff:create'>;
      return { staff_id: made.id, body: { version: made.version, name: 'Omar At The Desk' } };
    },
    invalid: { staff_id: 1, body: { version: 1, role: 'janitor' } },
    invalidField: 'body.role',
  },
  'db:staff:setPassword': {
    valid: async (call) => {
      const made = (await call('db:staff:create', { body: { name: 'Pat Desk', login: `pat${nextUnique()}`, role: 'office', password: 'pat-password-1' } })) as ChannelResponse<'db:staff:create'>;
      return { staff_id: made.id, body: { password: 'a-new-password-1' } };
    },
    invalid: { staff_id: 1, body: { password: '' } },
    invalidField: 'body.password',
  },
};
