/** The roster's refusals in the desk's words, from their `details`. */
import { isOdsmError } from '../../../lib/odsm';
import { ALREADY_ON_ROSTER, ROSTER_FULL } from '../types';

export function describeRosterRefusal(error: unknown): string | null {
  if (!isOdsmError(error)) return null;
  const details = (typeof error.details === 'object' && error.details !== null ? error.details : {}) as Record<string, unknown>;
  const who = typeof details.student_name === 'string' ? details.student_name : 'This student';
  if (error.code === ROSTER_FULL) {
    const limit = typeof details.limit === 'number' ? details.limit : null;
    const bySchool = typeof details.class_size_max === 'number' && typeof details.capacity === 'number' && details.class_size_max < details.capacity;
    const size = limit === null ? 'its size' : `${limit} student${limit === 1 ? '' : 's'}`;
    return `${who} was not added: the class is full at ${size}${bySchool ? ', the school’s class size' : ''}. Take someone off the roster first.`;
  }
  if (error.code === ALREADY_ON_ROSTER) return `${who} is already on this class’s roster.`;
  return null;
}
