import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { Page } from '../../../components/ui/page';
import { QueryStates } from '../../../components/ui/query-states';
import { useDialog, useNotice } from '../../../hooks/use-dialog';
import { timeRangeText } from '../../../lib/clock-text';
import { addDays, formatWeekdayDate, startOfWeek, todayIn, windowRange, zonedParts } from '../../../lib/dates';
import { useInstructors } from '../../instructors';
import { useSchoolClock } from '../../settings';
import { useMay, useOwnInstructorId } from '../../sign-in';
import { useClassSessions } from '../api/classroom';
import type { ClassSession } from '../types';
import { AttendanceDialog } from './attendance-dialog';
import { NewClassDialog } from './new-class-dialog';
import { RosterDialog } from './roster-dialog';

/** The clock, read once a minute: a class that begins while the page is open offers its attendance. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** The week's classroom sessions, with a new-class dialog and attendance per session. */
export function ClassesPage() {
  const { timeZone, timeFormat } = useSchoolClock();
  const today = todayIn(timeZone);
  const [firstDay, setFirstDay] = useState(() => startOfWeek(today));
  const notice = useNotice('classes-notice', { dismissable: false });
  const creating = useDialog<true>(notice.show);
  const attending = useDialog<ClassSession>(notice.show);
  const registering = useDialog<ClassSession>(notice.show);
  const now = useMinuteClock();
  const range = windowRange({ firstDay, days: 7, timeZone });
  // An instructor's account sees their own classes; booking and rosters are the desk's.
  const own = useOwnInstructorId();
  const mayBook = useMay('book');
  const sessions = useClassSessions(own === null ? range : { ...range, instructor_id: own });
  const instructors = useInstructors();
  const items = [...(sessions.data?.items ?? [])].sort((a, b) => a.starts_at.localeCompare(b.starts_at));

  return (
    <Page
      id="classes"
      title="Classes"
      subtitle={`Week of ${formatWeekdayDate(firstDay)} · times in ${timeZone}`}
      subtitleTestId="classes-range"
      actions={
        <div className="page__actions">
          <Button onClick={() => setFirstDay(addDays(firstDay, -7))} aria-label="Previous week">
            ‹
          </Button>
          <Button onClick={() => setFirstDay(startOfWeek(today))}>This week</Button>
          <Button onClick={() => setFirstDay(addDays(firstDay, 7))} aria-label="Next week">
            ›
          </Button>
          {mayBook ? (
            <Button variant="primary" onClick={() => creating.setOpen(true)} data-testid="new-class">
              + New class
            </Button>
          ) : null}
        </div>
      }
    >
      {notice.banner}
      <QueryStates query={sessions} isEmpty={items.length === 0} errorTitle="Could not load the classes." loading="Loading…" empty="No classes this week." tone="plain">
        <DataTable testId="class-sessions" columns={['Day', 'Time', 'Topic', 'Room', 'Instructor', 'Registered', 'Present']} withActions>
          {items.map((session) => (
            <tr key={session.id} data-testid="class-session" data-session-id={session.id}>
              <td>{formatWeekdayDate(zonedParts(session.starts_at, timeZone).date)}</td>
              <td>
                {timeRangeText(session.starts_at, session.ends_at, timeFormat, timeZone)}
              </td>
              <td>{session.topic}</td>
              <td>{session.room}</td>
              <td>{session.instructor_name}</td>
              <td data-testid="class-registered">
                {(session.roster ?? []).length} / {session.capacity}
              </td>
              <td>{new Date(session.starts_at).getTime() <= now ? (session.attendance ?? []).filter((item) => item.minutes > 0).length : '—'}</td>
              <td className="data-table__actions">
                {mayBook ? (
                  <Button
                    onClick={() => {
                      notice.clear();
                      registering.setOpen(session);
                    }}
                    aria-label={`Roster of ${session.topic}`}
                    data-testid="open-roster"
                  >
                    Roster…
                  </Button>
                ) : null}{' '}
                {new Date(session.starts_at).getTime() <= now ? (
                  <Button
                    onClick={() => {
                      notice.clear();
                      attending.setOpen(session);
                    }}
                    aria-label={`Attendance of ${session.topic}`}
                    data-testid="open-attendance"
                  >
                    Attendance…
                  </Button>
                ) : (
                  <span className="muted small" data-testid="attendance-not-yet">
                    Attendance opens when the class begins
                  </span>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </QueryStates>
      {creating.open ? (
        <NewClassDialog
          instructors={instructors.data?.items ?? []}
          date={firstDay <= today && today < addDays(firstDay, 7) ? today : firstDay}
          timeZone={timeZone}
          onClose={creating.close}
          onDone={creating.done}
        />
      ) : null}
      {registering.open ? <RosterDialog session={registering.open} range={range} timeZone={timeZone} onClose={registering.close} /> : null}
      {attending.open ? <AttendanceDialog session={attending.open} timeZone={timeZone} onClose={attending.close} onDone={attending.done} /> : null}
    </Page>
  );
}
