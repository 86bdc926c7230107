import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextField } from '../../../components/ui/field';
import { formatDate, formatMinuteOfDay, zonedParts, zonedToInstant } from '../../../lib/dates';
import { formatMoney } from '../../../lib/units';
import { InstructorOptions, useInstructors } from '../../instructors';
import { LessonDialog, type LessonFormValues } from '../../lessons';
import { useSchoolClock } from '../../settings';
import { useVehicles } from '../../vehicles';
import { useBookRoadTest, useCentres, useEligibility, type RoadTest, type RoadTestBooking } from '../api/road-tests';
import { RoadTestList } from './road-test-list';

type RoadTestDialogProps = {
  student: { id: number; first_name: string; last_name: string };
  onClose: () => void;
};

/** Books a G2 or G road test for one student: says when the student may take each test and why, then
 * takes the centre, the day and time, and whether the school car (and an instructor) go too. The
 * student's tests are listed too, a booked one with its result or its cancellation. */
export function RoadTestDialog({ student, onClose }: RoadTestDialogProps) {
  const name = `${student.first_name} ${student.last_name}`;
  const eligibility = useEligibility(student.id);
  const centres = useCentres();
  const vehicles = useVehicles({ include_inactive: false });
  const instructors = useInstructors({ include_inactive: false });
  const book = useBookRoadTest();
  const tests = eligibility.data?.tests ?? [];
  const open = tests.find((t) => t.code !== 'road_test.already_holds_class');
  const [licenceClass, setLicenceClass] = useState<'G2' | 'G' | ''>('');
  const chosen = licenceClass || open?.licence_class || 'G2';
  const [centreId, setCentreId] = useState('');
  const [day, setDay] = useState('');
  const [time, setTime] = useState('10:00');
  const [vehicleId, setVehicleId] = useState('');
  const [instructorId, setInstructorId] = useState('');
  const booked = book.data;
  const { timeZone } = useSchoolClock();
  const [warmUp, setWarmUp] = useState(false);
  const [warmUpBooked, setWarmUpBooked] = useState<string | null>(null);

  function submit() {
    const [hours, minutes] = time.split(':').map(Number);
    const body: RoadTestBooking = {
      student_id: student.id,
      centre_id: Number(centreId || centres.data?.items[0]?.id),
      licence_class: chosen,
      starts_at: zonedToInstant(day, (hours ?? 0) * 60 + (minutes ?? 0)),
      ...(vehicleId ? { vehicle_id: Number(vehicleId) } : {}),
      ...(instructorId ? { instructor_id: Number(instructorId) } : {}),
    };
    book.mutate(body);
  }

  if (warmUp && booked) {
    // The lesson dialog in place of this one (never two dialogs stacked), with the test's car and instructor.
    return (
      <LessonDialog
        lesson={null}
        initial={warmUpValues(booked, name, timeZone)}
        instructors={instructors.data?.items ?? []}
        vehicles={vehicles.data?.items ?? []}
        timeZone={timeZone}
        onClose={() => setWarmUp(false)}
        onDone={(message) => {
          setWarmUp(false);
          setWarmUpBooked(message);
        }}
      />
    );
  }

  return (
    <Dialog
      title={`Road test for ${name}`}
      onClose={onClose}
      size="large"
      testId="road-test-dialog"
      footer={
        <>
          {booked || day ? null : (
            <span className="muted small" data-testid="road-test-needs-day">
              Choose the day of the test to book it.
            </span>
          )}
          <Button onClick={onClose}>{booked ? 'Close' : 'Cancel'}</Button>
          {booked ? null : (
            <Button variant="primary" busy={book.isPending} disabled={!day} onClick={submit} data-testid="book-road-test">
              Book road test
            </Button>
          )}
        </>
      }
    >
      <section aria-label="Eligibility" data-testid="road-test-eligibility">
        {tests.map((t) => (
          <div key={t.licence_class} data-testid={`eligibility-${t.licence_class}`} data-code={t.code ?? ''}>
            <h3>
              {t.licence_class} test:{' '}
              {t.eligible_from ? `from ${formatDate(t.eligible_from)}` : t.code === 'road_test.already_holds_class' ? 'licence held' : 'not yet possible'}
            </h3>
            <ul>
              {t.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        ))}
      </section>
      <RoadTestList studentId={student.id} />
      {booked ? (
        <p data-testid="road-test-booked">
          Booked: {booked.licence_class} test at {booked.centre_name}
          {booked.vehicle_plate ? `, with the school car ${booked.vehicle_plate} (${formatMoney(booked.rental_cents ?? 0)} charged)` : ''}.
        </p>
      ) : null}
      {booked && booked.vehicle_id !== null && booked.instructor_id !== null ? (
        warmUpBooked ? (
          <p data-testid="warm-up-booked">Warm-up: {warmUpBooked}</p>
        ) : (
          <p>
            <Button onClick={() => setWarmUp(true)} data-testid="book-warm-up">
              Book a warm-up lesson before the test…
            </Button>{' '}
            <span className="muted small">In the same car with the same instructor, ending when the car leaves for the test.</span>
          </p>
        )
      ) : null}
      {booked ? null : (
        <div className="form-grid">
          <SelectField id="road-test-class" label="Test" value={chosen} onChange={(e) => setLicenceClass(e.target.value as 'G2' | 'G')}>
            <option value="G2">G2</option>
            <option value="G">G</option>
          </SelectField>
          <SelectField id="road-test-centre" label="DriveTest centre" value={centreId} onChange={(e) => setCentreId(e.target.value)}>
            {(centres.data?.items ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField id="road-test-day" label="Day" type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
          <TextField id="road-test-time" label="Time" type="time" required value={time} onChange={(e) => setTime(e.target.value)} />
          <SelectField id="road-test-car" label="School car" value={vehicleId} onChange={(e) => setVehicleId(e.target.value)}>
            <option value="">The student brings a car</option>
            {(vehicles.data?.items ?? []).map((v) => (
              <option key={v.id} value={v.id}>
                {v.plate} ({v.make} {v.model})
              </option>
            ))}
          </SelectField>
          <SelectField id="road-test-instructor" label="Instructor going along" value={instructorId} onChange={(e) => setInstructorId(e.target.value)}>
            <option value="">None</option>
            <InstructorOptions instructors={instructors.data?.items ?? []} />
          </SelectField>
        </div>
      )}
      {book.error ? <ErrorBanner error={book.error} testId="road-test-error" /> : null}
    </Dialog>
  );
}

/** A warm-up lesson of an hour that ends when the test holds the car and the instructor (its buffer before). */
const WARM_UP_MINUTES = 60;

function warmUpValues(test: RoadTest, studentName: string, timeZone: string): Partial<LessonFormValues> {
  const held = zonedParts(test.blocked_from, timeZone);
  return {
    studentId: test.student_id,
    studentName,
    instructorId: test.instructor_id,
    vehicleId: test.vehicle_id,
    date: held.date,
    startTime: formatMinuteOfDay(Math.max(0, held.minute - WARM_UP_MINUTES)),
    durationMinutes: WARM_UP_MINUTES,
  };
}
