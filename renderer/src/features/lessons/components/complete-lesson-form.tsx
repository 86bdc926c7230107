import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { TextAreaField, TextField } from '../../../components/ui/field';
import { formatMinuteOfDay, parseMinuteOfDay, zonedParts, zonedToInstant } from '../../../lib/dates';
import type { Vehicle } from '../../vehicles';
import { useLessonAction } from '../api/lessons';
import type { Lesson } from '../types';

type Props = { lesson: Lesson; vehicle: Vehicle | undefined; timeZone: string; onBack: () => void; onClose: () => void; onDone: () => void };

/** Records what happened: actual times, odometer at both ends, skills and notes. Credits the in-car hours. */
export function CompleteLessonForm({ lesson, vehicle, timeZone, onBack, onClose, onDone }: Props) {
  const start = zonedParts(lesson.starts_at, timeZone);
  const end = zonedParts(lesson.ends_at, timeZone);
  const lastKm = vehicle?.last_odometer_km ?? null;
  const [actualStart, setActualStart] = useState(formatMinuteOfDay(start.minute));
  const [actualEnd, setActualEnd] = useState(formatMinuteOfDay(end.minute));
  const [odometerStart, setOdometerStart] = useState(lastKm === null ? '' : String(lastKm));
  const [odometerEnd, setOdometerEnd] = useState('');
  const [skills, setSkills] = useState('');
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const action = useLessonAction();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const from = parseMinuteOfDay(actualStart);
    const to = parseMinuteOfDay(actualEnd);
    const kmStart = Number(odometerStart);
    const kmEnd = Number(odometerEnd);
    if (from === null || to === null || to <= from) return setProblem('Enter the actual start and end; the end must be after the start.');
    if (!/^\d+$/.test(odometerStart) || !/^\d+$/.test(odometerEnd) || kmEnd < kmStart) return setProblem('Enter both odometer readings in km; the end cannot be lower than the start.');
    setProblem(null);
    action.mutate(
      {
        kind: 'complete',
        lessonId: lesson.id,
        body: {
          version: lesson.version,
          actual_start: zonedToInstant(start.date, from, timeZone),
          actual_end: zonedToInstant(start.date, to, timeZone),
          odometer_start: kmStart,
          odometer_end: kmEnd,
          skills_covered: skills.split(',').map((skill) => skill.trim()).filter(Boolean),
          evaluation_notes: notes.trim() || null,
          reason: reason.trim() || null,
        },
      },
      { onSuccess: onDone },
    );
  }

  return (
    <Dialog
      title={`Complete lesson · ${lesson.student_name}`}
      onClose={onClose}
      size="large"
      testId="complete-lesson-dialog"
      footer={
        <>
          <Button onClick={onBack}>Back</Button>
          <Button variant="primary" type="submit" form="complete-lesson-form" busy={action.isPending} data-testid="confirm-complete">
            Complete lesson
          </Button>
        </>
      }
    >
      {action.error ? <ErrorBanner error={action.error} title="The lesson was not completed." testId="complete-error" /> : null}
      <form id="complete-lesson-form" className="form-grid" onSubmit={onSubmit} noValidate>
        <fieldset className="form-grid__section">
          <legend>Actual times ({start.date})</legend>
          <TextField id="actual-start" label="Started" type="time" value={actualStart} onChange={(event) => setActualStart(event.target.value)} />
          <TextField id="actual-end" label="Ended" type="time" value={actualEnd} onChange={(event) => setActualEnd(event.target.value)} />
        </fieldset>
        <fieldset className="form-grid__section">
          <legend>Odometer ({lesson.vehicle_plate})</legend>
          <TextField id="odometer-start" label="At start (km)" inputMode="numeric" value={odometerStart} onChange={(event) => setOdometerStart(event.target.value)} hint={lastKm === null ? undefined : `Last reading: ${lastKm.toLocaleString('en-CA')} km`} />
          <TextField id="odometer-end" label="At end (km)" inputMode="numeric" value={odometerEnd} onChange={(event) => setOdometerEnd(event.target.value)} />
        </fieldset>
        <fieldset className="form-grid__section">
          <legend>Evaluation</legend>
          <TextField id="skills" label="Skills covered" wide placeholder="e.g. Parallel parking, Highway merging" hint="Separate skills with commas." value={skills} onChange={(event) => setSkills(event.target.value)} />
          <TextAreaField id="evaluation-notes" label="Notes" rows={3} wide value={notes} onChange={(event) => setNotes(event.target.value)} />
          <TextField id="complete-reason" label="Reason (needed for a past date)" wide maxLength={500} hint="Needed when the lesson is completed days after it ended; kept in the audit log." value={reason} onChange={(event) => setReason(event.target.value)} />
        </fieldset>
        {problem ? (
          <p className="field__error" role="alert">
            {problem}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
