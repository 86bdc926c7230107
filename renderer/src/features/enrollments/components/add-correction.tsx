import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextField } from '../../../components/ui/field';
import { UnplacedErrors } from '../../../components/ui/unplaced-errors';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { useAddCorrection } from '../api/enrollments';
import { CATEGORY_LABELS, CATEGORY_ORDER, ENROLLMENT_LOCKED, type HoursCategory } from '../types';
import { formatSignedDuration, parseCorrectionMinutes, type CorrectionSign } from './correction-minutes';

const CORRECTION_FIELDS = ['category', 'minutes', 'occurred_on', 'reason'] as const;

/** A signed correction with a reason: the one way to change hours once the record is certified. */
export function AddCorrection({ enrollmentId, today }: { enrollmentId: number; today: string }) {
  const add = useAddCorrection(enrollmentId);
  const [category, setCategory] = useState<HoursCategory>('in_car');
  const [sign, setSign] = useState<CorrectionSign>('+');
  const [hours, setHours] = useState('');
  const [minutes, setMinutes] = useState('');
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<{ minutes?: string; reason?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const fields = fieldErrorsOf(add.error, CORRECTION_FIELDS);
  const locked = isOdsmError(add.error) && add.error.code === ENROLLMENT_LOCKED;
  const parsed = parseCorrectionMinutes(sign, hours, minutes);
  const prefix = `correction-${enrollmentId}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const next: { minutes?: string; reason?: string } = {};
    if ('problem' in parsed) next.minutes = parsed.problem;
    if (reason.trim().length < 3) next.reason = 'Give a reason (at least 3 characters).';
    setProblems(next);
    setDone(null);
    if (next.minutes || next.reason || !('minutes' in parsed)) return;
    const amount = parsed.minutes;
    add.mutate(
      { category, minutes: amount, occurred_on: on || null, reason: reason.trim() },
      {
        onSuccess: () => {
          setDone(`Correction of ${formatSignedDuration(amount)} ${CATEGORY_LABELS[category].toLowerCase()} recorded.`);
          setHours('');
          setMinutes('');
          setReason('');
        },
      },
    );
  }

  return (
    <form className="progress-panel__add" onSubmit={onSubmit} noValidate data-testid="correction-form">
      <SelectField id={`${prefix}-category`} label="Correct" value={category} error={fields.byField.category?.message} onChange={(event) => setCategory(event.target.value as HoursCategory)}>
        {CATEGORY_ORDER.map((item) => (
          <option key={item} value={item}>
            {CATEGORY_LABELS[item]}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${prefix}-sign`} label="Add or remove" value={sign} onChange={(event) => setSign(event.target.value as CorrectionSign)}>
        <option value="+">+ Add</option>
        <option value="-">− Remove</option>
      </SelectField>
      <TextField id={`${prefix}-hours`} label="Hours" inputMode="numeric" value={hours} onChange={(event) => setHours(event.target.value)} />
      <TextField
        id={`${prefix}-minutes`}
        label="Minutes"
        inputMode="numeric"
        value={minutes}
        error={problems.minutes ?? fields.byField.minutes?.message}
        hint={'minutes' in parsed ? formatSignedDuration(parsed.minutes) : undefined}
        onChange={(event) => setMinutes(event.target.value)}
      />
      <TextField id={`${prefix}-on`} label="Occurred on" type="date" value={on} error={fields.byField.occurred_on?.message} onChange={(event) => setOn(event.target.value)} />
      <TextField
        id={`${prefix}-reason`}
        label="Reason"
        required
        value={reason}
        error={problems.reason ?? fields.byField.reason?.message}
        onChange={(event) => setReason(event.target.value)}
      />
      <Button type="submit" busy={add.isPending} data-testid="add-correction">
        Add correction
      </Button>
      {done ? (
        <p role="status" className="muted" data-testid="correction-done">
          {done}
        </p>
      ) : null}
      {add.error && (locked || Object.keys(fields.byField).length === 0) ? (
        <div style={{ gridColumn: '1 / -1' }}>
          {locked ? (
            <ErrorBanner error={add.error} title="This course record is locked; the correction was not recorded." testId="enrollment-locked" />
          ) : fields.unplaced.length > 0 ? (
            <UnplacedErrors problems={fields.unplaced} />
          ) : (
            <ErrorBanner error={add.error} title="The correction was not recorded." testId="correction-error" />
          )}
        </div>
      ) : null}
    </form>
  );
}
