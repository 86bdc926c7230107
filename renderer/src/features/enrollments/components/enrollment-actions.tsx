import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextField } from '../../../components/ui/field';
import { StatusChip } from '../../../components/ui/status-chip';
import { UnplacedErrors } from '../../../components/ui/unplaced-errors';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { useCourses, useCreateCourse } from '../../courses';
import { useAddCorrection, useCreateEnrollment, useRecordResult } from '../api/enrollments';
import { CATEGORY_LABELS, CATEGORY_ORDER, ENROLLMENT_LOCKED, type Enrollment, type HoursCategory } from '../types';
import { formatSignedDuration, parseCorrectionMinutes, type CorrectionSign } from './correction-minutes';

export const DEFAULT_BDE_COURSE_NAME = 'BDE Class G';
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

/** No BDE enrollment yet: enrol in the school's active BDE course, creating one if there is none. */
export function EnrollInBde({ studentId, today }: { studentId: number; today: string }) {
  const courses = useCourses();
  const createCourse = useCreateCourse();
  const enroll = useCreateEnrollment();
  const bdeCourses = (courses.data?.items ?? []).filter((course) => course.kind === 'bde' && course.active);
  const [chosen, setChosen] = useState<number | null>(null);
  const courseId = chosen !== null && bdeCourses.some((course) => course.id === chosen) ? chosen : (bdeCourses[0]?.id ?? null);
  const fields = fieldErrorsOf(enroll.error ?? createCourse.error, []);

  function onEnroll() {
    if (courseId === null) return;
    enroll.mutate({ student_id: studentId, course_id: courseId, enrolled_on: today });
  }

  function onCreateAndEnroll() {
    createCourse.mutate(
      { name: DEFAULT_BDE_COURSE_NAME, kind: 'bde' },
      { onSuccess: (course) => enroll.mutate({ student_id: studentId, course_id: course.id, enrolled_on: today }) },
    );
  }

  return (
    <section className="progress-panel__course" data-testid="enroll-bde">
      <div className="progress-panel__head">
        <strong>Beginner Driver Education</strong>
        <StatusChip tone="neutral">Not enrolled</StatusChip>
      </div>
      {courses.error ? <ErrorBanner error={courses.error} title="Could not load the courses." /> : null}
      {courses.isPending ? <p className="muted">Loading courses…</p> : null}
      {courses.data && bdeCourses.length === 0 ? (
        <div className="progress-panel__add">
          <p className="muted" style={{ gridColumn: '1 / -1' }}>
            The school has no active BDE course yet. Create “{DEFAULT_BDE_COURSE_NAME}” with the hours from the school settings, and enrol the student in it.
          </p>
          <Button variant="primary" busy={createCourse.isPending || enroll.isPending} onClick={onCreateAndEnroll} data-testid="create-bde-course">
            Create “{DEFAULT_BDE_COURSE_NAME}” and enrol
          </Button>
        </div>
      ) : null}
      {bdeCourses.length > 0 ? (
        <div className="progress-panel__add">
          {bdeCourses.length > 1 ? (
            <SelectField id={`bde-course-${studentId}`} label="Course" value={courseId ?? ''} onChange={(event) => setChosen(Number(event.target.value))}>
              {bdeCourses.map((course) => (
                <option key={course.id} value={course.id}>
                  {course.name}
                </option>
              ))}
            </SelectField>
          ) : (
            <p className="muted">{bdeCourses[0]?.name}</p>
          )}
          <Button variant="primary" busy={enroll.isPending} onClick={onEnroll} data-testid="enroll-bde-submit">
            Enroll in BDE
          </Button>
        </div>
      ) : null}
      <UnplacedErrors problems={fields.unplaced} />
      {createCourse.error && fields.unplaced.length === 0 ? <ErrorBanner error={createCourse.error} title="The BDE course was not created." testId="create-course-error" /> : null}
      {enroll.error && fields.unplaced.length === 0 ? <ErrorBanner error={enroll.error} title="The student was not enrolled." testId="enroll-error" /> : null}
    </section>
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
