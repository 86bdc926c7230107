import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { Page } from '../../../components/ui/page';
import { QueryStates } from '../../../components/ui/query-states';
import { useDialog, useNotice } from '../../../hooks/use-dialog';
import { addDays, formatWeekdayDate, formatTimeIn, startOfWeek, todayIn, windowRange, zonedParts } from '../../../lib/dates';
import { useInstructors } from '../../instructors';
import { useSchoolClock } from '../../settings';
import { useClassSessions } from '../api/classroom';
import type { ClassSession } from '../types';
import { AttendanceDialog } from './attendance-dialog';
import { NewClassDialog } from './new-class-dialog';

/** The week's classroom sessions, with a new-class dialog and attendance per session. */
export function ClassesPage() {
  const { timeZone } = useSchoolClock();
  const today = todayIn(timeZone);
  const [firstDay, setFirstDay] = useState(() => startOfWeek(today));
  const notice = useNotice('classes-notice', { dismissable: false });
  const creating = useDialog<true>(notice.show);
  const attending = useDialog<ClassSession>(notice.show);
  const range = windowRange({ firstDay, days: 7, timeZone });
  const sessions = useClassSessions(range);
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
          <Button variant="primary" onClick={() => creating.setOpen(true)} data-testid="new-class">
            + New class
          </Button>
        </div>
      }
    >
      {notice.banner}
      <QueryStates query={sessions} isEmpty={items.length === 0} errorTitle="Could not load the classes." loading="Loading…" empty="No classes this week." tone="plain">
        <DataTable testId="class-sessions" columns={['Day', 'Time', 'Topic', 'Room', 'Instructor', 'Attendance']} withActions>
          {items.map((session) => (
            <tr key={session.id} data-testid="class-session" data-session-id={session.id}>
              <td>{formatWeekdayDate(zonedParts(session.starts_at, timeZone).date)}</td>
              <td>
                {formatTimeIn(session.starts_at, timeZone)}–{formatTimeIn(session.ends_at, timeZone)}
              </td>
              <td>{session.topic}</td>
              <td>{session.room}</td>
              <td>{session.instructor_name}</td>
              <td>
                {(session.attendance ?? []).filter((item) => item.minutes > 0).length} / {session.capacity}
              </td>
              <td>
                <Button
                  onClick={() => {
                    notice.clear();
                    attending.setOpen(session);
                  }}
                  data-testid="open-attendance"
                >
                  Attendance…
                </Button>
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
      {attending.open ? <AttendanceDialog session={attending.open} timeZone={timeZone} onClose={attending.close} onDone={attending.done} /> : null}
    </Page>
  );
}
