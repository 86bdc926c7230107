import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextField } from '../../../components/ui/field';
import { UnplacedErrors } from '../../../components/ui/unplaced-errors';
import { formatDateTime, formatTimeIn } from '../../../lib/dates';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { useFetchStudentEnrollments } from '../../enrollments';
import { StudentPicker } from '../../students';
import { useRecordAttendance } from '../api/classroom';
import type { ClassSession } from '../types';
import { describeAttendanceRefusal, formatDuration } from './attendance-refusal';
import { describeScheduleRefusal } from './schedule-refusal';

type Row = { enrollmentId: number; studentName: string; minutes: string };

type Props = { session: ClassSession; timeZone: string; onClose: () => void; onDone: (message: string) => void };

export function sessionMinutes(session: Pick<ClassSession, 'starts_at' | 'ends_at'>): number {
  return Math.round((new Date(session.ends_at).getTime() - new Date(session.starts_at).getTime()) / 60_000);
}

/** Who attended and for how long; minutes default to the whole session. */
export function AttendanceDialog({ session, timeZone, onClose, onDone }: Props) {
  const fetchStudentEnrollments = useFetchStudentEnrollments();
  const save = useRecordAttendance(session.id);
  const length = sessionMinutes(session);
  const [rows, setRows] = useState<Row[]>(() =>
    (session.attendance ?? []).map((item) => ({ enrollmentId: item.enrollment_id, studentName: item.student_name ?? `Student #${item.student_id}`, minutes: String(item.minutes) })),
  );
  const [picks, setPicks] = useState(0);
  const [finding, setFinding] = useState(false);
  const [pickProblem, setPickProblem] = useState<string | null>(null);
  const [rowProblem, setRowProblem] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const refusal = describeAttendanceRefusal(save.error, (id) => rows.find((row) => row.enrollmentId === id)?.studentName);
  const timing = describeScheduleRefusal(save.error);
  // Attendance entered after the school's grace period needs a reason; any past class may ask for one.
  const [openedAt] = useState(() => Date.now()); // a render must not read the clock
  const ended = new Date(session.ends_at).getTime() < openedAt;
  const fields = fieldErrorsOf(save.error, []);

  async function onPick(student: { id: number; name: string }) {
    setPicks((count) => count + 1);
    setPickProblem(null);
    setFinding(true);
    try {
      const enrollments = await fetchStudentEnrollments(student.id);
      const bde = enrollments.items.find((item) => item.course_kind === 'bde' && item.status === 'active');
      if (!bde) return setPickProblem(`${student.name} has no active BDE enrollment. Enrol them from their record first.`);
      if (rows.some((row) => row.enrollmentId === bde.id)) return setPickProblem(`${student.name} is already on the list.`);
      setRows((current) => [...current, { enrollmentId: bde.id, studentName: student.name, minutes: String(length) }]);
      save.reset();
    } catch (error) {
      setPickProblem(error instanceof Error ? error.message : 'Could not load the student’s courses.');
    } finally {
      setFinding(false);
    }
  }

  function onSave() {
    const entries: { enrollment_id: number; minutes: number }[] = [];
    for (const row of rows) {
      const minutes = /^\d+$/.test(row.minutes.trim()) ? Number(row.minutes.trim()) : null;
      if (minutes === null) return setRowProblem(`${row.studentName}: enter whole minutes present (0 = absent).`);
      if (minutes > length) return setRowProblem(`${row.studentName}: at most ${length} minutes, the length of the class.`);
      entries.push({ enrollment_id: row.enrollmentId, minutes });
    }
    if (entries.length === 0) return setRowProblem('Add at least one student.');
    setRowProblem(null);
    save.mutate({ entries, reason: reason.trim() || null }, { onSuccess: () => onDone(`Attendance saved for ${entries.length} student${entries.length === 1 ? '' : 's'}.`) });
  }

  const footer = (
    <>
      <Button onClick={onClose}>Close</Button>
      <Button variant="primary" busy={save.isPending} onClick={onSave} data-testid="save-attendance">
        Save attendance
      </Button>
    </>
  );

  return (
    <Dialog
      title={`Attendance · ${session.topic}`}
      description={`${formatDateTime(session.starts_at, timeZone)}–${formatTimeIn(session.ends_at, timeZone)} · ${session.room} · ${formatDuration(length)}`}
      onClose={onClose}
      size="large"
      testId="attendance-dialog"
      footer={footer}
    >
      {refusal ? (
        <Banner tone="error" title="The attendance was not saved." requestId={isOdsmError(save.error) ? save.error.requestId : undefined} testId="attendance-refusal">
          <p>{refusal.message}</p>
        </Banner>
      ) : null}
      <UnplacedErrors problems={fields.unplaced} />
      {timing ? (
        <Banner tone="error" title="The attendance was not saved." requestId={isOdsmError(save.error) ? save.error.requestId : undefined} testId="attendance-timing-refusal">
          <p>{timing}</p>
        </Banner>
      ) : null}
      {save.error && !refusal && !timing && fields.unplaced.length === 0 ? <ErrorBanner error={save.error} title="The attendance was not saved." testId="attendance-error" /> : null}
      {rowProblem ? <Banner tone="error" title={rowProblem} testId="attendance-problem" /> : null}
      <StudentPicker key={picks} studentName="" locked={false} onPick={(student) => void onPick(student)} />
      {finding ? <p className="muted small">Finding the BDE enrollment…</p> : null}
      {pickProblem ? (
        <p className="field__error" role="alert" data-testid="attendance-pick-problem">
          {pickProblem}
        </p>
      ) : null}
      <DataTable className="data-table--compact" testId="attendance-rows" columns={['Student', 'Minutes present']} withActions="Remove">
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3} className="muted">
              No students yet. Search for a student above to add them.
            </td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr key={row.enrollmentId} data-testid="attendance-row" className={refusal?.enrollmentId === row.enrollmentId ? 'row--invalid' : undefined}>
            <td>{row.studentName}</td>
            <td>
              <input
                className="field__control"
                inputMode="numeric"
                aria-label={`Minutes present for ${row.studentName}`}
                aria-invalid={refusal?.enrollmentId === row.enrollmentId || undefined}
                value={row.minutes}
                onChange={(event) => {
                  const value = event.target.value;
                  setRows((current) => current.map((item) => (item.enrollmentId === row.enrollmentId ? { ...item, minutes: value } : item)));
                  save.reset();
                }}
              />
            </td>
            <td>
              <Button variant="ghost" onClick={() => setRows((current) => current.filter((item) => item.enrollmentId !== row.enrollmentId))}>
                Remove
              </Button>
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="muted small">Minutes present default to the whole class ({length} min); enter 0 for absent.</p>
      {ended ? (
        <TextField id="attendance-reason" label="Reason (needed for a past date)" wide maxLength={500} value={reason} hint="Needed when attendance is entered days after the class; kept in the audit log." onChange={(event) => setReason(event.target.value)} />
      ) : null}
    </Dialog>
  );
}
