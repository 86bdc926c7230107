import { Button } from '../../../../components/ui/button';
import { DataTable } from '../../../../components/ui/data-table';
import { ErrorBanner } from '../../../../components/ui/error-banner';
import { dayYearText, timeRangeText, type TimeFormat } from '../../../../lib/clock-text';
import { STATUS_LABELS, type Lesson, type useStudentLessons } from '../../../lessons';

type Props = { lessons: ReturnType<typeof useStudentLessons>; timeFormat: TimeFormat; timeZone: string; onBook?: () => void };

/** The student's lessons: those to come, then those over, each with the instructor, the car and the time. */
export function StudentLessonsTab({ lessons, timeFormat, timeZone, onBook }: Props) {
  const data = lessons.data;
  return (
    <div className="student-tab" data-testid="student-lessons">
      {onBook ? (
        <div className="student-tab__actions">
          <Button variant="primary" onClick={onBook}>
            Book lesson
          </Button>
        </div>
      ) : null}
      {lessons.error ? <ErrorBanner error={lessons.error} title="Could not load this student’s lessons." /> : null}
      {lessons.isPending ? <p className="muted">Loading lessons…</p> : null}
      {data ? (
        <>
          <h3 className="student-tab__heading">Upcoming</h3>
          <LessonTable lessons={data.upcoming} empty="No lessons to come." testId="upcoming-lessons" timeFormat={timeFormat} timeZone={timeZone} />
          <h3 className="student-tab__heading">Past</h3>
          <LessonTable lessons={data.past} empty="No lessons yet." testId="past-lessons" timeFormat={timeFormat} timeZone={timeZone} over />
        </>
      ) : null}
    </div>
  );
}

type LessonTableProps = { lessons: readonly Lesson[]; empty: string; testId: string; timeFormat: TimeFormat; timeZone: string; over?: boolean };

/** A lesson that is over but still "scheduled" happened and was never completed: the desk should follow it up. */
function statusOf(lesson: Lesson, over: boolean): { label: string; className: string } {
  if (over && lesson.status === 'scheduled') return { label: 'Not completed', className: 'badge badge--warning' };
  return { label: STATUS_LABELS[lesson.status], className: `badge badge--status-${lesson.status}` };
}

function LessonTable({ lessons, empty, testId, timeFormat, timeZone, over = false }: LessonTableProps) {
  if (lessons.length === 0) return <p className="muted">{empty}</p>;
  return (
    <DataTable testId={testId} columns={['Date', 'Time', 'Instructor', 'Car', 'Status']}>
      {lessons.map((lesson) => (
        <tr key={lesson.id} data-testid="student-lesson-row" data-status={lesson.status}>
          <td>{dayYearText(lesson.starts_at, timeZone)}</td>
          <td>{timeRangeText(lesson.starts_at, lesson.ends_at, timeFormat, timeZone)}</td>
          <td>{lesson.instructor_name}</td>
          <td className="mono">{lesson.vehicle_plate}</td>
          <td>
            <span className={statusOf(lesson, over).className}>{statusOf(lesson, over).label}</span>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
