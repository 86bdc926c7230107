/** The lesson dialog's fields, and the proposal they make for db:lessons:check / book / update. */
import { parseMinuteOfDay, zonedParts, zonedToInstant, formatMinuteOfDay } from '../../../lib/dates';
import type { Lesson, LessonBook, LessonUpdate } from '../types';

export type LessonFormValues = {
  studentId: number | null;
  studentName: string;
  enrollmentId: number | null;
  instructorId: number | null;
  vehicleId: number | null;
  date: string;
  startTime: string;
  durationMinutes: number;
  pickupLocation: string;
  /** Why a lesson is booked with a start already past: the backend keeps it in the audit log. */
  reason: string;
  /** Why the lesson may fall outside the instructor's weekly hours (kept in the audit log). */
  overrideReason: string;
};

export const DURATIONS = [30, 45, 60, 90, 120] as const;

export function lessonToValues(lesson: Lesson, timeZone: string): LessonFormValues {
  const start = zonedParts(lesson.starts_at, timeZone);
  return {
    studentId: lesson.student_id,
    studentName: lesson.student_name ?? '',
    enrollmentId: lesson.enrollment_id,
    instructorId: lesson.instructor_id,
    vehicleId: lesson.vehicle_id,
    date: start.date,
    startTime: formatMinuteOfDay(start.minute),
    durationMinutes: Math.round((new Date(lesson.ends_at).getTime() - new Date(lesson.starts_at).getTime()) / 60_000),
    pickupLocation: lesson.pickup_location ?? '',
    reason: '',
    overrideReason: '',
  };
}

/** The booking these values describe, with start and end as instants; null until it is complete. */
/** No lesson is booked before this year: an earlier one is a date still being typed. */
const EARLIEST_YEAR = 1990;

export function toProposal(values: LessonFormValues, timeZone: string): LessonBook | null {
  const minute = parseMinuteOfDay(values.startTime);
  if (!values.studentId || !values.instructorId || !values.vehicleId || !values.date || minute === null || values.durationMinutes <= 0) return null;
  // A year still being typed into the date field ("0020-12-08") is no booking to check yet.
  if (Number(values.date.slice(0, 4)) < EARLIEST_YEAR) return null;
  const startsAt = zonedToInstant(values.date, minute, timeZone);
  const endsAt = new Date(new Date(startsAt).getTime() + values.durationMinutes * 60_000).toISOString();
  return {
    student_id: values.studentId,
    enrollment_id: values.enrollmentId,
    instructor_id: values.instructorId,
    vehicle_id: values.vehicleId,
    starts_at: startsAt,
    ends_at: endsAt,
    pickup_location: values.pickupLocation.trim() || null,
    reason: values.reason.trim() || null,
    override_reason: values.overrideReason.trim() || null,
  };
}

/** What changed on an existing lesson (its student stays), with its version. */
export function toLessonUpdate(lesson: Lesson, proposal: LessonBook): LessonUpdate {
  const body: LessonUpdate = { version: lesson.version };
  const same = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();
  if (!same(lesson.starts_at, proposal.starts_at)) body.starts_at = proposal.starts_at;
  if (!same(lesson.ends_at, proposal.ends_at)) body.ends_at = proposal.ends_at;
  if (lesson.instructor_id !== proposal.instructor_id) body.instructor_id = proposal.instructor_id;
  if (lesson.vehicle_id !== proposal.vehicle_id) body.vehicle_id = proposal.vehicle_id;
  if ((lesson.pickup_location ?? null) !== (proposal.pickup_location ?? null)) body.pickup_location = proposal.pickup_location ?? null;
  if (proposal.reason) body.reason = proposal.reason;
  if (proposal.override_reason) body.override_reason = proposal.override_reason;
  return body;
}
