import { describe, expect, it } from 'vitest';
import type { SchoolSettings } from '../types';
import { ministryHint, settingsToValues, toSettingsUpdate } from './settings-form-values';

const settings: SchoolSettings = {
  name: 'Maple Driving School',
  address: '1 King St W, Toronto',
  mto_school_number: 'S1234',
  hst_number: '123456789RT0001',
  hst_registered: true,
  time_zone: 'America/Toronto',
  time_format: '12h',
  bde_classroom_minutes: 1200,
  bde_in_car_minutes: 600,
  bde_flex_minutes: 600,
  max_classroom_minutes_per_day: 300,
  max_in_car_minutes_per_day: 120,
  max_in_car_minutes_on_full_classroom_day: 60,
  completion_deadline_months: 12,
  g1_night_start_minute: 0,
  g1_night_end_minute: 300,
  expiry_warning_days: 60,
  at_risk_days: 60,
  late_cancel_notice_hours: 24,
  late_cancel_fee_cents: 4000,
  backdate_grace_hours: 48,
  class_size_max: 24,
  pass_mark_percent: 70,
  certification_fee_cents: 1500,
  retention_years: 7,
  version: 3,
  ministry: { bde_classroom_minutes: 1200, bde_in_car_minutes: 600, bde_flex_minutes: 600, completion_deadline_months: 12 },
};

describe('settings form values', () => {
  it('shows minutes as hours, cents as dollars and minutes of the day as clock times', () => {
    const values = settingsToValues(settings);
    expect(values.bde_classroom_minutes).toBe('20');
    expect(values.max_in_car_minutes_on_full_classroom_day).toBe('1');
    expect(values.late_cancel_fee_cents).toBe('40.00');
    expect(values.g1_night_end_minute).toBe('05:00');
    expect(values.hst_registered).toBe('yes');
  });

  it('sends only the changed fields, converted back, with the version', () => {
    const values = { ...settingsToValues(settings), max_in_car_minutes_per_day: '1.5', certification_fee_cents: '16', hst_registered: '' };
    expect(toSettingsUpdate(settings, values)).toEqual({
      body: { version: 3, max_in_car_minutes_per_day: 90, certification_fee_cents: 1600, hst_registered: false },
      problems: {},
    });
  });

  it('names the fields it cannot read instead of sending them', () => {
    const values = { ...settingsToValues(settings), bde_flex_minutes: 'ten', g1_night_start_minute: '25:00' };
    const plan = toSettingsUpdate(settings, values);
    expect(Object.keys(plan.problems).sort()).toEqual(['bde_flex_minutes', 'g1_night_start_minute']);
  });
});

describe('ministryHint', () => {
  it("names the Ministry's value under the fields a school may only make stricter", () => {
    expect(ministryHint('bde_classroom_minutes', settings.ministry)).toBe('Ministry minimum: 20 h. A school may only raise it.');
    expect(ministryHint('bde_flex_minutes', settings.ministry)).toBe('Ministry minimum: 10 h. A school may only raise it.');
    expect(ministryHint('completion_deadline_months', settings.ministry)).toBe('Ministry maximum: 12 months. A school may only shorten it.');
  });

  it('says nothing under the school’s own choices', () => {
    expect(ministryHint('pass_mark_percent', settings.ministry)).toBeUndefined();
    expect(ministryHint('bde_classroom_minutes', undefined)).toBeUndefined();
  });
});
