import { describe, expect, it } from 'vitest';
import { recordName } from './audit-entries';
import { dateProblem, filtersInWords, NO_FILTERS } from './audit-filters';

describe('the audit filters in words', () => {
  it('says which filters are in use, for the empty result', () => {
    const filters = { ...NO_FILTERS, from: '2031-06-01', person: 'staff:3', entity: 'vehicles', q: ' civic ' };
    expect(filtersInWords(filters, 'Priya Shah', 'Vehicles')).toEqual(['from 2031-06-01', 'by Priya Shah', 'only vehicles', 'matching “civic”']);
    expect(filtersInWords(NO_FILTERS, undefined, undefined)).toEqual([]);
  });

  it('refuses a last day before the first, and takes the same day or one open end', () => {
    expect(dateProblem({ ...NO_FILTERS, from: '2031-06-02', to: '2031-06-01' })).toMatch(/can’t be before/);
    expect(dateProblem({ ...NO_FILTERS, from: '2031-06-01', to: '2031-06-01' })).toBeUndefined();
    expect(dateProblem({ ...NO_FILTERS, to: '2031-06-01' })).toBeUndefined();
  });
});

describe('the record an entry is about', () => {
  it('reads by the name the backend gave, else by its kind and number', () => {
    expect(recordName({ entity: 'students', entity_id: '4', entity_label: 'Student Maya Chen' })).toBe('Student Maya Chen');
    expect(recordName({ entity: 'classroom_sessions', entity_id: '9' })).toBe('Classroom session #9');
  });
});
