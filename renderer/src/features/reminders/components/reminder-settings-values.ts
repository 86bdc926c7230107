/**
 * The "Reminders and email" form edits text; the backend keeps minutes of the day, days and a port.
 * Each field says how it is shown and read back, and the checks the backend would refuse are made here
 * first, in the same words. Pure functions, so the conversions and checks are tested without a browser.
 */
import { formatMinuteOfDay, parseMinuteOfDay } from '../../../lib/dates';
import type { ReminderSettings, ReminderSettingsUpdate } from '../types';

type Kind = 'text' | 'email' | 'port' | 'days' | 'repeat' | 'clock' | 'flag' | 'choice';
export type ReminderField = Exclude<keyof ReminderSettingsUpdate, 'version'>;
export type ReminderValues = Record<ReminderField, string>;
export type ReminderProblems = Partial<Record<ReminderField, string>>;

const KINDS: Record<ReminderField, Kind> = {
  smtp_host: 'text',
  smtp_port: 'port',
  smtp_tls: 'choice',
  smtp_user: 'text',
  smtp_from: 'email',
  owner_email: 'email',
  lesson_tomorrow_on: 'flag',
  lesson_tomorrow_send_minute: 'clock',
  bde_deadline_on: 'flag',
  bde_deadline_days: 'days',
  road_test_on: 'flag',
  road_test_days: 'days',
  overdue_balance_on: 'flag',
  overdue_balance_days: 'days',
  overdue_balance_repeat_days: 'repeat',
  owner_di_licence_on: 'flag',
  owner_di_licence_days: 'days',
  owner_vehicle_on: 'flag',
  owner_vehicle_days: 'days',
  quiet_start_minute: 'clock',
  quiet_end_minute: 'clock',
  sms_on: 'flag',
  sms_mode: 'choice',
  sms_gateway_pattern: 'text',
};
export const REMINDER_FIELDS = Object.keys(KINDS) as ReminderField[];
export const FLAG_ON = 'yes';

/** A relay on this very computer never puts the password on the wire (the backend's LOOPBACK_HOSTS). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

export const MESSAGES = {
  port: 'Enter the port as a whole number from 1 to 65535. Most servers use 587 with STARTTLS, or 465 with SSL.',
  clock: 'Enter a time of day as HH:MM on the 24-hour clock, such as 17:00.',
  days: 'Enter a number of days from 0 to 365.',
  repeat: 'Enter a number of days from 1 to 365: at most one reminder per invoice in that many days.',
  email: 'Enter an email address, such as office@mapledriving.ca.',
  fromNeeded: 'Enter the address reminders come from: without it no email goes out.',
  tlsForLogin:
    'The email server asks for a login, so the connection needs STARTTLS or SSL: without it the password would travel unprotected. Choose STARTTLS or SSL.',
  gatewayPattern: 'The SMS gateway address needs {number} where the phone number goes, such as {number}@sms.example.ca.',
} as const;

export function reminderSettingsToValues(settings: ReminderSettings): ReminderValues {
  const values = {} as ReminderValues;
  for (const field of REMINDER_FIELDS) {
    const value = settings[field];
    switch (KINDS[field]) {
      case 'flag':
        values[field] = value ? FLAG_ON : '';
        break;
      case 'clock':
        values[field] = formatMinuteOfDay(value as number);
        break;
      default:
        values[field] = String(value ?? '');
    }
  }
  return values;
}

function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

const looksLikeEmail = (text: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);

/** One field's text as the backend keeps it, or the problem with it. */
function read(field: ReminderField, text: string): { value: unknown } | { problem: string } {
  const trimmed = text.trim();
  switch (KINDS[field]) {
    case 'flag':
      return { value: text === FLAG_ON };
    case 'port': {
      const port = wholeNumber(trimmed, 1, 65535);
      return port === null ? { problem: MESSAGES.port } : { value: port };
    }
    case 'days': {
      const days = wholeNumber(trimmed, 0, 365);
      return days === null ? { problem: MESSAGES.days } : { value: days };
    }
    case 'repeat': {
      const days = wholeNumber(trimmed, 1, 365);
      return days === null ? { problem: MESSAGES.repeat } : { value: days };
    }
    case 'clock': {
      const minute = parseMinuteOfDay(trimmed);
      return minute === null || minute >= 24 * 60 ? { problem: MESSAGES.clock } : { value: minute };
    }
    case 'email':
      return trimmed === '' || looksLikeEmail(trimmed) ? { value: trimmed } : { problem: MESSAGES.email };
    default:
      return { value: trimmed };
  }
}

/** The checks across fields that the backend refuses too (reminders.tls_required_for_login, …). */
function crossChecks(values: ReminderValues, problems: ReminderProblems): void {
  const host = values.smtp_host.trim().toLowerCase();
  if (values.smtp_user.trim() && values.smtp_tls === 'none' && host && !LOOPBACK_HOSTS.has(host)) problems.smtp_tls ??= MESSAGES.tlsForLogin;
  if (host && !values.smtp_from.trim()) problems.smtp_from ??= MESSAGES.fromNeeded;
  if (values.sms_on === FLAG_ON && values.sms_mode === 'gateway' && !values.sms_gateway_pattern.includes('{number}')) {
    problems.sms_gateway_pattern ??= MESSAGES.gatewayPattern;
  }
}

/** What the save sends (only what changed, with the version it started from), or why it can't yet. */
export function toReminderUpdate(base: ReminderSettings, values: ReminderValues): { body: ReminderSettingsUpdate; problems: ReminderProblems } {
  const body: Record<string, unknown> = { version: base.version };
  const problems: ReminderProblems = {};
  for (const field of REMINDER_FIELDS) {
    const result = read(field, values[field]);
    if ('problem' in result) {
      problems[field] = result.problem;
      continue;
    }
    if (result.value !== base[field]) body[field] = result.value;
  }
  crossChecks(values, problems);
  return { body: body as ReminderSettingsUpdate, problems };
}
