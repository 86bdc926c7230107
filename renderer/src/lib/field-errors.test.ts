import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, normaliseFieldPath } from './field-errors';
import { OdsmError } from './odsm';

const FORM = ['first_name', 'licence_number', 'email'] as const;

function validationFailed(fields: unknown[]) {
  return new OdsmError({ code: 'validation_failed', message: 'Some fields are not valid.', details: { fields }, requestId: 'r' });
}

describe('normaliseFieldPath', () => {
  it.each([
    ['licence_number', 'licence_number'],
    ['body.licence_number', 'licence_number'],
    ['/body/licence_number', 'licence_number'],
    ['address.city', 'address.city'],
  ])('%s -> %s', (input, expected) => {
    expect(normaliseFieldPath(input)).toBe(expected);
  });
});

describe('fieldErrorsOf', () => {
  it('places the backend licence error on the licence field, with its format hint', () => {
    const error = validationFailed([
      {
        field: 'licence_number',
        rule: 'licence_format',
        message: 'An Ontario licence number is one letter and 14 digits.',
        format: 'A1234-56789-01234',
      },
    ]);
    const { byField, unplaced } = fieldErrorsOf(error, FORM);
    expect(byField.licence_number).toEqual({
      field: 'licence_number',
      rule: 'licence_format',
      message: 'An Ontario licence number is one letter and 14 digits.',
      format: 'A1234-56789-01234',
    });
    expect(unplaced).toEqual([]);
  });

  it('places a main-process schema error named with the payload body prefix', () => {
    const error = validationFailed([{ field: 'body.email', rule: 'format', message: 'must match format "email"' }]);
    expect(fieldErrorsOf(error, FORM).byField.email?.rule).toBe('format');
  });

  it('keeps the first problem per field and lists fields the form does not show', () => {
    const error = validationFailed([
      { field: 'first_name', rule: 'string_too_short', message: 'first' },
      { field: 'first_name', rule: 'string_type', message: 'second' },
      { field: 'student_id', rule: 'type', message: 'must be integer' },
      'garbage',
    ]);
    const { byField, unplaced } = fieldErrorsOf(error, FORM);
    expect(byField.first_name?.message).toBe('first');
    expect(unplaced.map((problem) => problem.field)).toEqual(['student_id']);
  });

  it('is empty for any other error code, even with fields in the details', () => {
    const conflict = new OdsmError({ code: 'student.version_conflict', message: 'x', details: { fields: [{ field: 'first_name' }] }, requestId: 'r' });
    expect(fieldErrorsOf(conflict, FORM)).toEqual({ byField: {}, unplaced: [] });
    expect(fieldErrorsOf(new Error('plain'), FORM)).toEqual({ byField: {}, unplaced: [] });
  });
});
