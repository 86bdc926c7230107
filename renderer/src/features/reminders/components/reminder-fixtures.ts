import type { ReminderSettings, ReminderTemplate } from '../types';

export function someReminderSettings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return {
    lesson_tomorrow_on: true,
    lesson_tomorrow_send_minute: 17 * 60,
    bde_deadline_on: true,
    bde_deadline_days: 30,
    road_test_on: true,
    road_test_days: 3,
    overdue_balance_on: true,
    overdue_balance_days: 14,
    overdue_balance_repeat_days: 14,
    owner_di_licence_on: true,
    owner_di_licence_days: 30,
    owner_vehicle_on: true,
    owner_vehicle_days: 30,
    owner_email: '',
    quiet_start_minute: 21 * 60,
    quiet_end_minute: 8 * 60,
    smtp_host: '',
    smtp_port: 587,
    smtp_user: '',
    smtp_from: '',
    smtp_tls: 'starttls',
    sms_on: false,
    sms_mode: 'csv',
    sms_gateway_pattern: '',
    version: 3,
    ...overrides,
  };
}

export function aTemplate(overrides: Partial<ReminderTemplate> = {}): ReminderTemplate {
  return {
    rule: 'lesson_tomorrow',
    channel: 'email',
    subject: 'Your driving lesson tomorrow at {{ lesson.start_time }}',
    body: 'Hello {{ student.first_name }}',
    built_in: true,
    fields: ['lesson.start_time', 'student.first_name'],
    version: null,
    ...overrides,
  };
}
