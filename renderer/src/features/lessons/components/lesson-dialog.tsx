import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextField } from '../../../components/ui/field';
import { StatusChip } from '../../../components/ui/status-chip';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { formatDateTime } from '../../../lib/dates';
import { isOdsmError } from '../../../lib/odsm';
import { useStudentEnrollments } from '../../enrollments';
import type { Instructor } from '../../instructors';
import { StudentPicker } from '../../students';
import type { Vehicle } from '../../vehicles';
import { useLessonAction, useLessonCheck } from '../api/lessons';
import { LESSON_VERSION_CONFLICT, STATUS_LABELS, type Conflict, type Lesson } from '../types';
import { CompleteLessonForm } from './complete-lesson-form';
import { ConflictList } from './conflict-list';
import { DURATIONS, lessonToValues, toLessonUpdate, toProposal, type LessonFormValues } from './lesson-form-values';

type Props = {
  lesson: Lesson | null;
  initial: Partial<LessonFormValues>;
  instructors: readonly Instructor[];
  vehicles: readonly Vehicle[];
  timeZone: string;
  onClose: () => void;
  onDone: (message: string) => void;
};

type Mode = 'edit' | 'complete' | 'cancel' | 'noShow';

function emptyValues(initial: Partial<LessonFormValues>): LessonFormValues {
  return { studentId: null, studentName: '', enrollmentId: null, instructorId: null, vehicleId: null, date: '', startTime: '09:00', durationMinutes: 60, pickupLocation: '', ...initial };
}

/** A rule refusal from book/update as a conflict, so it shows in the same list as the dry run's. */
function refusalAsConflict(error: unknown): Conflict | null {
  if (!isOdsmError(error) || !error.code.startsWith('lesson.') || error.code === LESSON_VERSION_CONFLICT) return null;
  return { code: error.code, message: error.message, details: (error.details as Record<string, unknown> | undefined) ?? null };
}

export function LessonDialog({ lesson, initial, instructors, vehicles, timeZone, onClose, onDone }: Props) {
  const [values, setValues] = useState<LessonFormValues>(() => (lesson ? lessonToValues(lesson, timeZone) : emptyValues(initial)));
  const [enrollmentTouched, setEnrollmentTouched] = useState(lesson !== null);
  const [mode, setMode] = useState<Mode>('edit');
  const [reason, setReason] = useState('');
  const action = useLessonAction();
  const enrollments = useStudentEnrollments(values.studentId);
  const editable = lesson === null || lesson.status === 'scheduled';

  // Until the desk picks one, a lesson counts toward the student's active BDE enrollment.
  const activeBde = enrollments.data?.items.find((item) => item.status === 'active' && item.course_kind === 'bde');
  const enrollmentId = enrollmentTouched ? values.enrollmentId : (activeBde?.id ?? null);
  const proposal = editable ? toProposal({ ...values, enrollmentId }, timeZone) : null;
  // Debounced by its text: a fresh object each render must not restart the wait.
  const proposalKey = proposal ? JSON.stringify(proposal) : '';
  const settledKey = useDebouncedValue(proposalKey, 300);
  const check = useLessonCheck(lesson?.id ?? null, settledKey === proposalKey ? proposal : null);
  const refusal = refusalAsConflict(action.error);
  const conflicts = refusal ? [refusal] : (check.data?.conflicts ?? []);
  const checking = proposal !== null && (check.isFetching || settledKey !== proposalKey);

  const set = <K extends keyof LessonFormValues>(key: K, value: LessonFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    action.reset();
  };

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!proposal) return;
    if (!lesson) {
      action.mutate({ kind: 'book', body: proposal }, { onSuccess: () => onDone(`Lesson booked for ${values.studentName}.`) });
    } else {
      action.mutate({ kind: 'update', lessonId: lesson.id, body: toLessonUpdate(lesson, proposal) }, { onSuccess: () => onDone('Lesson updated.') });
    }
  }

  function onCancelOrNoShow(kind: 'cancel' | 'noShow') {
    if (!lesson) return;
    action.mutate(
      { kind, lessonId: lesson.id, body: { version: lesson.version, reason: reason.trim() || null } },
      {
        onSuccess: (saved) =>
          onDone(kind === 'noShow' ? 'Marked as a no-show.' : saved.status === 'late_cancelled' ? 'Lesson late-cancelled: the late-cancel fee applies.' : 'Lesson cancelled.'),
      },
    );
  }

  const title = lesson ? `Lesson · ${lesson.student_name || values.studentName}` : 'Book a lesson';
  if (lesson && mode === 'complete') {
    const vehicle = vehicles.find((item) => item.id === lesson.vehicle_id);
    return (
      <CompleteLessonForm lesson={lesson} vehicle={vehicle} timeZone={timeZone} onBack={() => setMode('edit')} onClose={onClose} onDone={() => onDone('Lesson completed; its hours are on the student’s record.')} />
    );
  }

  const footer =
    mode === 'cancel' || mode === 'noShow' ? (
      <>
        <Button onClick={() => setMode('edit')}>Back</Button>
        <Button variant="danger" busy={action.isPending} onClick={() => onCancelOrNoShow(mode)} data-testid="confirm-lesson-action">
          {mode === 'cancel' ? 'Cancel lesson' : 'Mark no-show'}
        </Button>
      </>
    ) : (
      <>
        {lesson && editable ? (
          <span className="dialog__footer-start">
            <Button variant="ghost" onClick={() => setMode('complete')} data-testid="complete-lesson">
              Complete…
            </Button>
            <Button variant="ghost" className="btn--ghost-danger" onClick={() => setMode('cancel')} data-testid="cancel-lesson">
              Cancel lesson…
            </Button>
            <Button variant="ghost" className="btn--ghost-danger" onClick={() => setMode('noShow')} data-testid="no-show-lesson">
              No-show…
            </Button>
          </span>
        ) : null}
        <Button onClick={onClose}>Close</Button>
        {editable ? (
          <Button variant="primary" type="submit" form="lesson-form" busy={action.isPending} disabled={!proposal || conflicts.length > 0 || checking} data-testid="save-lesson">
            {lesson ? 'Save changes' : 'Book lesson'}
          </Button>
        ) : null}
      </>
    );

  return (
    <Dialog title={title} onClose={onClose} size="large" testId="lesson-dialog" footer={footer}>
      {lesson ? (
        <p className="lesson-dialog__status">
          <StatusChip tone={lesson.status === 'scheduled' ? 'info' : lesson.status === 'completed' ? 'ok' : 'danger'}>{STATUS_LABELS[lesson.status]}</StatusChip>
          {lesson.fee_cents > 0 ? <span className="muted small"> Fee charged: ${(lesson.fee_cents / 100).toFixed(2)}</span> : null}
        </p>
      ) : null}
      {isOdsmError(action.error) && action.error.code === LESSON_VERSION_CONFLICT ? (
        <Banner tone="warning" title="Someone else changed this lesson. Close this and open it again to see the latest." testId="version-conflict" />
      ) : null}
      {action.error && !refusal && !(isOdsmError(action.error) && action.error.code === LESSON_VERSION_CONFLICT) ? (
        <ErrorBanner error={action.error} title="That did not save." testId="lesson-error" />
      ) : null}
      {mode === 'cancel' || mode === 'noShow' ? (
        <div className="form-grid">
          <p>
            {mode === 'cancel'
              ? 'Cancelling inside the notice window marks the lesson late-cancelled and charges the late-cancel fee.'
              : 'The student did not come. The no-show fee is charged and no hours are credited.'}
          </p>
          <TextField id="lesson-reason" label="Reason" value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
        </div>
      ) : (
        <form id="lesson-form" className="form-grid" onSubmit={onSubmit} noValidate>
          <fieldset className="form-grid__section" disabled={!editable}>
            <legend>Who</legend>
            <StudentPicker
              studentName={values.studentName}
              locked={lesson !== null}
              onPick={(student) => {
                setValues((current) => ({ ...current, studentId: student.id, studentName: student.name, enrollmentId: null }));
                setEnrollmentTouched(false);
              }}
            />
            <SelectField
              id="lesson-enrollment"
              label="Counts toward"
              value={enrollmentId === null ? '' : String(enrollmentId)}
              onChange={(event) => {
                setEnrollmentTouched(true);
                set('enrollmentId', event.target.value ? Number(event.target.value) : null);
              }}
            >
              <option value="">No course (extra lesson)</option>
              {(enrollments.data?.items ?? [])
                .filter((item) => item.status === 'active' || item.id === enrollmentId)
                .map((item) => (
                  <option key={item.id} value={item.id}>
                    {item.course_name || `Course #${item.course_id}`}
                  </option>
                ))}
            </SelectField>
            <SelectField id="lesson-instructor" label="Instructor" required value={values.instructorId ?? ''} onChange={(event) => set('instructorId', event.target.value ? Number(event.target.value) : null)}>
              <option value="">Choose…</option>
              {instructors.map((instructor) => (
                <option key={instructor.id} value={instructor.id}>
                  {instructor.first_name} {instructor.last_name}
                </option>
              ))}
            </SelectField>
            <SelectField id="lesson-vehicle" label="Vehicle" required value={values.vehicleId ?? ''} onChange={(event) => set('vehicleId', event.target.value ? Number(event.target.value) : null)}>
              <option value="">Choose…</option>
              {vehicles.map((vehicle) => (
                <option key={vehicle.id} value={vehicle.id}>
                  {vehicle.plate} · {vehicle.make} {vehicle.model} ({vehicle.transmission})
                </option>
              ))}
            </SelectField>
          </fieldset>
          <fieldset className="form-grid__section" disabled={!editable}>
            <legend>When and where</legend>
            <TextField id="lesson-date" label="Date" type="date" required value={values.date} onChange={(event) => set('date', event.target.value)} />
            <div className="form-grid__pair">
              <TextField id="lesson-start" label="Start" type="time" step={900} required value={values.startTime} onChange={(event) => set('startTime', event.target.value)} />
              <SelectField id="lesson-duration" label="Length" value={values.durationMinutes} onChange={(event) => set('durationMinutes', Number(event.target.value))}>
                {DURATIONS.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {minutes < 60 ? `${minutes} min` : `${minutes / 60} h`}
                  </option>
                ))}
              </SelectField>
            </div>
            <TextField id="lesson-pickup" label="Pickup location" wide value={values.pickupLocation} onChange={(event) => set('pickupLocation', event.target.value)} />
          </fieldset>
        </form>
      )}
      {mode === 'edit' && editable ? (
        <div className="lesson-dialog__check" aria-live="polite">
          {conflicts.length > 0 ? <ConflictList conflicts={conflicts} timeZone={timeZone} /> : null}
          {conflicts.length === 0 && proposal && !checking && check.data?.ok ? (
            <p className="check-ok" data-testid="lesson-check-ok">
              ✓ No conflicts: the instructor, vehicle and student are free, and every rule is met.
            </p>
          ) : null}
          {checking ? <p className="muted small">Checking the rules…</p> : null}
          {!proposal ? <p className="muted small">Choose a student, instructor, vehicle, date and time to check the booking.</p> : null}
          {check.error ? <ErrorBanner error={check.error} title="Could not check the booking." /> : null}
        </div>
      ) : null}
      {lesson && lesson.status === 'completed' ? (
        <p className="muted small">
          Driven {formatDateTime(lesson.actual_start, timeZone)} – {formatDateTime(lesson.actual_end, timeZone)}, odometer {lesson.odometer_start} → {lesson.odometer_end} km.
          {lesson.skills_covered.length > 0 ? ` Skills: ${lesson.skills_covered.join(', ')}.` : ''}
        </p>
      ) : null}
    </Dialog>
  );
}
