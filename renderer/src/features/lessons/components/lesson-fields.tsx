import type { FormEvent } from 'react';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextField } from '../../../components/ui/field';
import { InstructorOptions, type Instructor } from '../../instructors';
import { StudentPicker } from '../../students';
import type { Vehicle } from '../../vehicles';
import { OUTSIDE_AVAILABILITY } from '../types';
import { BookingWarnings } from './booking-warnings';
import { ConflictList } from './conflict-list';
import { DURATIONS } from './lesson-form-values';
import { SlotProposals } from './slot-proposals';
import type { LessonBooking } from './use-lesson-booking';

type LessonFieldsProps = {
  booking: LessonBooking;
  /** An existing lesson keeps its student. */
  studentLocked: boolean;
  instructors: readonly Instructor[];
  vehicles: readonly Vehicle[];
  onSubmit: (event: FormEvent) => void;
};

/** Who, when and where: the booking form of the lesson dialog. */
export function LessonFields({ booking, studentLocked, instructors, vehicles, onSubmit }: LessonFieldsProps) {
  const { values, set, enrollmentId, editable } = booking;
  return (
    <form id="lesson-form" className="form-grid" onSubmit={onSubmit} noValidate>
      <fieldset className="form-grid__section" disabled={!editable}>
        <legend>Who</legend>
        <StudentPicker studentName={values.studentName} locked={studentLocked} onPick={booking.pickStudent} />
        <SelectField
          id="lesson-enrollment"
          label="Counts toward"
          value={enrollmentId === null ? '' : String(enrollmentId)}
          onChange={(event) => booking.pickEnrollment(event.target.value ? Number(event.target.value) : null)}
        >
          <option value="">No course (extra lesson)</option>
          {booking.enrollments
            .filter((item) => item.status === 'active' || item.id === enrollmentId)
            .map((item) => (
              <option key={item.id} value={item.id}>
                {item.course_name || `Course #${item.course_id}`}
              </option>
            ))}
        </SelectField>
        <SelectField id="lesson-instructor" label="Instructor" required value={values.instructorId ?? ''} onChange={(event) => set('instructorId', event.target.value ? Number(event.target.value) : null)}>
          <option value="">Choose…</option>
          <InstructorOptions instructors={instructors} />
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
        {booking.inPast ? (
          <TextField id="lesson-backdate-reason" label="Reason (needed for a past date)" wide maxLength={500} value={values.reason} hint="Kept in the audit log, e.g. “Booked by phone, entered late”." onChange={(event) => set('reason', event.target.value)} />
        ) : null}
        {/* Offered once the hours refuse, and kept while a reason is typed (which clears the refusal). */}
        {booking.conflicts.some((conflict) => conflict.code === OUTSIDE_AVAILABILITY) || values.overrideReason !== '' ? (
          <TextField
            id="lesson-override-reason"
            label="Reason to book outside the instructor’s hours"
            wide
            value={values.overrideReason}
            onChange={(event) => set('overrideReason', event.target.value)}
          />
        ) : null}
      </fieldset>
    </form>
  );
}

/** The dry run's verdict under the form: the rules broken, all clear, or still checking. */
export function BookingCheck({ booking }: { booking: LessonBooking }) {
  const { conflicts, proposal, checking, check } = booking;
  return (
    <div className="lesson-dialog__check" aria-live="polite">
      {conflicts.length > 0 ? <ConflictList conflicts={conflicts} /> : null}
      {proposal && !checking ? <BookingWarnings warnings={check.data?.warnings ?? []} /> : null}
      {conflicts.length > 0 && !checking ? <SlotProposals proposals={booking.proposals} onTake={booking.takeProposal} /> : null}
      {conflicts.length === 0 && proposal && !checking && check.data?.ok ? (
        <p className="check-ok" data-testid="lesson-check-ok">
          ✓ No conflicts: the instructor, vehicle and student are free, and every rule is met.
        </p>
      ) : null}
      {checking ? <p className="muted small">Checking the rules…</p> : null}
      {!proposal ? <p className="muted small">Choose a student, instructor, vehicle, date and time to check the booking.</p> : null}
      {check.error ? <ErrorBanner error={check.error} title="Could not check the booking." /> : null}
    </div>
  );
}
