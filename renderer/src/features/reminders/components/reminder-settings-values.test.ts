import { describe, expect, it } from 'vitest';
import { someReminderSettings } from './reminder-fixtures';
import { MESSAGES, reminderSettingsToValues, toReminderUpdate, type ReminderValues } from './reminder-settings-values';

const base = someReminderSettings();
const edit = (changes: Partial<ReminderValues>, from = base) => toReminderUpdate(from, { ...reminderSettingsToValues(from), ...changes });

describe('the reminder settings form values', () => {
  it('shows minutes of the day as clock times and flags as ticks', () => {
    const values = reminderSettingsToValues(base);
    expect(values.lesson_tomorrow_send_minute).toBe('17:00');
    expect(values.quiet_start_minute).toBe('21:00');
    expect(values.lesson_tomorrow_on).toBe('yes');
    expect(values.sms_on).toBe('');
    expect(values.smtp_port).toBe('587');
  });

  it('sends only what changed, converted back, with the version it started from', () => {
    const plan = edit({ smtp_host: ' smtp.maple.example ', smtp_from: 'desk@maple.example', smtp_port: '465', smtp_tls: 'ssl', quiet_end_minute: '07:30', bde_deadline_on: '' });
    expect(plan.problems).toEqual({});
    expect(plan.body).toEqual({ version: 3, smtp_host: 'smtp.maple.example', smtp_from: 'desk@maple.example', smtp_port: 465, smtp_tls: 'ssl', quiet_end_minute: 450, bde_deadline_on: false });
  });

  it.each([
    ['smtp_port', '0', MESSAGES.port],
    ['smtp_port', '70000', MESSAGES.port],
    ['smtp_port', '58a', MESSAGES.port],
    ['lesson_tomorrow_send_minute', '5pm', MESSAGES.clock],
    ['quiet_start_minute', '24:00', MESSAGES.clock],
    ['bde_deadline_days', '400', MESSAGES.days],
    ['owner_di_licence_days', '-1', MESSAGES.days],
    ['owner_email', 'owner at maple', MESSAGES.email],
    ['road_test_days', '3 days', MESSAGES.days],
    ['overdue_balance_days', '366', MESSAGES.days],
    ['overdue_balance_repeat_days', '0', MESSAGES.repeat],
  ] as const)('refuses %s = %j under the field', (field, text, message) => {
    expect(edit({ [field]: text }).problems).toEqual({ [field]: message });
  });

  it('reads the road-test and overdue-balance switches and timings, and sends only what changed', () => {
    const values = reminderSettingsToValues(base);
    expect([values.road_test_on, values.road_test_days, values.overdue_balance_on, values.overdue_balance_days, values.overdue_balance_repeat_days]).toEqual(['yes', '3', 'yes', '14', '14']);
    const plan = edit({ road_test_days: '5', overdue_balance_on: '', overdue_balance_repeat_days: '30' });
    expect(plan.problems).toEqual({});
    expect(plan.body).toEqual({ version: 3, road_test_days: 5, overdue_balance_on: false, overdue_balance_repeat_days: 30 });
  });

  it('asks for STARTTLS or SSL when the server takes a login over the network, as the backend would', () => {
    const plan = edit({ smtp_host: 'smtp.maple.example', smtp_from: 'desk@maple.example', smtp_user: 'desk', smtp_tls: 'none' });
    expect(plan.problems).toEqual({ smtp_tls: MESSAGES.tlsForLogin });
  });

  it('lets a relay on this computer take a login without TLS: the password never leaves it', () => {
    expect(edit({ smtp_host: '127.0.0.1', smtp_from: 'desk@maple.example', smtp_user: 'desk', smtp_tls: 'none' }).problems).toEqual({});
    expect(edit({ smtp_host: 'localhost', smtp_from: 'desk@maple.example', smtp_user: 'desk', smtp_tls: 'none' }).problems).toEqual({});
  });

  it('asks for the sending address once a server is named', () => {
    expect(edit({ smtp_host: 'smtp.maple.example' }).problems).toEqual({ smtp_from: MESSAGES.fromNeeded });
  });

  it('asks for {number} in the gateway address only when SMS go by the email gateway', () => {
    expect(edit({ sms_on: 'yes', sms_mode: 'gateway', sms_gateway_pattern: 'sms.example.ca' }).problems).toEqual({ sms_gateway_pattern: MESSAGES.gatewayPattern });
    expect(edit({ sms_on: 'yes', sms_mode: 'gateway', sms_gateway_pattern: '{number}@sms.example.ca' }).problems).toEqual({});
    expect(edit({ sms_on: 'yes', sms_mode: 'csv', sms_gateway_pattern: '' }).problems).toEqual({});
  });
});
