/**
 * The student form edits strings; the backend takes typed, partly optional fields. These pure
 * functions convert between the two, so the conversion can be tested without a browser.
 */
import { changesSince } from '../../../lib/changes';
import type { LicenceClass, Student, StudentCreate, StudentUpdate } from '../types';

export const STUDENT_FORM_FIELDS = [
  'first_name',
  'last_name',
  'date_of_birth',
  'phone',
  'email',
  'licence_number',
  'licence_class',
  'g1_issue_date',
  'licence_expiry',
  'address',
  'notes',
  'guardian_name',
  'guardian_phone',
  'guardian_email',
  'emergency_contact_name',
  'emergency_contact_phone',
  'consent_to_share',
] as const;

/** Each field as its label reads, for the error summary's links. */
export const FIELD_LABELS: Record<(typeof STUDENT_FORM_FIELDS)[number], string> = {
  first_name: 'Legal first name',
  last_name: 'Legal last name',
  date_of_birth: 'Date of birth',
  phone: 'Phone',
  email: 'Email',
  licence_number: 'Licence number',
  licence_class: 'Licence class',
  g1_issue_date: 'G1 issue date',
  licence_expiry: 'Licence expiry',
  address: 'Address',
  notes: 'Notes',
  guardian_name: 'Guardian’s name',
  guardian_phone: 'Guardian’s number',
  guardian_email: 'Guardian’s email',
  emergency_contact_name: 'Contact’s name',
  emergency_contact_phone: 'Contact’s number',
  consent_to_share: 'Consent',
};

/** The checkbox's value in the string record: consent given, or not. */
export const CONSENT_GIVEN = 'yes';

export type StudentFormField = (typeof STUDENT_FORM_FIELDS)[number];
export type StudentFormValues = Record<StudentFormField, string>;

const REQUIRED: readonly StudentFormField[] = ['first_name', 'last_name', 'date_of_birth'];

export function emptyStudentValues(): StudentFormValues {
  return Object.fromEntries(STUDENT_FORM_FIELDS.map((field) => [field, ''])) as StudentFormValues;
}

export function studentToValues(student: Student): StudentFormValues {
  return {
    first_name: student.first_name,
    last_name: student.last_name,
    date_of_birth: student.date_of_birth,
    phone: student.phone ?? '',
    email: student.email ?? '',
    licence_number: student.licence_number_display ?? student.licence_number ?? '',
    licence_class: student.licence_class ?? '',
    g1_issue_date: student.g1_issue_date ?? '',
    licence_expiry: student.licence_expiry ?? '',
    address: student.address ?? '',
    notes: student.notes ?? '',
    guardian_name: student.guardian_name ?? '',
    guardian_phone: student.guardian_phone ?? '',
    guardian_email: student.guardian_email ?? '',
    emergency_contact_name: student.emergency_contact_name ?? '',
    emergency_contact_phone: student.emergency_contact_phone ?? '',
    // The backend keeps when consent was given; the form only says whether it is given.
    consent_to_share: student.consent_at ? CONSENT_GIVEN : '',
  };
}

/** Required fields left blank; checked before sending so the desk gets "Required", not a schema message. */
export function missingRequired(values: StudentFormValues): StudentFormField[] {
  return REQUIRED.filter((field) => values[field].trim() === '');
}

/** Blank optional text means "no value": null, which the backend stores as empty. */
function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function comparableLicence(value: string): string {
  return value.replace(/[\s-]+/g, '').toUpperCase();
}

export function toCreateBody(values: StudentFormValues): StudentCreate {
  return {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    date_of_birth: values.date_of_birth,
    phone: optional(values.phone),
    email: optional(values.email),
    licence_number: optional(values.licence_number),
    licence_class: (optional(values.licence_class) as LicenceClass | null) ?? null,
    g1_issue_date: optional(values.g1_issue_date),
    licence_expiry: optional(values.licence_expiry),
    address: optional(values.address),
    notes: optional(values.notes),
    guardian_name: optional(values.guardian_name),
    guardian_phone: optional(values.guardian_phone),
    guardian_email: optional(values.guardian_email),
    emergency_contact_name: optional(values.emergency_contact_name),
    emergency_contact_phone: optional(values.emergency_contact_phone),
    consent_to_share: values.consent_to_share === CONSENT_GIVEN,
  };
}

/**
 * Only the fields the user changed, plus the version they started from. Sending less means two
 * people editing different fields of one student still collide only on the version, never silently.
 */
export function toUpdateBody(original: Student, values: StudentFormValues): StudentUpdate {
  // A licence number typed with other dashes or spaces is the same number.
  const same = (field: StudentFormField, a: unknown, b: unknown) =>
    field === 'licence_number' ? comparableLicence(String(a ?? '')) === comparableLicence(String(b ?? '')) : (a ?? null) === (b ?? null);
  return changesSince(original, values, { toValues: studentToValues, toBody: toCreateBody }, STUDENT_FORM_FIELDS, same);
}

