import { DataTable } from '../../../../components/ui/data-table';
import { formatDate } from '../../../../lib/dates';
import { formatHours } from '../../../../lib/units';
import { useEnrollment, type Enrollment } from '../../../enrollments';

/** The classroom hours each course credited the student with, class by class. */
export function StudentClassesTab({ enrollments }: { enrollments: readonly Enrollment[] | undefined }) {
  if (!enrollments) return <p className="muted">Loading…</p>;
  if (enrollments.length === 0) return <p className="muted" data-testid="student-classes">Not enrolled in a course, so no classes yet.</p>;
  return (
    <div className="student-tab" data-testid="student-classes">
      {enrollments.map((enrollment) => (
        <CourseClasses key={enrollment.id} enrollment={enrollment} />
      ))}
    </div>
  );
}

function CourseClasses({ enrollment }: { enrollment: Enrollment }) {
  const detail = useEnrollment(enrollment.id);
  const classes = (detail.data?.ledger ?? []).filter((entry) => entry.category === 'classroom');
  const total = enrollment.totals?.find((item) => item.category === 'classroom');
  return (
    <section>
      <h3 className="student-tab__heading">
        {enrollment.course_name || 'Course'}
        {total ? <span className="muted small"> · {formatHours(total.credited_minutes)} of {formatHours(total.required_minutes)} classroom</span> : null}
      </h3>
      {detail.isPending ? <p className="muted">Loading…</p> : null}
      {detail.data && classes.length === 0 ? <p className="muted">No classes attended yet.</p> : null}
      {classes.length > 0 ? (
        <DataTable columns={['Date', 'Hours', 'Note']}>
          {classes.map((entry) => (
            <tr key={entry.id}>
              <td>{formatDate(entry.occurred_on)}</td>
              <td>{formatHours(entry.minutes)}</td>
              <td>{entry.source === 'correction' ? `Correction: ${entry.reason ?? ''}` : (entry.reason ?? '—')}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
