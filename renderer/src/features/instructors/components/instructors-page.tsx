import { Button } from '../../../components/ui/button';
import { DataTable, RecordNameCell } from '../../../components/ui/data-table';
import { RosterPage } from '../../../components/ui/roster-page';
import { ExpiryChip } from '../../../components/ui/status-chip';
import { useListPageState } from '../../../hooks/use-list-page-state';
import { todayIn } from '../../../lib/dates';
import { formatHours } from '../../../lib/units';
import { useSpreadsheetImport } from '../../imports';
import { useSchoolClock } from '../../settings';
import { useInstructors } from '../api/get-instructors';
import type { Instructor } from '../types';
import { weeklyMinutes } from './availability';
import { instructorCredentials } from './credential-statuses';
import { InstructorForm } from './instructor-form';

type Editing = { instructor: Instructor | null };

export function InstructorsPage() {
  const state = useListPageState<Editing>();
  const { editing } = state;
  const { timeZone, expiryWarningDays } = useSchoolClock();
  const instructors = useInstructors(state.includeInactive ? { include_inactive: true } : {});
  const today = todayIn(timeZone);
  const importing = useSpreadsheetImport('instructors');

  return (
    <RosterPage
      noun="instructor"
      plural="instructors"
      subtitle={`DI licences and checks are amber within ${expiryWarningDays} days of expiry and red once lapsed. A lapsed instructor cannot be booked.`}
      onNew={() => editing.setOpen({ instructor: null })}
      moreActions={importing.button}
      moreNotice={importing.error}
      state={state}
      query={instructors}
      dialogs={
        <>
          {importing.dialog}
          {editing.open ? (
          <InstructorForm
            instructor={editing.open.instructor}
            timeZone={timeZone}
            onClose={editing.close}
            onSaved={(instructor, created) => editing.done(`${instructor.first_name} ${instructor.last_name} was ${created ? 'added' : 'saved'}.`)}
          />
        ) : null}
        </>
      }
    >
      <DataTable testId="instructor-table" columns={['Name', 'Teaches', 'Credentials', 'Availability']} withActions>
        {(instructors.data?.items ?? []).map((instructor) => (
          <tr key={instructor.id} data-testid="instructor-row" data-instructor-id={instructor.id}>
            <RecordNameCell
              name={`${instructor.last_name}, ${instructor.first_name}`}
              onOpen={() => editing.setOpen({ instructor })}
              inactive={instructor.active === false}
              detail={instructor.di_licence_number}
            />
            <td>
              <div className="chip-row">
                {instructor.authorised_in_car ? <span className="badge">In-car</span> : null}
                {instructor.authorised_classroom ? <span className="badge">Classroom</span> : null}
              </div>
            </td>
            <td>
              <div className="chip-row">
                {instructorCredentials(instructor, today, expiryWarningDays).map((credential) => (
                  <ExpiryChip key={credential.key} label={credential.label} status={credential.status} testId={`chip-${credential.key}`} />
                ))}
              </div>
            </td>
            <td>{instructor.availability.length > 0 ? `${formatHours(weeklyMinutes(instructor.availability))} / week` : '—'}</td>
            <td className="data-table__actions">
              <Button variant="ghost" onClick={() => editing.setOpen({ instructor })} aria-label={`Edit ${instructor.first_name} ${instructor.last_name}`}>
                Edit
              </Button>
            </td>
          </tr>
        ))}
      </DataTable>
    </RosterPage>
  );
}
