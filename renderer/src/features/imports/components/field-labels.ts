/** The student fields as the form names them, for the column mapping and the problem list. */
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
};

export const fieldLabel = (field: string): string => FIELD_LABELS[field] ?? field;

export const plural = (n: number, one: string, many: string = `${one}s`): string => `${n.toLocaleString('en-CA')} ${n === 1 ? one : many}`;
