import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextField } from '../../../components/ui/field';
import { formatDateTime, parseMinuteOfDay, zonedToInstant } from '../../../lib/dates';
import { useAddTimeOff, useRemoveTimeOff } from '../api/save-instructor';
import type { AffectedLesson, Instructor } from '../types';

/** "2026-03-04T09:30" (a wall time in the school's zone, from <input type=datetime-local>) -> an instant. */
export function localInputToInstant(value: string, timeZone: string): string | null {
  const [date, time] = value.split('T');
  const minute = time ? parseMinuteOfDay(time.slice(0, 5)) : null;
  if (!date || minute === null) return null;
  return zonedToInstant(date, minute, timeZone);
}

type Props = { instructor: Instructor; timeZone: string; onChanged: (instructor: Instructor) => void };

export function TimeOffPanel({ instructor, timeZone, onChanged }: Props) {
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [affected, setAffected] = useState<readonly AffectedLesson[]>([]);
  const add = useAddTimeOff();
  const remove = useRemoveTimeOff();

  function onAdd(event: FormEvent) {
    event.preventDefault();
    const start = localInputToInstant(startsAt, timeZone);
    const end = localInputToInstant(endsAt, timeZone);
    if (!start || !end) return setProblem('Enter both a start and an end.');
    if (end <= start) return setProblem('The time off must end after it starts.');
    setProblem(null);
    setAffected([]);
    add.mutate(
      { instructorId: instructor.id, body: { starts_at: start, ends_at: end, reason: reason.trim() || null } },
      {
        onSuccess: (next) => {
          setStartsAt('');
          setEndsAt('');
          setReason('');
          setAffected(next.affected_lessons);
          onChanged(next);
        },
      },
    );
  }

  const entries = [...instructor.time_off].sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  return (
    <div className="time-off" data-testid="time-off-panel">
      {add.error ? <ErrorBanner error={add.error} title="The time off was not added." /> : null}
      {remove.error ? <ErrorBanner error={remove.error} title="The time off was not removed." /> : null}
      <AffectedLessons lessons={affected} timeZone={timeZone} />
      {entries.length === 0 ? <p className="muted">No time off booked.</p> : null}
      {entries.length > 0 ? (
        <DataTable className="data-table--compact" columns={['From', 'To', 'Reason']} withActions>
          {entries.map((entry) => (
            <tr key={entry.id} data-testid="time-off-row">
              <td>{formatDateTime(entry.starts_at, timeZone)}</td>
              <td>{formatDateTime(entry.ends_at, timeZone)}</td>
              <td>{entry.reason || '—'}</td>
              <td className="data-table__actions">
                <Button
                  variant="ghost"
                  className="btn--ghost-danger"
                  busy={remove.isPending && remove.variables?.timeOffId === entry.id}
                  onClick={() => remove.mutate({ instructorId: instructor.id, timeOffId: entry.id }, { onSuccess: onChanged })}
                >
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <form className="time-off__add" onSubmit={onAdd} noValidate>
        <TextField id="time_off_start" label="From" type="datetime-local" value={startsAt} onChange={(event) => setStartsAt(event.target.value)} />
        <TextField id="time_off_end" label="To" type="datetime-local" value={endsAt} onChange={(event) => setEndsAt(event.target.value)} />
        <TextField id="time_off_reason" label="Reason" value={reason} onChange={(event) => setReason(event.target.value)} />
        <Button type="submit" busy={add.isPending} data-testid="add-time-off">
          Add time off
        </Button>
      </form>
      {problem ? (
        <p className="field__error" role="alert">
          {problem}
        </p>
      ) : null}
    </div>
  );
}

/** The time off is saved (the instructor is away either way); the lessons it lands on still need moving. */
function AffectedLessons({ lessons, timeZone }: { lessons: readonly AffectedLesson[]; timeZone: string }) {
  if (lessons.length === 0) return null;
  const title =
    lessons.length === 1
      ? 'Time off added. One booked lesson falls in it: move or cancel it in the calendar.'
      : `Time off added. ${lessons.length} booked lessons fall in it: move or cancel them in the calendar.`;
  return (
    <Banner tone="warning" title={title} testId="time-off-affected">
      <ul>
        {lessons.map((lesson) => (
          <li key={lesson.lesson_id} data-testid="time-off-affected-lesson">
            {lesson.student_name}, {formatDateTime(lesson.starts_at, timeZone)}
          </li>
        ))}
      </ul>
    </Banner>
  );
}
