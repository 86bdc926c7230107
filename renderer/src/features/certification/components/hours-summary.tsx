import { formatHours } from '../../../lib/units';
import { CATEGORY_LABELS, CATEGORY_ORDER, type HoursTotal } from '../../enrollments';

/** "Classroom 20/20 h · In-car 8/10 h (2 h short)". */
export function HoursSummary({ totals, shortOnly = false }: { totals: readonly HoursTotal[]; shortOnly?: boolean }) {
  const ordered = CATEGORY_ORDER.map((category) => totals.find((total) => total.category === category)).filter((total): total is HoursTotal => Boolean(total));
  const shown = shortOnly ? ordered.filter((total) => total.remaining_minutes > 0) : ordered;
  return (
    <span className="hours-summary">
      {shown.map((total) => (
        <span key={total.category} className={total.remaining_minutes > 0 ? 'hours-summary__item hours-summary__item--short' : 'hours-summary__item'} data-testid={`hours-${total.category}`}>
          {CATEGORY_LABELS[total.category]}{' '}
          {shortOnly ? `${formatHours(total.remaining_minutes)} short` : `${formatHours(total.credited_minutes)} / ${formatHours(total.required_minutes)}`}
        </span>
      ))}
    </span>
  );
}
