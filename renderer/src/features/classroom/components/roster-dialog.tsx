import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { dayText, timeRangeText } from '../../../lib/clock-text';
import { isOdsmError } from '../../../lib/odsm';
import { StudentPicker } from '../../students';
import { useClassSessions, useRosterChange } from '../api/classroom';
import type { ClassSession } from '../types';
import { describeRosterRefusal } from './roster-refusal';
import { useBdeEnrollment } from './use-bde-enrollment';
import { useSchoolClock } from '../../settings';

type Props = { session: ClassSession; range: { start: string; end: string }; timeZone: string; onClose: () => void };

/** The students registered for a class ahead of time: add them by name, take them off, up to the class size. */
export function RosterDialog({ session: opened, range, timeZone, onClose }: Props) {
  const { timeFormat } = useSchoolClock();
  // The week's list is kept current by each change; the dialog shows this class from it.
  const sessions = useClassSessions(range);
  const session = sessions.data?.items.find((item) => item.id === opened.id) ?? opened;
  const roster = session.roster ?? [];
  const findBde = useBdeEnrollment();
  const add = useRosterChange(session.id, 'add');
  const remove = useRosterChange(session.id, 'remove');
  const [picks, setPicks] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const error = add.error ?? remove.error;
  const refusal = describeRosterRefusal(error);

  async function onPick(student: { id: number; name: string }) {
    setPicks((count) => count + 1);
    setProblem(null);
    remove.reset();
    const found = await findBde(student);
    if ('problem' in found) return setProblem(found.problem);
    add.mutate(found.enrollmentId);
  }

  return (
    <Dialog
      title={`Roster · ${session.topic}`}
      description={`${dayText(session.starts_at, timeZone)}, ${timeRangeText(session.starts_at, session.ends_at, timeFormat, timeZone)} · ${session.room} · ${roster.length} of ${session.capacity} registered`}
      onClose={onClose}
      size="large"
      testId="roster-dialog"
      footer={<Button onClick={onClose}>Done</Button>}
    >
      {refusal ? (
        <Banner tone="error" title="Not added to the roster." requestId={isOdsmError(error) ? error.requestId : undefined} testId="roster-refusal">
          <p>{refusal}</p>
        </Banner>
      ) : null}
      {error && !refusal ? <ErrorBanner error={error} title="The roster was not changed." testId="roster-error" /> : null}
      {problem ? (
        <p className="field__error" role="alert" data-testid="roster-problem">
          {problem}
        </p>
      ) : null}
      <StudentPicker key={picks} studentName="" locked={false} onPick={(student) => void onPick(student)} />
      <DataTable className="data-table--compact" testId="roster-rows" columns={['Student']} withActions="Take off the roster">
        {roster.length === 0 ? (
          <tr>
            <td colSpan={2} className="muted">
              Nobody is registered yet. Search for a student above to add them.
            </td>
          </tr>
        ) : null}
        {roster.map((member) => (
          <tr key={member.enrollment_id} data-testid="roster-row">
            <td>{member.student_name}</td>
            <td>
              <Button variant="ghost" aria-label={`Remove ${member.student_name} from the roster`} busy={remove.isPending && remove.variables === member.enrollment_id} onClick={() => remove.mutate(member.enrollment_id)}>
                Remove
              </Button>
            </td>
          </tr>
        ))}
      </DataTable>
    </Dialog>
  );
}
