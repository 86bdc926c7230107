import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { Segmented, type SegmentOption } from '../../../components/ui/segmented';
import type { TimeFormat } from '../../../lib/clock-text';
import { useCancelRoadTest, useEligibility, useRecordRoadTestResult, useRoadTestSettings, type RoadTest, type RoadTestOutcome } from '../api/road-tests';
import { cancelledText, cancelWarning, hasStarted, isLateCancel, refusalWords, resultText, statusText, whenText } from './road-test-words';

const OUTCOMES: readonly SegmentOption<RoadTestOutcome>[] = [
  { id: 'passed', label: 'Pass' },
  { id: 'failed', label: 'Fail' },
  { id: 'no_show', label: 'No-show' },
];
const DEFAULT_NOTICE_HOURS = 48;

type Props = {
  test: RoadTest;
  timeFormat: TimeFormat;
  timeZone: string;
  /** The moment the desk is looking (tests pass a fixed one). */
  now?: Date;
  /** Open straight at the result or the cancellation (the list's row button has already asked). */
  startIn?: 'result' | 'cancel';
};

/** A booked test's two actions: record its result once its time has come, or cancel it while it is ahead. */
export function RoadTestActions({ test, timeFormat, timeZone, now = new Date(), startIn }: Props) {
  const clock = { timeFormat, timeZone };
  const [mode, setMode] = useState<'result' | 'cancel' | null>(startIn ?? null);
  const [outcome, setOutcome] = useState<RoadTestOutcome>('passed');
  const [reason, setReason] = useState('');
  const record = useRecordRoadTestResult();
  const cancel = useCancelRoadTest();
  const settings = useRoadTestSettings();
  const noticeHours = settings.data?.cancel_notice_hours ?? DEFAULT_NOTICE_HOURS;
  const recorded = record.data;
  const cancelled = cancel.data;
  const error = record.error ?? cancel.error;
  const refusal = error ? refusalWords(error, clock) : null;
  const started = hasStarted(test, now);

  if (recorded) {
    return (
      <div className="road-test-actions" data-testid="road-test-actions">
        {recorded.status === 'passed' && recorded.licence_class === 'G2' ? (
          <PassedWithNext test={recorded} timeFormat={timeFormat} timeZone={timeZone} />
        ) : (
          <Banner tone={recorded.status === 'passed' ? 'success' : 'info'} title={resultText(recorded, clock)} testId="road-test-result-saved" />
        )}
      </div>
    );
  }
  if (cancelled) {
    return (
      <div className="road-test-actions" data-testid="road-test-actions">
        <Banner tone={cancelled.status === 'late_cancelled' ? 'warning' : 'success'} title={cancelledText(cancelled)} testId="road-test-cancelled" />
      </div>
    );
  }

  return (
    <div className="road-test-actions" data-testid="road-test-actions" data-road-test-id={test.id}>
      <p>
        <strong>
          {test.licence_class} road test at {test.centre_name}
        </strong>
        , {whenText(test.starts_at, clock)}
        {test.vehicle_plate ? ` · school car ${test.vehicle_plate}` : ''} · {statusText(test)}
      </p>
      {test.status !== 'booked' ? null : mode === null ? (
        <div className="road-test-actions__buttons">
          {started ? (
            <Button variant="primary" onClick={() => setMode('result')} data-testid="road-test-record-result">
              Record result
            </Button>
          ) : (
            <Button onClick={() => setMode('cancel')} data-testid="road-test-cancel">
              Cancel test…
            </Button>
          )}
        </div>
      ) : mode === 'result' ? (
        <div className="road-test-actions__form">
          <p className="field__label">How did the test go?</p>
          <Segmented label="Result of the road test" options={OUTCOMES} value={outcome} onChange={setOutcome} testIdPrefix="road-test-outcome" />
          <p className="muted small">
            {outcome === 'passed'
              ? `Records the ${test.licence_class} licence step for the student.`
              : outcome === 'failed'
                ? 'The earliest retest date is shown once saved.'
                : `The student did not come: DriveTest keeps the fee.`}
          </p>
          <div className="road-test-actions__buttons">
            <Button onClick={() => setMode(null)}>Back</Button>
            <Button variant="primary" busy={record.isPending} onClick={() => record.mutate({ test, outcome })} data-testid="road-test-save-result">
              Save result
            </Button>
          </div>
        </div>
      ) : (
        <div className="road-test-actions__form">
          <TextField id={`road-test-cancel-reason-${test.id}`} label="Reason for cancelling" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          <Banner
            tone={isLateCancel(test, noticeHours, now) ? 'warning' : 'info'}
            title={cancelWarning(test, noticeHours, now)}
            testId="road-test-cancel-warning"
          />
          <div className="road-test-actions__buttons">
            <Button onClick={() => setMode(null)}>Keep the test</Button>
            <Button variant="danger" busy={cancel.isPending} onClick={() => cancel.mutate({ test, reason })} data-testid="road-test-confirm-cancel">
              Cancel the test
            </Button>
          </div>
        </div>
      )}
      {refusal ? (
        <Banner tone="error" title={refusal.title} testId="road-test-refusal">
          <p data-code={refusal.code}>{refusal.text}</p>
        </Banner>
      ) : null}
    </div>
  );
}

/** After a G2 pass: the step, and the first day of the G test (read again from the student's eligibility). */
function PassedWithNext({ test, timeFormat, timeZone }: { test: RoadTest; timeFormat: TimeFormat; timeZone: string }) {
  const eligibility = useEligibility(test.student_id);
  const next = eligibility.data?.tests.find((t) => t.licence_class === 'G');
  return <Banner tone="success" title={resultText(test, { timeFormat, timeZone }, next?.eligible_from)} testId="road-test-result-saved" />;
}
