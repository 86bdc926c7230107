import type { ImportKind } from '../../../lib/odsm';

/** The fields as the forms name them, for the column mapping and the problem list. */
export const FIELD_LABELS: Record<string, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  date_of_birth: 'Date of birth',
  phone: 'Phone',
  email: 'Email',
  address: 'Address',
  licence_number: 'Licence number',
  licence_class: 'Licence class',
  g1_issue_date: 'G1 issue date',
  licence_expiry: 'Licence expiry',
  guardian_name: 'Guardian',
  guardian_phone: 'Guardian phone',
  guardian_email: 'Guardian email',
  notes: 'Notes',
  di_licence_number: 'DI licence number',
  di_licence_expiry: 'DI licence expiry',
  authorised_in_car: 'Teaches in-car',
  authorised_classroom: 'Teaches classroom',
  criminal_check_date: 'Criminal record check',
  driver_abstract_date: 'Driver abstract',
  city_licence_expiry: 'City licence expiry',
  own_car_insurance_expiry: 'Own car insurance expiry',
  active: 'Active',
  plate: 'Plate',
  vin: 'VIN',
  make: 'Make',
  model: 'Model',
  year: 'Year',
  transmission: 'Transmission',
  dual_brake: 'Dual brake',
  insurance_expiry: 'Insurance expiry',
  inspection_expiry: 'Safety inspection expiry',
  odometer_km: 'Odometer (km)',
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

export const plural = (n: number, one: string, many: string = `${one}s`): string => `${n.toLocaleString('en-CA')} ${n === 1 ? one : many}`;

/** Each kind's record in the singular and the plural, and what an existing one is matched by. */
export const KIND_WORDS: Record<ImportKind, { one: string; many: string; onFile: string }> = {
  students: { one: 'student', many: 'students', onFile: 'Students already on file (the same licence number, or the same name and birth date) are skipped.' },
  instructors: { one: 'instructor', many: 'instructors', onFile: 'Instructors already on file (the same DI licence number) are skipped.' },
  vehicles: { one: 'vehicle', many: 'vehicles', onFile: 'Vehicles already on file (the same VIN) are skipped; a plate another vehicle has is a problem.' },
};
