import type { ChannelRequest, ChannelResponse } from '../../../../shared-contracts/channels';
import type { ChannelSample } from './sample-types';
import { createdStudent } from './students-samples';

async function reminderSettings(call: Parameters<ChannelSample['valid']>[0]): Promise<ChannelResponse<'db:reminders:settings-get'>> {
  return (await call('db:reminders:settings-get', {})) as ChannelResponse<'db:reminders:settings-get'>;
}

export const reminderSamples: Record<string, ChannelSample> = {
  'db:reminders:settings-get': {
    valid: async () => ({}),
    invalid: { verbose: true },
    invalidField: 'verbose',
  },
  'db:reminders:settings-update': {
    valid: async (call) => {
      const current = await reminderSettings(call);
      return {
        body: { version: current.version, smtp_host: 'smtp.maple.example', smtp_port: 587, smtp_tls: 'starttls', quiet_start_minute: 1260 },
      } satisfies ChannelRequest<'db:reminders:settings-update'>;
    },
    // The password is never a setting: the bridge refuses it before the backend sees it.
    invalid: { body: { version: 1, smtp_password: 'secret' } },
    invalidField: 'body.smtp_password',
  },
  'db:reminders:consent-get': {
    valid: async (call) => ({ student_id: (await createdStudent(call)).id }) satisfies ChannelRequest<'db:reminders:consent-get'>,
    invalid: { student_id: 0 },
    invalidField: 'student_id',
  },
  'db:reminders:consent-set': {
    valid: async (call) =>
      ({ student_id: (await createdStudent(call)).id, body: { agreed: true } }) satisfies ChannelRequest<'db:reminders:consent-set'>,
    invalid: { student_id: 1, body: { agreed: 'yes' } },
    invalidField: 'body.agreed',
  },
  'db:reminders:templates-list': {
    valid: async () => ({}),
    invalid: { rule: 'lesson_tomorrow' },
    invalidField: 'rule',
  },
  'db:reminders:template-save': {
    valid: async () =>
      ({
        rule: 'bde_deadline',
        channel_name: 'email',
        body: { subject: 'Finish by {{ enrollment.deadline }}', body: 'Hello {{ student.first_name }}.' },
      }) satisfies ChannelRequest<'db:reminders:template-save'>,
    invalid: { rule: 'birthday', channel_name: 'email', body: { subject: '', body: 'Hi' } },
    invalidField: 'rule',
  },
  'db:reminders:template-preview': {
    valid: async () =>
      ({
        rule: 'lesson_tomorrow',
        channel_name: 'email',
        body: { subject: 'Lesson at {{ lesson.start_time }}', body: 'Hello {{ student.first_name }}.' },
      }) satisfies ChannelRequest<'db:reminders:template-preview'>,
    invalid: { rule: 'lesson_tomorrow', channel_name: 'fax', body: { body: 'Hi' } },
    invalidField: 'channel_name',
  },
  'db:reminders:outbox-list': {
    valid: async () => ({ status: 'queued', limit: 50 }) satisfies ChannelRequest<'db:reminders:outbox-list'>,
    invalid: { status: 'lost' },
    invalidField: 'status',
  },
  'db:reminders:outbox-tomorrow': {
    valid: async () => ({ limit: 50 }) satisfies ChannelRequest<'db:reminders:outbox-tomorrow'>,
    invalid: { limit: 0 },
    invalidField: 'limit',
  },
  'db:reminders:fill': {
    valid: async () => ({}),
    invalid: { rule: 'lesson_tomorrow' },
    invalidField: 'rule',
  },
  'db:reminders:retry': {
    // The suite sends no email, so no message has failed: a retry of none is refused by name.
    valid: async () => ({ message_id: 2_147_483_000, body: { version: 1 } }) satisfies ChannelRequest<'db:reminders:retry'>,
    expectError: 'reminder_message.not_found',
    invalid: { message_id: 1, body: {} },
    invalidField: 'body.version',
  },
};
