/**
 * The classroom's scheduling and back-dating refusals, in the desk's words, from their `details`
 * (the backend names the clashing lesson, class, road test or time off and its local time).
 */
import { isOdsmError } from '../../../lib/odsm';

export const BACKDATED_WITHOUT_REASON = 'classroom.backdated_without_reason';

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' && value ? value : fallback;
}

/** Null unless `error` is a scheduling or back-dating refusal of a class or its attendance. */
export function describeScheduleRefusal(error: unknown): string | null {
  if (!isOdsmError(error)) return null;
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Record<string, unknown>;
  const when = text(details.local_time, 'then');
  switch (error.code) {
    case 'classroom.instructor_teaching_lesson':
      return `The instructor has an in-car lesson with ${text(details.student_name, 'a student')} at ${when}.`;
    case 'classroom.instructor_double_booked':
      return `The instructor already teaches “${text(details.topic, 'another class')}” in ${text(details.room, 'another room')} at ${when}.`;
    case 'classroom.instructor_at_road_test':
      return `The instructor is going with ${text(details.conflicting_student_name, 'a student')} to a road test at ${when}.`;
    case 'classroom.instructor_time_off':
      return `The instructor has time off ${when}${typeof details.reason === 'string' && details.reason ? ` (${details.reason})` : ''}.`;
    case 'classroom.not_yet_happened':
      return `This class starts ${when}: attendance is taken once it has begun.`;
    case BACKDATED_WITHOUT_REASON:
      return details.event === 'starts_at'
        ? `This class starts ${when}, in the past: enter a reason to add it.`
        : `This class ended ${when}, more than ${String(details.grace_hours ?? 'the allowed')} hours ago: enter a reason for the late entry.`;
    default:
      return null;
  }
}
