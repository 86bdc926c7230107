import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextField } from '../../../components/ui/field';
import { StatusChip } from '../../../components/ui/status-chip';
import { formatDateTime } from '../../../lib/dates';
import { isOdsmError } from '../../../lib/odsm';
import { AccountFacts } from '../../billing';
import type { Instructor } from '../../instructors';
import type { Vehicle } from '../../vehicles';
import { useLessonAction } from '../api/lessons';
import { LESSON_VERSION_CONFLICT, STATUS_LABELS, type Lesson } from '../types';
import { CompleteLessonForm } from './complete-lesson-form';
import { BookingCheck, LessonFields } from './lesson-fields';
import { toLessonUpdate, type LessonFormValues } from './lesson-form-values';
import { useLessonBooking } from './use-lesson-booking';

type Props = {
  lesson: Lesson | null;
  initial: Partial<LessonFormValues>;
  instructors: readonly Instructor[];
  vehicles: readonly Vehicle[];
  timeZone: string;
  onClose: () => void;
  onDone: (message: string) => void;
};

/** Booking or editing; cancelling or marking a no-show (with a reason); completing (its own dialog). */
type Mode = 'edit' | 'complete' | 'cancel' | 'noShow';
type EndMode = 'cancel' | 'noShow';

const END_TEXT: Record<EndMode, { explain: string; confirm: string }> = {
  cancel: { explain: 'Cancelling inside the notice window marks the lesson late-cancelled and charges the late-cancel fee.', confirm: 'Cancel lesson' },
  noShow: { explain: 'The student did not come. The no-show fee is charged and no hours are credited.', confirm: 'Mark no-show' },
};

export function LessonDialog({ lesson, initial, instructors, vehicles, timeZone, onClose, onDone }: Props) {
  const [mode, setMode] = useState<Mode>('edit');
  const [reason, setReason] = useState('');
  const action = useLessonAction();
  const booking = useLessonBooking({ lesson, initial, timeZone, actionError: action.error, resetAction: action.reset });
  const { values, proposal, editable } = booking;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!proposal) return;
    if (!lesson) {
      action.mutate({ kind: 'book', body: proposal }, { onSuccess: () => onDone(`Lesson booked for ${values.studentName}.`) });
    } else {
      action.mutate({ kind: 'update', lessonId: lesson.id, body: toLessonUpdate(lesson, proposal) }, { onSuccess: () => onDone('Lesson updated.') });
    }
  }

  function onEnd(kind: EndMode) {
    if (!lesson) return;
    action.mutate(
      { kind, lessonId: lesson.id, body: { version: lesson.version, reason: reason.trim() || null } },
      {
        onSuccess: (saved) =>
          onDone(kind === 'noShow' ? 'Marked as a no-show.' : saved.status === 'late_cancelled' ? 'Lesson late-cancelled: the late-cancel fee applies.' : 'Lesson cancelled.'),
      },
    );
  }

  if (lesson && mode === 'complete') {
    const vehicle = vehicles.find((item) => item.id === lesson.vehicle_id);
    return (
      <CompleteLessonForm lesson={lesson} vehicle={vehicle} timeZone={timeZone} onBack={() => setMode('edit')} onClose={onClose} onDone={() => onDone('Lesson completed; its hours are on the student’s record.')} />
    );
  }

  const ending = mode === 'cancel' || mode === 'noShow' ? mode : null;
  const conflict = isOdsmError(action.error) && action.error.code === LESSON_VERSION_CONFLICT;
  const footer = ending ? (
    <>
      <Button onClick={() => setMode('edit')}>Back</Button>
      <Button variant="danger" busy={action.isPending} onClick={() => onEnd(ending)} data-testid="confirm-lesson-action">
        {END_TEXT[ending].confirm}
      </Button>
    </>
  ) : (
    <>
      {lesson && editable ? <LessonActions onPick={setMode} /> : null}
      <Button onClick={onClose}>Close</Button>
      {editable ? (
        <Button variant="primary" type="submit" form="lesson-form" busy={action.isPending} disabled={!proposal || booking.conflicts.length > 0 || booking.checking} data-testid="save-lesson">
          {lesson ? 'Save changes' : 'Book lesson'}
        </Button>
      ) : null}
    </>
  );

  return (
    <Dialog title={lesson ? `Lesson · ${lesson.student_name || values.studentName}` : 'Book a lesson'} onClose={onClose} size="large" testId="lesson-dialog" footer={footer}>
      {lesson ? <LessonStatus lesson={lesson} /> : null}
      {values.studentId ? (
        <dl className="booking-account" data-testid="booking-account">
          <AccountFacts studentId={values.studentId} />
        </dl>
      ) : null}
      {conflict ? <Banner tone="warning" title="Someone else changed this lesson. Close this and open it again to see the latest." testId="version-conflict" /> : null}
      {action.error && !booking.refusal && !conflict ? <ErrorBanner error={action.error} title="That did not save." testId="lesson-error" /> : null}
      {ending ? (
        <div className="form-grid">
          <p>{END_TEXT[ending].explain}</p>
          <TextField id="lesson-reason" label="Reason" value={reason} onChange={(event) => setReason(event.target.value)} autoFocus />
        </div>
      ) : (
        <LessonFields booking={booking} studentLocked={lesson !== null} instructors={instructors} vehicles={vehicles} onSubmit={onSubmit} />
      )}
      {mode === 'edit' && editable ? <BookingCheck booking={booking} /> : null}
      {lesson && lesson.status === 'completed' ? (
        <p className="muted small">
          Driven {formatDateTime(lesson.actual_start, timeZone)} – {formatDateTime(lesson.actual_end, timeZone)}, odometer {lesson.odometer_start} → {lesson.odometer_end} km.
          {lesson.skills_covered.length > 0 ? ` Skills: ${lesson.skills_covered.join(', ')}.` : ''}
        </p>
      ) : null}
    </Dialog>
  );
}

/** What a scheduled lesson can become, each opening its own mode. */
function LessonActions({ onPick }: { onPick: (mode: Mode) => void }) {
  return (
    <span className="dialog__footer-start">
      <Button variant="ghost" onClick={() => onPick('complete')} data-testid="complete-lesson">
        Complete…
      </Button>
      <Button variant="ghost" className="btn--ghost-danger" onClick={() => onPick('cancel')} data-testid="cancel-lesson">
        Cancel lesson…
      </Button>
      <Button variant="ghost" className="btn--ghost-danger" onClick={() => onPick('noShow')} data-testid="no-show-lesson">
        No-show…
      </Button>
    </span>
  );
}

function LessonStatus({ lesson }: { lesson: Lesson }) {
  return (
    <p className="lesson-dialog__status">
      <StatusChip tone={lesson.status === 'scheduled' ? 'info' : lesson.status === 'completed' ? 'ok' : 'danger'}>{STATUS_LABELS[lesson.status]}</StatusChip>
      {lesson.fee_cents > 0 ? <span className="muted small"> Fee charged: ${(lesson.fee_cents / 100).toFixed(2)}</span> : null}
    </p>
  );
}
