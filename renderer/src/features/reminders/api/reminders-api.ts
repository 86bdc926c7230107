// Every reminders call and its cache. The keys sit under the kinds the backend's change stream names
// (settings for the reminder settings, templates and outbox; students for consent, core/change_kinds.py),
// so the settings' and the students' live entries refresh them when another desk changes them.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import { rootKey } from '../../../lib/query-keys';
import type { ReminderChannel, ReminderRule, ReminderSettings, ReminderSettingsUpdate } from '../types';

export type OutboxStatus = 'queued' | 'sent' | 'failed' | 'dropped';

export const reminderKeys = {
  all: [...rootKey('settings'), 'reminders'] as const,
  settings: () => [...reminderKeys.all, 'settings'] as const,
  templates: () => [...reminderKeys.all, 'templates'] as const,
  outbox: (status: OutboxStatus | null) => [...reminderKeys.all, 'outbox', status ?? 'all'] as const,
  tomorrow: () => [...reminderKeys.all, 'tomorrow'] as const,
  password: () => [...reminderKeys.all, 'password'] as const,
  consent: (studentId: number) => [...rootKey('students'), 'reminder-consent', studentId] as const,
};

export function reminderSettingsQueryOptions() {
  return queryOptions({ queryKey: reminderKeys.settings(), queryFn: () => call((odsm) => odsm.reminders['settings-get']()) });
}

export function useReminderSettings() {
  return useQuery(reminderSettingsQueryOptions());
}

export function useUpdateReminderSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReminderSettingsUpdate) => call((odsm) => odsm.reminders['settings-update']({ body })),
    onSuccess: (settings: ReminderSettings) => queryClient.setQueryData(reminderKeys.settings(), settings),
  });
}

export function useSmtpPasswordStatus() {
  return useQuery({ queryKey: reminderKeys.password(), queryFn: () => call((odsm) => odsm.getSmtpPasswordStatus()) });
}

/** A new password (kept sealed by main), or null to forget it; the answer says only whether one is kept. */
export function useSaveSmtpPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string | null) => call((odsm) => odsm.saveSmtpPassword(password)),
    onSuccess: (status) => queryClient.setQueryData(reminderKeys.password(), status),
  });
}

export function useReminderTemplates() {
  return useQuery({ queryKey: reminderKeys.templates(), queryFn: () => call((odsm) => odsm.reminders['templates-list']()) });
}

export type TemplateWording = { rule: ReminderRule; channel: ReminderChannel; subject: string; body: string; version: number | null };

export function useSaveTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ rule, channel, subject, body, version }: TemplateWording) =>
      call((odsm) => odsm.reminders['template-save']({ rule, channel_name: channel, body: { subject, body, version } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reminderKeys.templates() }),
  });
}

/** The wording as it would go out, rendered by the backend's sandbox with made-up records (nothing saved). */
export function usePreviewTemplate() {
  return useMutation({
    mutationFn: ({ rule, channel, subject, body }: Omit<TemplateWording, 'version'>) =>
      call((odsm) => odsm.reminders['template-preview']({ rule, channel_name: channel, body: { subject, body } })),
  });
}

export function useOutbox(status: OutboxStatus | null) {
  return useQuery({
    queryKey: reminderKeys.outbox(status),
    queryFn: () => call((odsm) => odsm.reminders['outbox-list'](status ? { status, limit: 200 } : { limit: 200 })),
  });
}

export function useOutboxTomorrow() {
  return useQuery({ queryKey: reminderKeys.tomorrow(), queryFn: () => call((odsm) => odsm.reminders['outbox-tomorrow']({ limit: 200 })) });
}

function useOutboxMutation<T, I>(mutationFn: (input: I) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: reminderKeys.all }) });
}

export function useRetryMessage() {
  return useOutboxMutation(({ id, version }: { id: number; version: number }) => call((odsm) => odsm.reminders.retry({ message_id: id, body: { version } })));
}

/** Applies the rules now: queues what is due and not queued before. */
export function useFillOutbox() {
  return useOutboxMutation(() => call((odsm) => odsm.reminders.fill()));
}

export function useSendNow() {
  return useOutboxMutation(() => call((odsm) => odsm.sendRemindersNow()));
}

export function useExportSms() {
  return useOutboxMutation(() => call((odsm) => odsm.exportSmsReminders()));
}

export function useReminderConsent(studentId: number) {
  return useQuery({
    queryKey: reminderKeys.consent(studentId),
    queryFn: () => call((odsm) => odsm.reminders['consent-get']({ student_id: studentId })),
    enabled: studentId > 0,
  });
}

export function useSetReminderConsent(studentId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ agreed, version }: { agreed: boolean; version: number | null }) =>
      call((odsm) => odsm.reminders['consent-set']({ student_id: studentId, body: { agreed, version } })),
    onSuccess: (consent) => queryClient.setQueryData(reminderKeys.consent(studentId), consent),
  });
}
