/**
 * The settings form edits text; the backend stores minutes, days and cents. Each field has a kind
 * that says how it is shown (hours for minutes, dollars for cents, a clock time for a minute of day)
 * and how it converts back. Pure functions, so the conversions are tested without a browser.
 */
import { formatMinuteOfDay, parseMinuteOfDay } from '../../../lib/dates';
import { centsToDollarsText, dollarsToCents, hoursToMinutes, minutesToHours } from '../../../lib/units';
import type { MinistryLimits, SchoolSettings, SchoolSettingsUpdate } from '../types';

type Kind = 'text' | 'hours' | 'integer' | 'clock' | 'money' | 'flag';
type EditableField = Exclude<keyof SchoolSettingsUpdate, 'version'>;

export type SettingsFieldSpec = { field: EditableField; label: string; kind: Kind; hint?: string };

export const IDENTITY_FIELDS: readonly SettingsFieldSpec[] = [
  { field: 'name', label: 'School name', kind: 'text' },
  { field: 'mto_school_number', label: 'MTO school number', kind: 'text' },
  { field: 'address', label: 'Address', kind: 'text' },
  { field: 'hst_number', label: 'HST number (BN/RT)', kind: 'text', hint: 'Printed on invoices when the school is HST-registered.' },
  { field: 'hst_registered', label: 'The school is registered for HST', kind: 'flag' },
  { field: 'time_zone', label: 'Time zone', kind: 'text' },
  { field: 'time_format', label: 'Times in messages', kind: 'text' },
];

export const BDE_FIELDS: readonly SettingsFieldSpec[] = [
  { field: 'bde_classroom_minutes', label: 'Classroom hours required', kind: 'hours' },
  { field: 'bde_in_car_minutes', label: 'In-car hours required', kind: 'hours' },
  { field: 'bde_flex_minutes', label: 'Flex / home-link hours required', kind: 'hours' },
  { field: 'completion_deadline_months', label: 'Finish in-car within (months of first class)', kind: 'integer' },
  { field: 'pass_mark_percent', label: 'Pass mark (%)', kind: 'integer' },
  { field: 'class_size_max', label: 'Largest class', kind: 'integer' },
];

export const DAILY_LIMIT_FIELDS: readonly SettingsFieldSpec[] = [
  { field: 'max_classroom_minutes_per_day', label: 'Classroom hours a day (max)', kind: 'hours' },
  { field: 'max_in_car_minutes_per_day', label: 'In-car hours a day (max)', kind: 'hours' },
  { field: 'max_in_car_minutes_on_full_classroom_day', label: 'In-car hours on a full classroom day', kind: 'hours' },
  { field: 'g1_night_start_minute', label: 'G1 night ban starts', kind: 'clock' },
  { field: 'g1_night_end_minute', label: 'G1 night ban ends', kind: 'clock' },
];

export const POLICY_FIELDS: readonly SettingsFieldSpec[] = [
  { field: 'expiry_warning_days', label: 'Warn about expiries (days ahead)', kind: 'integer' },
  { field: 'at_risk_days', label: 'At risk when deadline is within (days)', kind: 'integer' },
  { field: 'late_cancel_notice_hours', label: 'Cancellation notice (hours)', kind: 'integer' },
  { field: 'late_cancel_fee_cents', label: 'Late cancel / no-show fee ($)', kind: 'money' },
  { field: 'backdate_grace_hours', label: 'Late entries need a reason after (hours)', kind: 'integer' },
  { field: 'certification_fee_cents', label: 'MTO certification fee ($)', kind: 'money' },
  { field: 'retention_years', label: 'Keep records for (years after course)', kind: 'integer' },
];

export const SETTINGS_FIELDS: readonly SettingsFieldSpec[] = [...IDENTITY_FIELDS, ...BDE_FIELDS, ...DAILY_LIMIT_FIELDS, ...POLICY_FIELDS];
export const SETTINGS_FIELD_NAMES: readonly string[] = SETTINGS_FIELDS.map((spec) => spec.field);

/** Under each field the Ministry bounds, its value: a school may be stricter, never looser (DOMAIN.md). */
export function ministryHint(field: string, ministry: MinistryLimits | undefined): string | undefined {
  if (!ministry) return undefined;
  if (field === 'completion_deadline_months') return `Ministry maximum: ${ministry.completion_deadline_months} months. A school may only shorten it.`;
  if (field === 'bde_classroom_minutes' || field === 'bde_in_car_minutes' || field === 'bde_flex_minutes') {
    return `Ministry minimum: ${minutesToHours(ministry[field])} h. A school may only raise it.`;
  }
  return undefined;
}

export type SettingsValues = Record<string, string>;
export const FLAG_ON = 'yes';

function show(spec: SettingsFieldSpec, value: unknown): string {
  switch (spec.kind) {
    case 'hours':
      return String(minutesToHours(value as number));
    case 'clock':
      return formatMinuteOfDay(value as number);
    case 'money':
      return centsToDollarsText(value as number);
    case 'flag':
      return value ? FLAG_ON : '';
    default:
      return String(value ?? '');
  }
}

/** Text back to the stored value; undefined when the text cannot be read. */
function read(spec: SettingsFieldSpec, text: string): string | number | boolean | undefined {
  switch (spec.kind) {
    case 'hours':
      return hoursToMinutes(text) ?? undefined;
    case 'clock':
      return parseMinuteOfDay(text) ?? undefined;
    case 'money':
      return dollarsToCents(text) ?? undefined;
    case 'integer':
      return /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
    case 'flag':
      return text === FLAG_ON;
    default:
      return text.trim();
  }
}

const UNREADABLE: Record<Kind, string> = {
  hours: 'Enter hours as a number, e.g. 2 or 1.5.',
  clock: 'Enter a time like 05:00.',
  money: 'Enter dollars and cents, e.g. 15.00.',
  integer: 'Enter a whole number.',
  flag: '',
  text: '',
};

export function settingsToValues(settings: SchoolSettings): SettingsValues {
  return Object.fromEntries(SETTINGS_FIELDS.map((spec) => [spec.field, show(spec, settings[spec.field])]));
}

export type SettingsUpdatePlan = { body: SchoolSettingsUpdate; problems: Record<string, string> };

/** The changed fields, converted to what the backend stores, plus the version; or the fields that cannot be read. */
export function toSettingsUpdate(original: SchoolSettings, values: SettingsValues): SettingsUpdatePlan {
  const body: SchoolSettingsUpdate = { version: original.version };
  const problems: Record<string, string> = {};
  for (const spec of SETTINGS_FIELDS) {
    const text = values[spec.field] ?? '';
    const value = read(spec, text);
    if (value === undefined) {
      problems[spec.field] = UNREADABLE[spec.kind];
    } else if (value !== original[spec.field]) {
      Object.assign(body, { [spec.field]: value });
    }
  }
  return { body, problems };
}
