import { useState, type FormEvent } from 'react';
import { BarChart } from '../../../components/ui/bar-chart';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextField } from '../../../components/ui/field';
import { ProgressBar } from '../../../components/ui/progress-bar';
import { StatusChip } from '../../../components/ui/status-chip';
import { daysBetween, formatDate } from '../../../lib/dates';
import { isOdsmError } from '../../../lib/odsm';
import { formatHours, hoursToMinutes } from '../../../lib/units';
import { useAddHours, useEnrollment, useStudentEnrollments } from '../api/enrollments';
import { CATEGORY_LABELS, CATEGORY_ORDER, ENROLLMENT_LOCKED, type Enrollment } from '../types';
import { AddCorrection } from './add-correction';
import { EnrollInBde } from './enroll-in-bde';
import { RecordFinalMark } from './record-final-mark';
import { hoursByWeek } from './hours-by-week';

/** Each of a student's enrollments: hours per category against the requirement, deadline and result. */
export function StudentProgress({ studentId, today }: { studentId: number; today: string }) {
  const enrollments = useStudentEnrollments(studentId);
  return (
    <div className="progress-panel" data-testid="student-progress">
      {enrollments.error ? <ErrorBanner error={enrollments.error} title="Could not load the courses." /> : null}
      {enrollments.isPending ? <p className="muted">Loading…</p> : null}
      {enrollments.data && enrollments.data.items.length === 0 ? <p className="muted">Not enrolled in a course yet.</p> : null}
      {enrollments.data && !enrollments.data.items.some((item) => item.course_kind === 'bde') ? <EnrollInBde studentId={studentId} today={today} /> : null}
      {enrollments.data?.items.map((enrollment) => <EnrollmentProgress key={enrollment.id} enrollment={enrollment} today={today} />)}
    </div>
  );
}

function EnrollmentProgress({ enrollment, today }: { enrollment: Enrollment; today: string }) {
  const detail = useEnrollment(enrollment.id);
  const daysLeft = enrollment.deadline ? daysBetween(today, enrollment.deadline) : null;
  const chart = detail.data ? hoursByWeek(detail.data.ledger ?? []) : [];
  return (
    <section className="progress-panel__course" data-testid="enrollment-progress" data-enrollment-id={enrollment.id} data-status={enrollment.status}>
      <div className="progress-panel__head">
        <strong>{enrollment.course_name || `Course #${enrollment.course_id}`}</strong>
        <span className="chip-row">
          {enrollment.status === 'certified' ? (
            <StatusChip tone="ok" testId="certified-chip">
              Certified {formatDate(enrollment.certified_on)} · {enrollment.mto_reference}
            </StatusChip>
          ) : null}
          {enrollment.status === 'active' && daysLeft !== null ? (
            <StatusChip tone={daysLeft < 0 ? 'danger' : daysLeft <= 60 ? 'warning' : 'neutral'}>
              Deadline {formatDate(enrollment.deadline)} ({daysLeft < 0 ? 'passed' : `${daysLeft} days`})
            </StatusChip>
          ) : null}
          <StatusChip tone={enrollment.result === 'pass' ? 'ok' : enrollment.result === 'fail' ? 'danger' : 'neutral'}>
            {enrollment.result === 'pending' ? 'No result yet' : `${enrollment.result === 'pass' ? 'Passed' : 'Failed'} ${enrollment.final_mark_percent ?? ''}%`}
          </StatusChip>
        </span>
      </div>
      {CATEGORY_ORDER.map((category) => {
        const total = enrollment.totals?.find((item) => item.category === category);
        if (!total || total.required_minutes === 0) return null;
        return (
          <ProgressBar
            key={category}
            label={CATEGORY_LABELS[category]}
            value={total.credited_minutes}
            max={total.required_minutes}
            detail={`${formatHours(total.credited_minutes)} of ${formatHours(total.required_minutes)}${total.remaining_minutes > 0 ? ` · ${formatHours(total.remaining_minutes)} to go` : ''}`}
          />
        );
      })}
      {chart.length > 1 ? <BarChart items={chart} label="Hours credited per week" unit="h" /> : null}
      <AddFlexHours enrollmentId={enrollment.id} today={today} />
      {enrollment.course_kind === 'bde' ? <RecordFinalMark enrollment={enrollment} /> : null}
      <details className="progress-panel__corrections" open={enrollment.status === 'certified' || undefined}>
        <summary>Corrections{enrollment.status === 'certified' ? ' (the record is locked: hours change only by correction)' : ''}</summary>
        <AddCorrection enrollmentId={enrollment.id} today={today} />
      </details>
    </section>
  );
}

/** Home-link (flex) hours are the one category the desk enters by hand. */
function AddFlexHours({ enrollmentId, today }: { enrollmentId: number; today: string }) {
  const add = useAddHours(enrollmentId);
  const [hours, setHours] = useState('');
  const [on, setOn] = useState(today);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const locked = isOdsmError(add.error) && add.error.code === ENROLLMENT_LOCKED;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const minutes = hoursToMinutes(hours);
    if (!minutes) return setProblem('Enter hours, e.g. 1.5.');
    setProblem(null);
    add.mutate({ minutes, occurred_on: on, reason: reason.trim() || null }, { onSuccess: () => setHours('') });
  }

  return (
    <form className="progress-panel__add" onSubmit={onSubmit} noValidate data-testid="add-hours-form">
      <TextField id={`flex-hours-${enrollmentId}`} label="Home-link hours" inputMode="decimal" value={hours} error={problem ?? undefined} onChange={(event) => setHours(event.target.value)} />
      <TextField id={`flex-on-${enrollmentId}`} label="Done on" type="date" value={on} onChange={(event) => setOn(event.target.value)} />
      <TextField id={`flex-reason-${enrollmentId}`} label="Note" value={reason} onChange={(event) => setReason(event.target.value)} />
      <Button type="submit" busy={add.isPending} data-testid="add-hours">
        Add hours
      </Button>
      {add.error ? (
        <div className="field--wide" style={{ gridColumn: '1 / -1' }}>
          <ErrorBanner
            error={add.error}
            title={locked ? 'This course record is certified and locked. Hours cannot be added; record a correction with a reason instead.' : 'The hours were not added.'}
            testId={locked ? 'enrollment-locked' : 'add-hours-error'}
          />
        </div>
      ) : null}
    </form>
  );
}
