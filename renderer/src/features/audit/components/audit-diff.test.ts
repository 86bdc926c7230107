import { describe, expect, it } from 'vitest';
import { actionLabel, changedFields, formatValue, otherChanges } from './audit-diff';

describe('audit diff', () => {
  it('lists the fields that changed, leaving out version and timestamps', () => {
    const changes = changedFields({
      before: { phone: '416-555-0100', email: null, version: 1, updated_at: 'a', notes: 'x' },
      after: { phone: '416-555-0199', email: 'a@b.ca', version: 2, updated_at: 'b', notes: 'x' },
    });
    expect(changes).toEqual([
      { field: 'phone', before: '416-555-0100', after: '416-555-0199' },
      { field: 'email', before: null, after: 'a@b.ca' },
    ]);
  });

  it('reads a creation as every field going from nothing to its value', () => {
    expect(changedFields({ before: null, after: { first_name: 'Ada' } })).toEqual([{ field: 'first_name', before: undefined, after: 'Ada' }]);
  });

  it('lists the other records a write changed apart from its own fields', () => {
    const reading = { entity: 'odometer_readings', entity_id: '7', action: 'create', before: null, after: { km: 40042 } };
    const entry = { before: { status: 'scheduled' }, after: { status: 'completed', also_changed: [reading] } };
    expect(changedFields(entry)).toEqual([{ field: 'status', before: 'scheduled', after: 'completed' }]);
    expect(otherChanges(entry)).toEqual([reading]);
    expect(changedFields(otherChanges(entry)[0]!)).toEqual([{ field: 'km', before: undefined, after: 40042 }]);
    expect(otherChanges({ after: { status: 'x' } })).toEqual([]);
  });

  it('names actions and values for the desk', () => {
    expect(actionLabel('insert')).toBe('Created');
    expect(actionLabel('certify')).toBe('Certified');
    expect(actionLabel('mark_no_show')).toBe('Mark no show');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(true)).toBe('Yes');
  });
});

describe('formatValue', () => {
  it('shows instants in the school zone, cents as dollars and minutes as hours', () => {
    expect(formatValue('2026-11-21T15:00:00+00:00', 'actual_start')).toMatch(/Nov 21, 2026, 10:00/);
    expect(formatValue(1500, 'certification_fee_cents')).toBe('$15.00');
    expect(formatValue(90, 'minutes')).toBe('1.5 h');
    expect(formatValue('2026-11-22', 'certified_on')).toBe('2026-11-22');
  });
});
