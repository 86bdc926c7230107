import { useState } from 'react';
import { Button } from '../../../../components/ui/button';
import { ErrorBanner } from '../../../../components/ui/error-banner';
import type { TimeFormat } from '../../../../lib/clock-text';
import { useAuditHistory } from '../../../audit';
import type { Enrollment } from '../../../enrollments';
import type { Lesson } from '../../../lessons';
import { historyLine } from '../history-words';

const PAGE = 20;

type Props = { studentId: number; lessons: readonly Lesson[]; enrollments: readonly Enrollment[]; timeFormat: TimeFormat; timeZone: string };

/** Everything that happened to the student's file, newest first, in words with names and dates. */
export function StudentHistoryTab({ studentId, lessons, enrollments, timeFormat, timeZone }: Props) {
  const [limit, setLimit] = useState(PAGE);
  const history = useAuditHistory({ student_id: studentId, offset: 0, limit });
  const names = {
    lessons: new Map(lessons.map((lesson) => [lesson.id, lesson])),
    courses: new Map(enrollments.map((enrollment) => [enrollment.id, enrollment.course_name ?? 'a course'])),
    timeFormat,
    timeZone,
  };
  const data = history.data;
  return (
    <div className="student-tab" data-testid="student-history">
      {history.isError ? <ErrorBanner error={history.error} title="Could not load this student’s history." /> : null}
      {history.isPending ? <p className="muted">Loading history…</p> : null}
      {data && data.items.length === 0 ? <p className="muted">No history yet.</p> : null}
      {data && data.items.length > 0 ? (
        <ol className="history-list">
          {data.items.map((entry) => {
            const line = historyLine(entry, names);
            return (
              <li key={line.id} className="history-list__item" data-testid="history-line">
                <span className="history-list__text">{line.text}</span>
                <span className="muted small">
                  {' '}
                  · {line.when} · by {line.who}
                </span>
                {line.reason ? <p className="muted small">Reason: {line.reason}</p> : null}
              </li>
            );
          })}
        </ol>
      ) : null}
      {data && data.total > data.items.length ? (
        <Button variant="ghost" busy={history.isFetching} onClick={() => setLimit((current) => Math.min(current + PAGE, 200))} disabled={limit >= 200}>
          Show older entries ({data.total - data.items.length} more)
        </Button>
      ) : null}
    </div>
  );
}
