import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextField } from '../../../components/ui/field';
import { StatusChip } from '../../../components/ui/status-chip';
import { UnplacedErrors } from '../../../components/ui/unplaced-errors';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { useRecordResult } from '../api/enrollments';
import { ENROLLMENT_LOCKED, type Enrollment } from '../types';

const ENROLLMENT_VERSION_CONFLICT = 'enrollment.version_conflict';

function LockedBanner({ error, what }: { error: unknown; what: string }) {
  return (
    <ErrorBanner
      error={error}
      title={`This course record is certified and locked. ${what} Record a correction with a reason instead.`}
      testId="enrollment-locked"
    />
  );
}

/** The final mark; the result (pass/fail) comes back from the backend's pass mark. */
export function RecordFinalMark({ enrollment }: { enrollment: Enrollment }) {
  const record = useRecordResult(enrollment.id);
  const [mark, setMark] = useState(enrollment.final_mark_percent === null || enrollment.final_mark_percent === undefined ? '' : String(enrollment.final_mark_percent));
  const [problem, setProblem] = useState<string | null>(null);
  const code = isOdsmError(record.error) ? record.error.code : null;
  const fields = fieldErrorsOf(record.error, ['final_mark_percent', 'version']);
  const saved = record.data;
  const id = `final-mark-${enrollment.id}`;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = mark.trim();
    const value = /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : null;
    if (value === null || value > 100) return setProblem('Enter a whole percentage from 0 to 100.');
    setProblem(null);
    record.mutate({ version: enrollment.version, final_mark_percent: value });
  }

  return (
    <form className="progress-panel__add" onSubmit={onSubmit} noValidate data-testid="final-mark-form">
      <TextField
        id={id}
        label="Final mark (%)"
        inputMode="numeric"
        value={mark}
        error={problem ?? fields.byField.final_mark_percent?.message}
        onChange={(event) => {
          setMark(event.target.value);
          record.reset();
        }}
      />
      <Button type="submit" busy={record.isPending} data-testid="record-final-mark">
        Record final mark
      </Button>
      {saved && !record.error ? (
        <p role="status" data-testid="final-mark-result">
          <StatusChip tone={saved.result === 'pass' ? 'ok' : saved.result === 'fail' ? 'danger' : 'neutral'}>
            {saved.result === 'pass' ? 'Pass' : saved.result === 'fail' ? 'Fail' : 'Pending'} · {saved.final_mark_percent}%
          </StatusChip>
        </p>
      ) : null}
      {record.error ? (
        <div style={{ gridColumn: '1 / -1' }}>
          {code === ENROLLMENT_LOCKED ? (
            <LockedBanner error={record.error} what="The final mark cannot be changed." />
          ) : code === ENROLLMENT_VERSION_CONFLICT ? (
            <Banner tone="warning" title="Someone else changed this course record. The latest is loaded; record the mark again." testId="version-conflict" />
          ) : fields.unplaced.length > 0 ? (
            <UnplacedErrors problems={fields.unplaced} />
          ) : Object.keys(fields.byField).length === 0 ? (
            <ErrorBanner error={record.error} title="The final mark was not recorded." testId="final-mark-error" />
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
