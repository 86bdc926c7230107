/**
 * The rows of a class's attendance sheet: it opens with the roster (and anyone whose attendance is on file),
 * "Mark everyone present" fills it, and the desk notes the exceptions. The backend keeps minutes present
 * per student, so "late or left early" is a present student with fewer minutes than the class.
 */
import type { ClassSession } from '../types';

export type Mark = 'unmarked' | 'present' | 'absent' | 'partial';

export type AttendanceRow = { enrollmentId: number; studentName: string; mark: Mark; minutes: string; onRoster: boolean };

export const MARK_LABELS: Record<Exclude<Mark, 'unmarked'>, string> = {
  present: 'Present',
  absent: 'Absent',
  partial: 'Late or left early',
};

function markOf(minutes: number, length: number): Mark {
  if (minutes === 0) return 'absent';
  return minutes >= length ? 'present' : 'partial';
}

/** The roster by name, then anyone else already on the sheet; minutes on file win over the roster. */
export function openingRows(session: Pick<ClassSession, 'roster' | 'attendance'>, length: number): AttendanceRow[] {
  const taken = new Map((session.attendance ?? []).map((item) => [item.enrollment_id, item]));
  const rows: AttendanceRow[] = (session.roster ?? []).map((member) => {
    const done = taken.get(member.enrollment_id);
    taken.delete(member.enrollment_id);
    return {
      enrollmentId: member.enrollment_id,
      studentName: member.student_name,
      mark: done ? markOf(done.minutes, length) : 'unmarked',
      minutes: done ? String(done.minutes) : '',
      onRoster: true,
    };
  });
  for (const item of taken.values()) {
    rows.push({
      enrollmentId: item.enrollment_id,
      studentName: item.student_name ?? `Student #${item.student_id}`,
      mark: markOf(item.minutes, length),
      minutes: String(item.minutes),
      onRoster: false,
    });
  }
  return rows;
}

export function markEveryonePresent(rows: readonly AttendanceRow[], length: number): AttendanceRow[] {
  return rows.map((row) => ({ ...row, mark: 'present', minutes: String(length) }));
}

/** A row given a new mark: present is the whole class, absent is 0, late keeps what was typed (or asks). */
export function withMark(row: AttendanceRow, mark: Mark, length: number): AttendanceRow {
  if (mark === 'present') return { ...row, mark, minutes: String(length) };
  if (mark === 'absent') return { ...row, mark, minutes: '0' };
  if (mark === 'partial') return { ...row, mark, minutes: row.mark === 'partial' ? row.minutes : '' };
  return { ...row, mark, minutes: '' };
}

export type Entries = { entries: { enrollment_id: number; minutes: number }[] } | { problem: string };

/** What the backend is sent, or the first thing the desk still has to fix, in its words. */
export function entriesOf(rows: readonly AttendanceRow[], length: number): Entries {
  const unmarked = rows.filter((row) => row.mark === 'unmarked');
  if (unmarked.length > 0) {
    const names = unmarked.slice(0, 3).map((row) => row.studentName).join(', ');
    const more = unmarked.length > 3 ? ` and ${unmarked.length - 3} more` : '';
    return { problem: `Mark ${names}${more} present or absent (or use “Mark everyone present”).` };
  }
  const entries: { enrollment_id: number; minutes: number }[] = [];
  for (const row of rows) {
    const text = row.minutes.trim();
    const minutes = /^\d+$/.test(text) ? Number(text) : null;
    if (row.mark === 'partial' && (minutes === null || minutes <= 0 || minutes >= length)) {
      return { problem: `${row.studentName}: enter the minutes present, more than 0 and less than ${length}.` };
    }
    entries.push({ enrollment_id: row.enrollmentId, minutes: minutes ?? 0 });
  }
  if (entries.length === 0) return { problem: 'Nobody is on this class yet: add a student below.' };
  return { entries };
}
