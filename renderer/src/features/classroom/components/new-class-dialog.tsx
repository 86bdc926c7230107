import { useState, type FormEvent } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextField } from '../../../components/ui/field';
import { UnplacedErrors } from '../../../components/ui/unplaced-errors';
import { formatDate, parseMinuteOfDay, zonedToInstant } from '../../../lib/dates';
import { fieldErrorsOf } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { InstructorOptions, type Instructor } from '../../instructors';
import { useCreateClassSession } from '../api/classroom';
import { CLASS_SIZE_EXCEEDED, INSTRUCTOR_NOT_AUTHORISED } from '../types';
import { describeScheduleRefusal } from './schedule-refusal';

type Props = { instructors: readonly Instructor[]; date: string; timeZone: string; onClose: () => void; onDone: (message: string) => void };

const FIELDS = ['instructor_id', 'starts_at', 'ends_at', 'room', 'topic', 'capacity', 'notes', 'reason'] as const;

function detailsOf(error: unknown): Record<string, unknown> {
  return isOdsmError(error) && typeof error.details === 'object' && error.details !== null ? (error.details as Record<string, unknown>) : {};
}

/** Why the backend refused the instructor, from the refusal's details. */
function notAuthorisedReason(details: Record<string, unknown>): string {
  const day = typeof details.date === 'string' ? formatDate(details.date) : 'that day';
  if (details.authorised_classroom === false) return `This instructor is not authorised to teach classroom sessions.`;
  if (details.active === false) return 'This instructor is inactive.';
  if (typeof details.di_licence_expiry === 'string') return `The instructor’s DI licence (expires ${formatDate(details.di_licence_expiry)}) is not valid on ${day}.`;
  return `This instructor may not teach classroom sessions on ${day}.`;
}

export function NewClassDialog({ instructors, date: initialDate, timeZone, onClose, onDone }: Props) {
  const create = useCreateClassSession();
  const eligible = instructors.filter((item) => item.authorised_classroom && item.active);
  // Until the desk picks one, the first eligible instructor (the list may still be loading when the dialog opens).
  const [chosenId, setInstructorId] = useState<number | null>(null);
  const instructorId = chosenId !== null && eligible.some((item) => item.id === chosenId) ? chosenId : (eligible[0]?.id ?? null);
  const [date, setDate] = useState(initialDate);
  const [start, setStart] = useState('18:00');
  const [end, setEnd] = useState('20:00');
  const [room, setRoom] = useState('');
  const [topic, setTopic] = useState('');
  const [capacity, setCapacity] = useState('20');
  const [reason, setReason] = useState('');
  const [openedAt] = useState(() => Date.now()); // a render must not read the clock
  const [problems, setProblems] = useState<Partial<Record<(typeof FIELDS)[number] | 'date', string>>>({});
  const fields = fieldErrorsOf(create.error, FIELDS);
  const code = isOdsmError(create.error) ? create.error.code : null;
  const details = detailsOf(create.error);
  const capacityRefusal = code === CLASS_SIZE_EXCEEDED ? `At most ${String(details.limit ?? 'the school maximum')} students per class.` : undefined;
  const error = (field: (typeof FIELDS)[number]) => problems[field] ?? fields.byField[field]?.message;
  const scheduleRefusal = describeScheduleRefusal(create.error);
  // A class entered after the fact needs a reason (kept in the audit log); ask for it only then.
  const startMinute = parseMinuteOfDay(start);
  const inPast = /^\d{4}-\d{2}-\d{2}$/.test(date) && startMinute !== null && new Date(zonedToInstant(date, startMinute, timeZone)).getTime() < openedAt;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const endMinute = parseMinuteOfDay(end);
    const seats = /^\d+$/.test(capacity.trim()) ? Number(capacity.trim()) : null;
    const next: typeof problems = {};
    if (instructorId === null) next.instructor_id = 'Choose an instructor.';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) next.date = 'Choose a date.';
    if (startMinute === null) next.starts_at = 'Enter a start time, e.g. 18:00.';
    if (endMinute === null) next.ends_at = 'Enter an end time, e.g. 20:00.';
    else if (startMinute !== null && endMinute <= startMinute) next.ends_at = 'The class must end after it starts.';
    if (!room.trim()) next.room = 'Enter the room.';
    if (!topic.trim()) next.topic = 'Enter the topic.';
    if (seats === null || seats < 1) next.capacity = 'Enter how many students fit, at least 1.';
    setProblems(next);
    if (Object.keys(next).length > 0 || instructorId === null || startMinute === null || endMinute === null || seats === null) return;
    create.mutate(
      {
        instructor_id: instructorId,
        starts_at: zonedToInstant(date, startMinute, timeZone),
        ends_at: zonedToInstant(date, endMinute, timeZone),
        room: room.trim(),
        topic: topic.trim(),
        capacity: seats,
        reason: inPast ? reason.trim() || null : null,
      },
      { onSuccess: (session) => onDone(`Class “${session.topic}” added.`) },
    );
  }

  const footer = (
    <>
      <Button onClick={onClose}>Close</Button>
      <Button variant="primary" type="submit" form="new-class-form" busy={create.isPending} data-testid="save-class">
        Add class
      </Button>
    </>
  );

  return (
    <Dialog title="New class" onClose={onClose} size="large" testId="new-class-dialog" footer={footer}>
      {code === INSTRUCTOR_NOT_AUTHORISED ? (
        <Banner tone="error" title="That instructor cannot teach this class." requestId={isOdsmError(create.error) ? create.error.requestId : undefined} testId="class-refusal">
          <p>{notAuthorisedReason(details)}</p>
        </Banner>
      ) : null}
      {scheduleRefusal ? (
        <Banner tone="error" title="The class was not added." requestId={isOdsmError(create.error) ? create.error.requestId : undefined} testId="class-schedule-refusal">
          <p>{scheduleRefusal}</p>
        </Banner>
      ) : null}
      <UnplacedErrors problems={fields.unplaced} />
      {create.error && !scheduleRefusal && code !== INSTRUCTOR_NOT_AUTHORISED && code !== CLASS_SIZE_EXCEEDED && Object.keys(fields.byField).length === 0 && fields.unplaced.length === 0 ? (
        <ErrorBanner error={create.error} title="The class was not added." testId="class-error" />
      ) : null}
      <form id="new-class-form" className="form-grid" onSubmit={onSubmit} noValidate>
        <SelectField
          id="class-instructor"
          label="Instructor"
          required
          value={instructorId ?? ''}
          error={error('instructor_id') ?? (code === INSTRUCTOR_NOT_AUTHORISED ? notAuthorisedReason(details) : undefined)}
          hint={eligible.length === 0 ? 'No active instructor is authorised for classroom teaching.' : 'Only instructors authorised for classroom are listed.'}
          onChange={(event) => {
            setInstructorId(event.target.value ? Number(event.target.value) : null);
            create.reset();
          }}
        >
          <option value="">Choose…</option>
          <InstructorOptions instructors={eligible} />
        </SelectField>
        <TextField id="class-date" label="Date" type="date" required value={date} error={problems.date} onChange={(event) => setDate(event.target.value)} />
        <TextField id="class-start" label="Starts" type="time" required value={start} error={error('starts_at')} onChange={(event) => setStart(event.target.value)} />
        <TextField id="class-end" label="Ends" type="time" required value={end} error={error('ends_at')} onChange={(event) => setEnd(event.target.value)} />
        <TextField id="class-room" label="Room" required value={room} error={error('room')} onChange={(event) => setRoom(event.target.value)} />
        <TextField id="class-topic" label="Topic" required value={topic} error={error('topic')} onChange={(event) => setTopic(event.target.value)} />
        <TextField id="class-capacity" label="Capacity" inputMode="numeric" required value={capacity} error={error('capacity') ?? capacityRefusal} onChange={(event) => setCapacity(event.target.value)} />
        {inPast ? (
          <TextField id="class-reason" label="Reason (needed for a past date)" wide maxLength={500} value={reason} error={error('reason')} hint="Kept in the audit log, e.g. “Entered from the paper register”." onChange={(event) => setReason(event.target.value)} />
        ) : null}
      </form>
    </Dialog>
  );
}
