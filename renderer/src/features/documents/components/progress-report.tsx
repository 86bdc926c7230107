import { formatHours } from '../../../lib/units';
import type { ProgressLesson, ProgressReport } from '../types';
import { CATEGORY_LABELS, printedDate, printedTime } from './print-format';

/** For the student or a parent: where the course stands, what was practised, and what comes next. */
export function ProgressReportLayout({ report }: { report: ProgressReport }) {
  const { school } = report;
  const when = (l: ProgressLesson) => `${printedDate(l.starts_at, school)}, ${printedTime(l.starts_at, school)} – ${printedTime(l.ends_at, school)}`;
  return (
    <article className="print-sheet" aria-labelledby="report-title">
      <header className="print-sheet__header">
        <p className="print-sheet__school">{school.name || 'Driving school'}</p>
        <h1 id="report-title">Progress report: {report.student_name}</h1>
        <p className="print-sheet__meta">
          As of {printedDate(report.generated_at, school)}
          {report.licence_class ? ` · licence class ${report.licence_class}` : ''}
        </p>
      </header>

      <section className="print-sheet__section">
        <h2>Hours against the requirement</h2>
        {report.enrollments.length === 0 ? <p>Not enrolled in a course.</p> : null}
        {report.enrollments.map((e) => (
          <table key={e.id} className="print-sheet__table">
            <caption>
              {e.course_name}
              {e.deadline ? ` · to finish by ${e.deadline}` : ''}
              {e.final_mark_percent !== null ? ` · final mark ${e.final_mark_percent}%` : ''}
            </caption>
            <thead>
              <tr>
                {['Category', 'Required', 'Done', 'Still to do'].map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(e.totals ?? []).map((t) => (
                <tr key={t.category}>
                  <td>{CATEGORY_LABELS[t.category] ?? t.category}</td>
                  <td>{formatHours(t.required_minutes)}</td>
                  <td>{formatHours(t.credited_minutes)}</td>
                  <td>{formatHours(t.remaining_minutes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>

      <section className="print-sheet__section">
        <h2>Lessons taken</h2>
        {report.lessons.length === 0 ? <p>No lesson yet.</p> : null}
        {report.lessons.length > 0 ? (
          <table className="print-sheet__table">
            <thead>
              <tr>
                {['When', 'Instructor', 'Skills covered', 'Notes'].map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.lessons.map((l) => (
                <tr key={l.id}>
                  <td>{when(l)}</td>
                  <td>{l.instructor_name}</td>
                  <td>{l.skills_covered.join(', ')}</td>
                  <td>{l.evaluation_notes ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section className="print-sheet__section">
        <h2>Upcoming bookings</h2>
        {report.upcoming.length === 0 ? <p>Nothing booked.</p> : null}
        {report.upcoming.length > 0 ? (
          <table className="print-sheet__table">
            <thead>
              <tr>
                {['When', 'Instructor', 'Car'].map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.upcoming.map((l) => (
                <tr key={l.id}>
                  <td>{when(l)}</td>
                  <td>{l.instructor_name}</td>
                  <td>{l.vehicle_plate}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </article>
  );
}
