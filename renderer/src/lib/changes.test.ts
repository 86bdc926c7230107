import { describe, expect, it } from 'vitest';
import { changesSince, hasChanges } from './changes';

type Row = { version: number; name: string; seats: number };
type Values = { name: string; seats: string };
const convert = {
  toValues: (row: Row): Values => ({ name: row.name, seats: String(row.seats) }),
  toBody: (values: Values) => ({ name: values.name.trim(), seats: Number(values.seats) }),
};
const row: Row = { version: 3, name: 'Room A', seats: 20 };

describe('changesSince', () => {
  it('sends the version and only the fields whose converted value changed', () => {
    expect(changesSince(row, { name: 'Room A', seats: '24' }, convert, ['name', 'seats'])).toEqual({ version: 3, seats: 24 });
  });

  it('counts a value retyped to the same converted value as no change', () => {
    const body = changesSince(row, { name: ' Room A ', seats: '020' }, convert, ['name', 'seats']);
    expect(body).toEqual({ version: 3 });
    expect(hasChanges(body)).toBe(false);
  });

  it('leaves out a changed field it was not asked about', () => {
    expect(changesSince(row, { name: 'Room B', seats: '24' }, convert, ['name'])).toEqual({ version: 3, name: 'Room B' });
  });
});
