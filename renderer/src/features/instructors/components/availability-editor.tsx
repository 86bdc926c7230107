import { Button } from '../../../components/ui/button';
import { formatMinuteOfDay, parseMinuteOfDay } from '../../../lib/dates';
import { formatHours } from '../../../lib/units';
import type { AvailabilitySlot } from '../types';
import { availabilityProblem, nextSlot, WEEKDAY_NAMES, weeklyMinutes } from './availability';

type Props = { slots: readonly AvailabilitySlot[]; onChange: (slots: AvailabilitySlot[]) => void };

/** One row per weekday, each with its blocks of availability as from/to times. */
export function AvailabilityEditor({ slots, onChange }: Props) {
  const problem = availabilityProblem(slots);

  function replace(index: number, patch: Partial<AvailabilitySlot>) {
    onChange(slots.map((slot, i) => (i === index ? { ...slot, ...patch } : slot)));
  }

  return (
    <div className="availability" data-testid="availability-editor">
      <p className="availability__summary">{formatHours(weeklyMinutes(slots))} a week</p>
      {WEEKDAY_NAMES.map((name, weekday) => {
        const day = slots.map((slot, index) => ({ slot, index })).filter(({ slot }) => slot.weekday === weekday);
        return (
          <div className="availability__day" key={name} data-testid={`availability-${weekday}`}>
            <span className="availability__name">{name}</span>
            <div className="availability__slots">
              {day.length === 0 ? <span className="availability__off">Not available</span> : null}
              {day.map(({ slot, index }) => (
                <span className="availability__slot" key={index}>
                  <input
                    type="time"
                    aria-label={`${name} from`}
                    className="field__control availability__time"
                    value={formatMinuteOfDay(slot.start_minute)}
                    onChange={(event) => {
                      const minute = parseMinuteOfDay(event.target.value);
                      if (minute !== null) replace(index, { start_minute: minute });
                    }}
                  />
                  <span aria-hidden="true">–</span>
                  <input
                    type="time"
                    aria-label={`${name} to`}
                    className="field__control availability__time"
                    value={formatMinuteOfDay(slot.end_minute === 1440 ? 1439 : slot.end_minute)}
                    onChange={(event) => {
                      const minute = parseMinuteOfDay(event.target.value);
                      if (minute !== null) replace(index, { end_minute: minute });
                    }}
                  />
                  <button type="button" className="availability__remove" aria-label={`Remove ${name} block`} onClick={() => onChange(slots.filter((_, i) => i !== index))}>
                    ×
                  </button>
                </span>
              ))}
            </div>
            <Button variant="ghost" onClick={() => onChange([...slots, nextSlot(slots, weekday)])} aria-label={`Add ${name} block`}>
              + Add
            </Button>
          </div>
        );
      })}
      {problem ? (
        <p className="field__error" role="alert" data-testid="availability-problem">
          {problem.message}
        </p>
      ) : null}
    </div>
  );
}
