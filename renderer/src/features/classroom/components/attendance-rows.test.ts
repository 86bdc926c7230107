import { describe, expect, it } from 'vitest';
import { entriesOf, markEveryonePresent, openingRows, withMark } from './attendance-rows';

const roster = [
  { enrollment_id: 1, student_id: 11, student_name: 'Maya Chen' },
  { enrollment_id: 2, student_id: 12, student_name: 'Omar Haddad' },
];

describe('the attendance sheet', () => {
  it('opens with the roster unmarked, and with minutes on file where attendance was taken', () => {
    const rows = openingRows({ roster, attendance: [{ enrollment_id: 2, student_id: 12, student_name: 'Omar Haddad', minutes: 90 }] }, 150);
    expect(rows.map((row) => [row.studentName, row.mark, row.minutes])).toEqual([
      ['Maya Chen', 'unmarked', ''],
      ['Omar Haddad', 'partial', '90'],
    ]);
  });

  it('keeps a walk-in whose attendance is on file after the roster', () => {
    const rows = openingRows({ roster, attendance: [{ enrollment_id: 9, student_id: 19, student_name: 'Lea Roy', minutes: 0 }] }, 150);
    expect(rows.map((row) => [row.studentName, row.mark, row.onRoster])).toEqual([
      ['Maya Chen', 'unmarked', true],
      ['Omar Haddad', 'unmarked', true],
      ['Lea Roy', 'absent', false],
    ]);
  });

  it('refuses to save while someone is unmarked, then sends the whole class once everyone is marked present', () => {
    const rows = openingRows({ roster, attendance: [] }, 150);
    expect(entriesOf(rows, 150)).toEqual({ problem: 'Mark Maya Chen, Omar Haddad present or absent (or use “Mark everyone present”).' });
    const marked = markEveryonePresent(rows, 150);
    expect(entriesOf(marked, 150)).toEqual({ entries: [{ enrollment_id: 1, minutes: 150 }, { enrollment_id: 2, minutes: 150 }] });
  });

  it('notes the exceptions: absent is 0 minutes, late asks for the minutes present', () => {
    const [maya, omar] = markEveryonePresent(openingRows({ roster, attendance: [] }, 150), 150);
    const absent = withMark(maya!, 'absent', 150);
    const late = withMark(omar!, 'partial', 150);
    expect(entriesOf([absent, late], 150)).toEqual({ problem: 'Omar Haddad: enter the minutes present, more than 0 and less than 150.' });
    expect(entriesOf([absent, { ...late, minutes: '120' }], 150)).toEqual({ entries: [{ enrollment_id: 1, minutes: 0 }, { enrollment_id: 2, minutes: 120 }] });
  });
});
