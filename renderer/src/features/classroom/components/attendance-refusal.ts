/**
 * The classroom refusals of recordAttendance, in the desk's words, from their `details`.
 */
import { isOdsmError } from '../../../lib/odsm';
import { formatDate } from '../../../lib/dates';

export const DAILY_LIMIT_EXCEEDED = 'classroom.daily_limit_exceeded';
export const MINUTES_EXCEED_SESSION = 'classroom.minutes_exceed_session';

export type AttendanceRefusal = { enrollmentId: number | null; message: string };

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** "1 h 30 min" for 90, "45 min" for 45. */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours > 0 ? `${hours} h` : null, rest > 0 || hours === 0 ? `${rest} min` : null].filter(Boolean).join(' ');
}

/** Null unless `error` is one of the two attendance refusals. */
export function describeAttendanceRefusal(error: unknown, nameOf: (enrollmentId: number) => string | undefined): AttendanceRefusal | null {
  if (!isOdsmError(error)) return null;
  if (error.code !== DAILY_LIMIT_EXCEEDED && error.code !== MINUTES_EXCEED_SESSION) return null;
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Record<string, unknown>;
  const enrollmentId = num(details.enrollment_id);
  const who = (enrollmentId !== null ? nameOf(enrollmentId) : undefined) ?? (enrollmentId !== null ? `Enrollment #${enrollmentId}` : 'A student');
  const minutes = num(details.minutes);
  const limit = num(details.limit_minutes);
  if (error.code === MINUTES_EXCEED_SESSION) {
    return {
      enrollmentId,
      message: `${who}: ${minutes !== null ? formatDuration(minutes) : 'those minutes'} is more than the session lasted${limit !== null ? ` (${formatDuration(limit)})` : ''}.`,
    };
  }
  const already = num(details.already_minutes);
  const day = typeof details.date === 'string' ? formatDate(details.date) : 'that day';
  const amount = minutes !== null ? formatDuration(minutes) : 'this session';
  const cap = limit !== null ? formatDuration(limit) : 'the school’s';
  if (!already) return { enrollmentId, message: `${who}: ${amount} on ${day} would pass the daily classroom limit of ${cap}.` };
  return {
    enrollmentId,
    message: `${who}: already ${formatDuration(already)} of classroom on ${day}; ${amount} more would pass the daily limit of ${cap}.`,
  };
}
