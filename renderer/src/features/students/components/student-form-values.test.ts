import { describe, expect, it } from 'vitest';
import { hasChanges } from '../../../lib/changes';
import { aStudent } from './student-fixture';
import { emptyStudentValues, missingRequired, studentToValues, toCreateBody, toUpdateBody } from './student-form-values';

const student = aStudent({
  phone: '416-555-0100',
  licence_number: 'L12345678061210',
  licence_number_display: 'L1234-56780-61210',
  licence_class: 'G1',
  version: 4,
});

describe('toCreateBody', () => {
  it('trims text and sends blank optional fields as null', () => {
    const values = { ...emptyStudentValues(), first_name: ' Ada ', last_name: 'Lovelace', date_of_birth: '2006-12-10', phone: '  ' };
    expect(toCreateBody(values)).toMatchObject({ first_name: 'Ada', phone: null, licence_class: null, email: null });
  });
});

describe('missingRequired', () => {
  it('names the blank required fields', () => {
    expect(missingRequired({ ...emptyStudentValues(), first_name: 'Ada', last_name: '   ' })).toEqual(['last_name', 'date_of_birth']);
  });
});

describe('toUpdateBody', () => {
  it('sends only the changed fields with the version the edit started from', () => {
    const values = { ...studentToValues(student), phone: '416-555-0199', notes: 'Prefers mornings' };
    expect(toUpdateBody(student, values)).toEqual({ version: 4, phone: '416-555-0199', notes: 'Prefers mornings' });
  });

  it('treats a licence number typed without dashes as unchanged', () => {
    const values = { ...studentToValues(student), licence_number: 'l1234 5678061210' };
    const body = toUpdateBody(student, values);
    expect(body).toEqual({ version: 4 });
    expect(hasChanges(body)).toBe(false);
  });

  it('clears a field by sending null', () => {
    const values = { ...studentToValues(student), licence_class: '' };
    expect(toUpdateBody(student, values)).toEqual({ version: 4, licence_class: null });
  });
});
