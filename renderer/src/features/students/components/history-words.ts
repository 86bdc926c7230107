/**
 * A student's history in words: "Booked a lesson with Raj Patel in CAR-123 for 4:00–5:00 p.m. on Tue, Mar 4"
 * rather than "Created Lesson #1858". Pure, so each sentence is tested without a screen.
 */
import { dayText, momentText, timeRangeText, type TimeFormat } from '../../../lib/clock-text';
import { formatDate } from './format';

type Snapshot = Record<string, unknown> | null | undefined;

export type HistoryEntry = {
  id: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  before?: Snapshot;
  after?: Snapshot;
  reason?: string | null;
};

/** What the page already knows to name things by: the student's lessons and enrollments. */
export type HistoryNames = {
  lessons: ReadonlyMap<number, { instructor_name?: string; vehicle_plate?: string }>;
  courses: ReadonlyMap<number, string>;
  timeFormat: TimeFormat;
  timeZone: string;
};

export type HistoryLine = { id: number; text: string; when: string; who: string; reason: string | null };

const FIELD_WORDS: Record<string, string> = {
  first_name: 'first name',
  last_name: 'last name',
  date_of_birth: 'date of birth',
  phone: 'phone',
  email: 'email',
  address: 'address',
  licence_number: 'licence number',
  licence_class: 'licence class',
  g1_issue_date: 'G1 issue date',
  licence_expiry: 'licence expiry',
  guardian_name: 'guardian’s name',
  guardian_phone: 'guardian’s number',
  guardian_email: 'guardian’s email',
  emergency_contact_name: 'emergency contact',
  emergency_contact_phone: 'emergency contact’s number',
  consent_at: 'consent',
  notes: 'notes',
};

const BOOKKEEPING = new Set(['version', 'updated_at', 'created_at', 'id', 'also_changed', 'search_first_last', 'search_last_first', 'search_first_last_joined', 'search_last_first_joined', 'phone_digits', 'phone_local']);

const STATUS_VERBS: Record<string, string> = {
  completed: 'Completed',
  cancelled: 'Cancelled',
  late_cancelled: 'Late-cancelled',
  no_show: 'Marked as a no-show',
};

const CATEGORY_WORDS: Record<string, string> = { classroom: 'classroom', in_car: 'in-car', flex: 'flex (home-link)' };

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function changed(entry: HistoryEntry): string[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  return Object.keys({ ...before, ...after }).filter((field) => !BOOKKEEPING.has(field) && JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
}

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function valueWords(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (field === 'consent_at') return 'given';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return String(value);
}

function studentLine(entry: HistoryEntry): string {
  switch (entry.action) {
    case 'create':
    case 'insert':
      return 'Added as a student';
    case 'import':
      return 'Added from a spreadsheet';
    case 'archive':
      return 'Archived';
  }
  const fields = changed(entry);
  if (fields.length === 0) return 'Saved the student’s details (nothing changed)';
  if (fields.includes('consent_at') && fields.length === 1) return entry.after?.consent_at ? 'Recorded consent to share with MTO, IBC and the inspector' : 'Withdrew consent to share';
  if (fields.length <= 2) {
    return `Changed ${listWords(fields.map((field) => `the ${FIELD_WORDS[field] ?? field.replace(/_/g, ' ')} from ${valueWords(field, entry.before?.[field])} to ${valueWords(field, entry.after?.[field])}`))}`;
  }
  return `Changed the ${listWords(fields.map((field) => FIELD_WORDS[field] ?? field.replace(/_/g, ' ')))}`;
}

function lessonWhen(snapshot: Snapshot, names: HistoryNames): string | null {
  const starts = text(snapshot?.starts_at);
  const ends = text(snapshot?.ends_at);
  if (!starts || !ends) return null;
  return `${timeRangeText(starts, ends, names.timeFormat, names.timeZone)} on ${dayText(starts, names.timeZone)}`;
}

function lessonLine(entry: HistoryEntry, names: HistoryNames): string {
  const known = names.lessons.get(Number(entry.entity_id));
  const withWhom = known?.instructor_name ? ` with ${known.instructor_name}` : '';
  const inCar = known?.vehicle_plate ? ` in ${known.vehicle_plate}` : '';
  const when = lessonWhen(entry.after ?? entry.before, names);
  const forWhen = when ? ` for ${when}` : '';
  if (entry.action === 'create' || entry.action === 'insert') return `Booked a lesson${withWhom}${inCar}${forWhen}`;
  const status = text(entry.after?.status);
  if (status && status !== entry.before?.status && STATUS_VERBS[status]) {
    const of = lessonWhen(entry.before ?? entry.after, names);
    return `${STATUS_VERBS[status]} the lesson${of ? ` of ${of}` : ''}${withWhom}`;
  }
  const fields = changed(entry);
  if (fields.includes('starts_at') || fields.includes('ends_at')) {
    const from = lessonWhen(entry.before, names);
    return `Moved the lesson${withWhom}${from ? ` from ${from}` : ''}${when ? ` to ${when}` : ''}`;
  }
  if (fields.includes('instructor_id') || fields.includes('vehicle_id')) return `Changed the instructor or car of the lesson${forWhen}${withWhom ? ` (now${withWhom}${inCar})` : ''}`;
  return `Changed the lesson${forWhen}${withWhom}`;
}

function enrollmentLine(entry: HistoryEntry, names: HistoryNames): string {
  const course = names.courses.get(Number(entry.entity_id)) ?? 'a course';
  switch (entry.action) {
    case 'create':
      return `Enrolled in ${course}`;
    case 'record_result':
      return `Recorded a final mark of ${String(entry.after?.final_mark_percent ?? '?')}% in ${course}`;
    case 'certify':
      return `Certified ${course} with MTO${text(entry.after?.mto_reference) ? ` (reference ${String(entry.after?.mto_reference)})` : ''}`;
    default:
      return `Changed the enrollment in ${course}`;
  }
}

function hoursLine(entry: HistoryEntry): string {
  const minutes = Number(entry.after?.minutes ?? 0);
  const category = CATEGORY_WORDS[String(entry.after?.category)] ?? '';
  const hours = `${Math.abs(minutes) / 60} h`;
  if (entry.after?.source === 'correction') return `Corrected the ${category} hours by ${minutes < 0 ? '−' : '+'}${hours}`;
  return `Credited ${hours} of ${category} hours`;
}

/** One history entry as a sentence, with when and by whom. */
export function historyLine(entry: HistoryEntry, names: HistoryNames): HistoryLine {
  let sentence: string;
  switch (entry.entity) {
    case 'students':
      sentence = studentLine(entry);
      break;
    case 'lessons':
      sentence = lessonLine(entry, names);
      break;
    case 'enrollments':
      sentence = enrollmentLine(entry, names);
      break;
    case 'enrollment_hours':
      sentence = hoursLine(entry);
      break;
    case 'classroom_sessions':
      sentence = entry.action === 'record_attendance' ? `Took attendance at the class${text(entry.after?.topic) ? ` “${String(entry.after?.topic)}”` : ''}` : 'Changed a class';
      break;
    default:
      sentence = `${entry.action.replace(/_/g, ' ')} (${entry.entity.replace(/_/g, ' ')})`;
      sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1);
  }
  return { id: entry.id, text: sentence, when: momentText(entry.at, names.timeFormat, names.timeZone), who: entry.actor, reason: entry.reason ?? null };
}
