// How a printed document writes times: in the school's zone and its time format (Settings → Times in messages).
import type { DocumentSchool } from '../types';

/** "Nov 27, 2026, 11:00 a.m." (or "11:00" where the school writes 24-hour times); "—" when there is none. */
export function printedInstant(instant: string | null | undefined, school: Pick<DocumentSchool, 'time_zone' | 'time_format'>): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const hour12 = school.time_format !== '24h';
  return new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone: school.time_zone, hour12 }).format(date);
}

/** Only the time of day: "11:00 a.m.". */
export function printedTime(instant: string | null | undefined, school: Pick<DocumentSchool, 'time_zone' | 'time_format'>): string {
  if (!instant) return '—';
  const hour12 = school.time_format !== '24h';
  return new Intl.DateTimeFormat('en-CA', { timeStyle: 'short', timeZone: school.time_zone, hour12 }).format(new Date(instant));
}

/** Only the date, in the school's zone: "Nov 22, 2026". */
export function printedDate(instant: string | null | undefined, school: Pick<DocumentSchool, 'time_zone'>): string {
  if (!instant) return '—';
  return new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeZone: school.time_zone }).format(new Date(instant));
}

export const CATEGORY_LABELS: Record<string, string> = { classroom: 'Classroom', in_car: 'In-car', flex: 'Flex' };
export const SOURCE_LABELS: Record<string, string> = { classroom_session: 'Class attended', lesson: 'In-car lesson', homelink: 'Home-link', correction: 'Correction' };

/** Who made an audit entry, as the inspector reads it: the staff member's name with the workstation's
 * OS account, or the OS account alone while sign-in was off (never the stored `account;staff=3`). */
export function printedWho(entry: { actor: string; os_account?: string; staff_name?: string | null }): string {
  const account = entry.os_account || entry.actor;
  return entry.staff_name ? `${entry.staff_name} (at ${account})` : account;
}

/** The record an audit entry is about: the student by name, anything else by what it is and its number
 * ("classroom_sessions" 4 -> "Classroom session 4"). */
export function printedRecord(entry: { entity: string; entity_id: string }, student: { id: number; first_name: string; last_name: string }): string {
  if (entry.entity === 'students' && entry.entity_id === String(student.id)) return `${student.first_name} ${student.last_name}`;
  const singular = entry.entity.replace(/ies$/, 'y').replace(/s$/, '').replace(/_/g, ' ');
  return `${singular.charAt(0).toUpperCase()}${singular.slice(1)} ${entry.entity_id}`;
}
