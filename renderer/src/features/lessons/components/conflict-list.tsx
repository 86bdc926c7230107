import { formatDateTime, formatTimeIn } from '../../../lib/dates';
import { OUTSIDE_AVAILABILITY, type Conflict } from '../types';

type SpanDetails = { starts_at?: unknown; ends_at?: unknown; conflicting_lesson_id?: unknown; local_time?: unknown; event?: unknown; grace_hours?: unknown };
type RuleDetails = { hours?: unknown; licence_expiry?: unknown; licence_class_on_file?: unknown };

/** The plain words under a refusal about the student's licence or the instructor's hours; null for others. */
export function ruleExplanation(conflict: Conflict): string | null {
  const details = (conflict.details ?? {}) as RuleDetails;
  if (conflict.code === OUTSIDE_AVAILABILITY) {
    const hours = Array.isArray(details.hours) ? details.hours.filter((item): item is string => typeof item === 'string') : [];
    return hours.length > 0 ? `The instructor works ${hours.join(', ')} that day. Give a reason to book it anyway.` : 'The instructor does not work that day. Give a reason to book it anyway.';
  }
  if (conflict.code === 'lesson.student_licence_expired' && typeof details.licence_expiry === 'string') return `The licence on file expired on ${details.licence_expiry}.`;
  if (conflict.code === 'lesson.g1_night_ban' && details.licence_class_on_file === null) return 'No licence class is on file, so the G1 rules apply.';
  return null;
}

/** For a back-dating refusal: when the lesson was, and what the desk must add. */
function backdatedHint(conflict: Conflict): string | null {
  if (conflict.code !== 'lesson.backdated_without_reason') return null;
  const details = (conflict.details ?? {}) as SpanDetails;
  const when = typeof details.local_time === 'string' ? details.local_time : 'then';
  if (details.event === 'actual_end') return `The lesson ended ${when}, more than ${String(details.grace_hours)} hours ago: enter a reason for the late entry.`;
  return `The lesson starts ${when}, in the past: enter a reason to book it.`;
}

/** "the booking from 09:00 to 10:00 on Mar 4" for a conflict that names another booking. */
export function conflictingSpan(conflict: Conflict, timeZone: string): string | null {
  const details = (conflict.details ?? {}) as SpanDetails;
  if (typeof details.starts_at !== 'string' || typeof details.ends_at !== 'string') return backdatedHint(conflict);
  const id = typeof details.conflicting_lesson_id === 'number' ? ` (lesson #${details.conflicting_lesson_id})` : '';
  return `Already booked ${formatDateTime(details.starts_at, timeZone)} – ${formatTimeIn(details.ends_at, timeZone)}${id}`;
}

/** The booking rules this proposal breaks, each with its message and the booking it clashes with. */
export function ConflictList({ conflicts, timeZone }: { conflicts: readonly Conflict[]; timeZone: string }) {
  if (conflicts.length === 0) return null;
  return (
    <div className="conflicts" role="alert" data-testid="lesson-conflicts">
      <p className="conflicts__title">
        {conflicts.length === 1 ? 'This booking breaks a rule:' : `This booking breaks ${conflicts.length} rules:`}
      </p>
      <ul className="conflicts__list">
        {conflicts.map((conflict) => {
          const explanation = ruleExplanation(conflict);
          // The hours refusal names the lesson's own times, not another booking's.
          const span = explanation === null ? conflictingSpan(conflict, timeZone) : null;
          return (
            <li key={conflict.code} className="conflicts__item" data-testid="lesson-conflict" data-code={conflict.code}>
              <span className="conflicts__message">{conflict.message}</span>
              {span ? <span className="conflicts__span" data-testid="conflict-span">{span}</span> : null}
              {explanation ? <span className="conflicts__span" data-testid="conflict-explanation">{explanation}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
