/** The instructor form's strings and flags to and from the backend's typed fields. */
import { changesSince } from '../../../lib/changes';
import type { AvailabilitySlot, Instructor, InstructorCreate, InstructorUpdate } from '../types';
import { sameAvailability } from './availability';

export const INSTRUCTOR_TEXT_FIELDS = [
  'first_name',
  'last_name',
  'phone',
  'email',
  'di_licence_number',
  'di_licence_expiry',
  'criminal_check_date',
  'driver_abstract_date',
  'city_licence_expiry',
  'own_car_insurance_expiry',
  'notes',
] as const;
export const INSTRUCTOR_FLAGS = ['authorised_in_car', 'authorised_classroom', 'active'] as const;
export const INSTRUCTOR_FORM_FIELDS: readonly string[] = [...INSTRUCTOR_TEXT_FIELDS, ...INSTRUCTOR_FLAGS, 'availability'];

type TextField = (typeof INSTRUCTOR_TEXT_FIELDS)[number];
type Flag = (typeof INSTRUCTOR_FLAGS)[number];

export type InstructorFormValues = Record<TextField, string> & Record<Flag, boolean> & { availability: AvailabilitySlot[] };

const REQUIRED: readonly TextField[] = ['first_name', 'last_name', 'di_licence_number', 'di_licence_expiry'];

export function emptyInstructorValues(): InstructorFormValues {
  const text = Object.fromEntries(INSTRUCTOR_TEXT_FIELDS.map((field) => [field, ''])) as Record<TextField, string>;
  return { ...text, authorised_in_car: true, authorised_classroom: false, active: true, availability: [] };
}

export function instructorToValues(instructor: Instructor): InstructorFormValues {
  const text = Object.fromEntries(INSTRUCTOR_TEXT_FIELDS.map((field) => [field, instructor[field] ?? ''])) as Record<TextField, string>;
  return {
    ...text,
    authorised_in_car: instructor.authorised_in_car ?? true,
    authorised_classroom: instructor.authorised_classroom ?? false,
    active: instructor.active ?? true,
    availability: [...instructor.availability],
  };
}

export function missingInstructorFields(values: InstructorFormValues): TextField[] {
  return REQUIRED.filter((field) => values[field].trim() === '');
}

function optional(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function toInstructorCreate(values: InstructorFormValues): InstructorCreate {
  return {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    phone: optional(values.phone),
    email: optional(values.email),
    di_licence_number: values.di_licence_number.trim(),
    di_licence_expiry: values.di_licence_expiry,
    criminal_check_date: optional(values.criminal_check_date),
    driver_abstract_date: optional(values.driver_abstract_date),
    city_licence_expiry: optional(values.city_licence_expiry),
    own_car_insurance_expiry: optional(values.own_car_insurance_expiry),
    notes: optional(values.notes),
    authorised_in_car: values.authorised_in_car,
    authorised_classroom: values.authorised_classroom,
    active: values.active,
    availability: values.availability,
  };
}

/** Only what changed, with the version the edit started from. */
export function toInstructorUpdate(original: Instructor, values: InstructorFormValues): InstructorUpdate {
  const convert = { toValues: instructorToValues, toBody: toInstructorCreate };
  const body: InstructorUpdate = changesSince(original, values, convert, [...INSTRUCTOR_TEXT_FIELDS, ...INSTRUCTOR_FLAGS]);
  if (!sameAvailability(original.availability, values.availability)) body.availability = values.availability;
  return body;
}
