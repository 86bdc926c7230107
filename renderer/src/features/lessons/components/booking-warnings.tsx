import { Banner } from '../../../components/ui/banner';
import { formatHours } from '../../../lib/units';
import type { Conflict } from '../types';

type WarningDetails = { remaining_minutes?: unknown; lesson_minutes?: unknown };

/** What a warning adds under the backend's sentence: the prepaid hours left against the lesson's length. */
export function warningExplanation(warning: Conflict): string | null {
  const details = (warning.details ?? {}) as WarningDetails;
  if (warning.code === 'billing.prepaid_hours_used_up' && typeof details.remaining_minutes === 'number' && typeof details.lesson_minutes === 'number') {
    return `${formatHours(details.remaining_minutes)} prepaid left; this lesson is ${formatHours(details.lesson_minutes)}.`;
  }
  return null;
}

/** The check's warnings: worth knowing, and the booking still goes ahead. */
export function BookingWarnings({ warnings }: { warnings: readonly Conflict[] }) {
  if (warnings.length === 0) return null;
  return (
    <Banner tone="warning" title="The booking can go ahead, but note:" testId="lesson-warnings">
      <ul className="warning-list">
        {warnings.map((warning) => {
          const explanation = warningExplanation(warning);
          return (
            <li key={warning.code} data-testid="lesson-warning" data-code={warning.code}>
              {warning.message}
              {explanation ? ` ${explanation}` : null}
            </li>
          );
        })}
      </ul>
    </Banner>
  );
}
