import { describe, expect, it } from 'vitest';
import { printedRecord, printedWho } from './print-format';

const maya = { id: 7, first_name: 'Maya', last_name: 'Singh' };

describe('the packet names people, not stored ids', () => {
  it('prints the staff member with the workstation account, or the account alone while sign-in was off', () => {
    expect(printedWho({ actor: 'jdoe;staff=3', os_account: 'jdoe', staff_name: 'Olive Front' })).toBe('Olive Front (at jdoe)');
    expect(printedWho({ actor: 'jdoe', os_account: 'jdoe', staff_name: null })).toBe('jdoe');
  });

  it('names the student by name and any other record by what it is', () => {
    expect(printedRecord({ entity: 'students', entity_id: '7' }, maya)).toBe('Maya Singh');
    expect(printedRecord({ entity: 'classroom_sessions', entity_id: '4' }, maya)).toBe('Classroom session 4');
    expect(printedRecord({ entity: 'hours_entries', entity_id: '12' }, maya)).toBe('Hours entry 12');
  });
});
