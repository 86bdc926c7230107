import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextField } from '../../../components/ui/field';
import { UnplacedErrors } from '../../../components/ui/unplaced-errors';
import { dayText, timeRangeText } from '../../../lib/clock-text';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { StudentPicker } from '../../students';
import { useRecordAttendance } from '../api/classroom';
import type { ClassSession } from '../types';
import { describeAttendanceRefusal, formatDuration } from './attendance-refusal';
import { entriesOf, markEveryonePresent, MARK_LABELS, openingRows, withMark, type AttendanceRow, type Mark } from './attendance-rows';
import { describeScheduleRefusal } from './schedule-refusal';
import { useBdeEnrollment } from './use-bde-enrollment';
import { useSchoolClock } from '../../settings';

type Props = { session: ClassSession; timeZone: string; onClose: () => void; onDone: (message: string) => void };

export function sessionMinutes(session: Pick<ClassSession, 'starts_at' | 'ends_at'>): number {
  return Math.round((new Date(session.ends_at).getTime() - new Date(session.starts_at).getTime()) / 60_000);
}

function tally(rows: readonly AttendanceRow[]): string {
  const count = (mark: Mark) => rows.filter((row) => row.mark === mark).length;
  const parts = [`${count('present')} present`, `${count('absent')} absent`, `${count('partial')} late or left early`];
  const unmarked = count('unmarked');
  return `${parts.join(' · ')}${unmarked > 0 ? ` · ${unmarked} to mark` : ''}`;
}

/** The class's attendance, opened with its roster: mark everyone present, then note the exceptions. */
export function AttendanceDialog({ session, timeZone, onClose, onDone }: Props) {
  const { timeFormat } = useSchoolClock();
  const findBde = useBdeEnrollment();
  const save = useRecordAttendance(session.id);
  const length = sessionMinutes(session);
  const [rows, setRows] = useState<AttendanceRow[]>(() => openingRows(session, length));
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

  function change(next: AttendanceRow[]) {
    setRows(next);
    setRowProblem(null);
    save.reset();
  }

  async function onPick(student: { id: number; name: string }) {
    setPicks((count) => count + 1);
    setPickProblem(null);
    setFinding(true);
    const found = await findBde(student);
    setFinding(false);
    if ('problem' in found) return setPickProblem(found.problem);
    if (rows.some((row) => row.enrollmentId === found.enrollmentId)) return setPickProblem(`${student.name} is already on the list.`);
    change([...rows, { enrollmentId: found.enrollmentId, studentName: student.name, mark: 'present', minutes: String(length), onRoster: false }]);
  }

  function onSave() {
    const out = entriesOf(rows, length);
    if ('problem' in out) return setRowProblem(out.problem);
    setRowProblem(null);
    const n = out.entries.length;
    save.mutate({ entries: out.entries, reason: reason.trim() || null }, { onSuccess: () => onDone(`Attendance saved for ${n} student${n === 1 ? '' : 's'}.`) });
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
      description={`${dayText(session.starts_at, timeZone)}, ${timeRangeText(session.starts_at, session.ends_at, timeFormat, timeZone)} · ${session.room} · ${formatDuration(length)}`}
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
      {/* Ctrl+Enter saves from anywhere on the sheet: the desk need not Tab past every row to the footer. */}
      <div
        className="attendance__sheet"
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onSave();
          }
        }}
      >
      <div className="attendance__toolbar">
        <Button variant="primary" autoFocus onClick={() => change(markEveryonePresent(rows, length))} disabled={rows.length === 0} data-testid="mark-all-present">
          Mark everyone present
        </Button>
        <p className="muted small" aria-live="polite" data-testid="attendance-tally">
          {rows.length} on the list · {tally(rows)}
        </p>
      </div>
      <DataTable className="data-table--compact" testId="attendance-rows" keyboard="form" columns={['Student', 'Attendance', 'Minutes present']} withActions="Remove">
        {rows.length === 0 ? (
          <tr>
            <td colSpan={4} className="muted">
              Nobody is registered for this class. Add the students who came below.
            </td>
          </tr>
        ) : null}
        {rows.map((row) => (
          <tr key={row.enrollmentId} data-testid="attendance-row" data-mark={row.mark} className={refusal?.enrollmentId === row.enrollmentId ? 'row--invalid' : undefined}>
            <td>{row.studentName}</td>
            <td>
              <select
                className="field__control"
                aria-label={`Attendance for ${row.studentName}`}
                value={row.mark}
                onChange={(event) => change(rows.map((item) => (item.enrollmentId === row.enrollmentId ? withMark(item, event.target.value as Mark, length) : item)))}
              >
                {row.mark === 'unmarked' ? <option value="unmarked">Not marked</option> : null}
                {Object.entries(MARK_LABELS).map(([mark, label]) => (
                  <option key={mark} value={mark}>
                    {label}
                  </option>
                ))}
              </select>
            </td>
            <td>
              {row.mark === 'partial' ? (
                <input
                  className="field__control attendance__minutes"
                  inputMode="numeric"
                  aria-label={`Minutes present for ${row.studentName}`}
                  aria-invalid={refusal?.enrollmentId === row.enrollmentId || undefined}
                  value={row.minutes}
                  onChange={(event) => change(rows.map((item) => (item.enrollmentId === row.enrollmentId ? { ...item, minutes: event.target.value } : item)))}
                />
              ) : (
                <span className="muted">{row.mark === 'unmarked' ? '—' : `${row.minutes} min`}</span>
              )}
            </td>
            <td>
              {row.onRoster ? null : (
                <Button variant="ghost" onClick={() => change(rows.filter((item) => item.enrollmentId !== row.enrollmentId))}>
                  Remove
                </Button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="muted small">Present counts the whole class ({length} min). For late or left early, enter the minutes present. Ctrl+Enter saves.</p>
      <StudentPicker key={picks} studentName="" locked={false} onPick={(student) => void onPick(student)} />
      {finding ? <p className="muted small">Finding the BDE enrollment…</p> : null}
      {pickProblem ? (
        <p className="field__error" role="alert" data-testid="attendance-pick-problem">
          {pickProblem}
        </p>
      ) : null}
      {ended ? (
        <TextField id="attendance-reason" label="Reason (needed for a past date)" wide maxLength={500} value={reason} hint="Needed when attendance is entered days after the class; kept in the audit log." onChange={(event) => setReason(event.target.value)} />
      ) : null}
      </div>
    </Dialog>
  );
}
