import { Banner } from '../../../../components/ui/banner';
import { Button } from '../../../../components/ui/button';
import { AccountFacts } from '../../../billing';
import { dayText, timeRangeText, type TimeFormat } from '../../../../lib/clock-text';
import type { Lesson } from '../../../lessons';
import { useMay } from '../../../sign-in';
import { age } from '../student-age';
import type { Student } from '../../types';

type Props = {
  student: Student;
  today: string;
  next: Lesson | null | undefined;
  nextLoading: boolean;
  timeFormat: TimeFormat;
  timeZone: string;
  onBook?: () => void;
};

/** What the desk asks first: who, which licence, how to reach them, what's missing, and the next lesson. */
export function StudentHeader({ student, today, next, nextLoading, timeFormat, timeZone, onBook }: Props) {
  const years = age(student.date_of_birth, today);
  const warnings = student.warnings ?? [];
  const mayBill = useMay('billing');
  return (
    <div className="student-header" data-testid="student-header">
      <dl className="student-header__facts">
        <div>
          <dt>Licence</dt>
          <dd data-testid="student-licence">
            {student.licence_class ? <span className="badge">{student.licence_class}</span> : 'Not yet licensed'}
            {student.licence_number_display ? <span className="mono small"> {student.licence_number_display}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Age</dt>
          <dd>{years === null ? '—' : `${years} years old`}</dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{student.phone || '—'}</dd>
        </div>
        <div>
          <dt>Guardian</dt>
          <dd>{student.guardian_name ? `${student.guardian_name}${student.guardian_phone ? `, ${student.guardian_phone}` : ''}` : '—'}</dd>
        </div>
        {mayBill ? <AccountFacts studentId={student.id} /> : null}
      </dl>
      <section className="next-lesson" aria-labelledby="next-lesson-title" data-testid="next-lesson">
        <h2 id="next-lesson-title" className="next-lesson__title">
          Next lesson
        </h2>
        {nextLoading ? <p className="muted">Loading…</p> : null}
        {!nextLoading && next ? (
          <p className="next-lesson__when" data-testid="next-lesson-text">
            <strong>
              {dayText(next.starts_at, timeZone)}, {timeRangeText(next.starts_at, next.ends_at, timeFormat, timeZone)}
            </strong>
            <span>
              {' '}
              with {next.instructor_name} in {next.vehicle_plate}
            </span>
          </p>
        ) : null}
        {!nextLoading && !next ? (
          <p className="next-lesson__when" data-testid="next-lesson-text">
            No lesson booked.
          </p>
        ) : null}
        {onBook ? (
          <Button variant="primary" onClick={onBook} data-testid="book-for-student">
            Book lesson
          </Button>
        ) : null}
      </section>
      {!student.consent_at || warnings.length > 0 ? (
        <Banner tone="warning" title="To check" testId="student-warnings">
          <ul className="warning-list">
            {!student.consent_at ? <li data-code="student.no_consent">No consent on file to share the course record with MTO, IBC and the inspector.</li> : null}
            {warnings.map((warning) => (
              <li key={warning.code} data-code={warning.code}>
                {warning.message}
              </li>
            ))}
          </ul>
        </Banner>
      ) : null}
    </div>
  );
}
