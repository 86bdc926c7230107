import { formatDate } from '../../../lib/dates';
import type { Conflict } from '../types';

type RuleDetails = { licence_expiry?: unknown; licence_class_on_file?: unknown };

/**
 * What a refusal adds under its message. The backend writes each rule's own sentence, naming the other
 * booking by student and time in the school's time format, so the screen adds only what the sentence
 * leaves out: the expiry date of the licence on file, or why a student with no class is held to G1 rules.
 */
export function ruleExplanation(conflict: Conflict): string | null {
  const details = (conflict.details ?? {}) as RuleDetails;
  if (conflict.code === 'lesson.student_licence_expired' && typeof details.licence_expiry === 'string') return `The licence on file expired on ${formatDate(details.licence_expiry)}.`;
  if (conflict.code === 'lesson.g1_night_ban' && details.licence_class_on_file === null) return 'No licence class is on file, so the G1 rules apply.';
  return null;
}

/** The booking rules this proposal breaks, each in its own words. */
export function ConflictList({ conflicts }: { conflicts: readonly Conflict[] }) {
  if (conflicts.length === 0) return null;
  return (
    <div className="conflicts" role="alert" data-testid="lesson-conflicts">
      <p className="conflicts__title">
        {conflicts.length === 1 ? 'This booking breaks a rule:' : `This booking breaks ${conflicts.length} rules:`}
      </p>
      <ul className="conflicts__list">
        {conflicts.map((conflict) => {
          const explanation = ruleExplanation(conflict);
          return (
            <li key={conflict.code} className="conflicts__item" data-testid="lesson-conflict" data-code={conflict.code}>
              <span className="conflicts__message" data-testid="conflict-message">
                {conflict.message}
              </span>
              {explanation ? (
                <span className="conflicts__span" data-testid="conflict-explanation">
                  {explanation}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
