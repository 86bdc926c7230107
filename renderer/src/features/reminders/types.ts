// Reminder shapes come from the backend's contracts.
import type { components } from '../../../../shared-contracts/openapi';

export type ReminderSettings = components['schemas']['ReminderSettingsRead'];
export type ReminderSettingsUpdate = components['schemas']['ReminderSettingsUpdate'];
export type ReminderTemplate = components['schemas']['TemplateRead'];
export type TemplatePreview = components['schemas']['TemplatePreview'];
export type OutboxMessage = components['schemas']['MessageRead'];
export type ReminderConsent = components['schemas']['ConsentRead'];
export type ReminderRule = 'lesson_tomorrow' | 'bde_deadline' | 'road_test' | 'overdue_balance' | 'owner_di_licence' | 'owner_vehicle';
export type ReminderChannel = 'email' | 'sms';

export const REMINDER_SETTINGS_CONFLICT = 'reminders.settings_version_conflict';
/** Refusals whose details name the one field they are about ({ field, rule }). */
export const FIELD_REFUSALS = [
  'reminders.tls_required_for_login',
  'reminders.gateway_pattern_invalid',
  'reminders.template_unknown_field',
  'reminders.template_syntax',
  'reminders.password_storage_unavailable',
] as const;
