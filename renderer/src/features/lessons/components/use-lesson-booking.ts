import { useState } from 'react';
import { useDebouncedValue } from '../../../hooks/use-debounced-value';
import { formatMinuteOfDay, parseMinuteOfDay, zonedParts, zonedToInstant } from '../../../lib/dates';
import { isOdsmError } from '../../../lib/odsm';
import { useStudentEnrollments } from '../../enrollments';
import { useLessonCheck } from '../api/lessons';
import { LESSON_VERSION_CONFLICT, type Conflict, type Lesson, type SlotProposal } from '../types';
import { lessonToValues, toProposal, type LessonFormValues } from './lesson-form-values';

function emptyValues(initial: Partial<LessonFormValues>): LessonFormValues {
  return { studentId: null, studentName: '', enrollmentId: null, instructorId: null, vehicleId: null, date: '', startTime: '09:00', durationMinutes: 60, pickupLocation: '', reason: '', overrideReason: '', ...initial };
}

/** A rule refusal from book/update as a conflict, so it shows in the same list as the dry run's. */
function refusalAsConflict(error: unknown): Conflict | null {
  if (!isOdsmError(error) || !error.code.startsWith('lesson.') || error.code === LESSON_VERSION_CONFLICT) return null;
  return { code: error.code, message: error.message, details: (error.details as Record<string, unknown> | undefined) ?? null };
}

type BookingOptions = {
  lesson: Lesson | null;
  initial: Partial<LessonFormValues>;
  timeZone: string;
  /** The last lesson write's error, and how to clear it when a field changes. */
  actionError: unknown;
  resetAction: () => void;
};

/**
 * The booking form's state: its values, the course the lesson counts toward, and the booking rules'
 * dry run on the proposal, rerun as the desk edits and debounced so typing does not flood the backend.
 */
export function useLessonBooking({ lesson, initial, timeZone, actionError, resetAction }: BookingOptions) {
  const [values, setValues] = useState<LessonFormValues>(() => (lesson ? lessonToValues(lesson, timeZone) : emptyValues(initial)));
  // "In the past" against the time the form opened: a render must not read the clock.
  const [openedAt] = useState(() => Date.now());
  const [enrollmentTouched, setEnrollmentTouched] = useState(lesson !== null);
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
  const refusal = refusalAsConflict(actionError);
  const conflicts = refusal ? [refusal] : (check.data?.conflicts ?? []);
  // A refused dry run offers free slots for the same student and length (every rule passes there).
  const proposals: readonly SlotProposal[] = refusal ? [] : (check.data?.proposals ?? []);
  // A new lesson starting in the past is back-dated: the form asks why (a move sends no reason). It asks as
  // soon as the date and time are in the past, before the rest of the form is filled in.
  const startMinute = parseMinuteOfDay(values.startTime);
  const inPast =
    lesson === null && values.date !== '' && startMinute !== null && new Date(zonedToInstant(values.date, startMinute, timeZone)).getTime() < openedAt;
  const checking = proposal !== null && (check.isFetching || settledKey !== proposalKey);

  const set = <K extends keyof LessonFormValues>(key: K, value: LessonFormValues[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    resetAction();
  };

  function pickStudent(student: { id: number; name: string }) {
    setValues((current) => ({ ...current, studentId: student.id, studentName: student.name, enrollmentId: null }));
    setEnrollmentTouched(false);
  }

  /** A free slot taken into the form: its instructor, vehicle, day and start (the length stays). */
  function takeProposal(slot: SlotProposal) {
    const start = zonedParts(slot.starts_at, timeZone);
    setValues((current) => ({ ...current, instructorId: slot.instructor_id, vehicleId: slot.vehicle_id, date: start.date, startTime: formatMinuteOfDay(start.minute) }));
    resetAction();
  }

  function pickEnrollment(id: number | null) {
    setEnrollmentTouched(true);
    set('enrollmentId', id);
  }

  return { values, set, pickStudent, pickEnrollment, takeProposal, proposals, enrollmentId, enrollments: enrollments.data?.items ?? [], editable, proposal, check, refusal, conflicts, checking, inPast };
}

export type LessonBooking = ReturnType<typeof useLessonBooking>;
