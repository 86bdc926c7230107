import { describe, expect, it } from 'vitest';
import { OdsmError } from '../../../lib/odsm';
import { describeRosterRefusal } from './roster-refusal';

function refusal(code: string, details: Record<string, unknown>) {
  return new OdsmError({ code, message: 'refused', details, requestId: 'r1' });
}

describe('roster refusals', () => {
  it('names the student and the class size when the roster is full', () => {
    const error = refusal('classroom.roster_full', { student_name: 'Maya Chen', limit: 24, capacity: 24, class_size_max: 40 });
    expect(describeRosterRefusal(error)).toBe('Maya Chen was not added: the class is full at 24 students. Take someone off the roster first.');
  });

  it('says when the school’s class size, lowered since, is what fills it', () => {
    const error = refusal('classroom.roster_full', { student_name: 'Maya Chen', limit: 20, capacity: 30, class_size_max: 20 });
    expect(describeRosterRefusal(error)).toContain('full at 20 students, the school’s class size');
  });

  it('says a student is on the roster already, and leaves other errors alone', () => {
    expect(describeRosterRefusal(refusal('classroom.already_on_roster', { student_name: 'Omar Haddad' }))).toBe('Omar Haddad is already on this class’s roster.');
    expect(describeRosterRefusal(refusal('validation_failed', {}))).toBeNull();
  });
});
