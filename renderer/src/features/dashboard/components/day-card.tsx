import { ErrorBanner } from '../../../components/ui/error-banner';
import { StatusChip } from '../../../components/ui/status-chip';
import { timeRangeText } from '../../../lib/clock-text';
import { addDays, zonedToInstant } from '../../../lib/dates';
import { useSchoolClock } from '../../settings';
import { useOwnInstructorId } from '../../sign-in';
import { useClassSessions } from '../../classroom';
import { STATUS_LABELS, useLessons } from '../../lessons';

type Row = { key: string; startsAt: string; endsAt: string; title: string; meta: string; status: string | null };

type Props = { day: string; timeZone: string; title: string; empty: string; testId: string };

/** One day's in-car lessons and classes, in time order (Home shows today and tomorrow). */
export function DayCard({ day, timeZone, title, empty, testId }: Props) {
  const { timeFormat } = useSchoolClock();
  const range = { start: zonedToInstant(day, 0, timeZone), end: zonedToInstant(addDays(day, 1), 0, timeZone) };
  const headingId = `${testId}-heading`;
  // An instructor's account asks for their own day: the backend refuses them the school's.
  const own = useOwnInstructorId();
  const mine = own === null ? {} : { instructor_id: own };
  const lessons = useLessons({ ...range, ...mine, limit: 500 });
  const sessions = useClassSessions({ ...range, ...mine });
  const rows: Row[] = [
    ...(lessons.data?.items ?? []).map((lesson) => ({
      key: `l${lesson.id}`,
      startsAt: lesson.starts_at,
      endsAt: lesson.ends_at,
      title: lesson.student_name ?? '',
      meta: `In-car with ${lesson.instructor_name} · ${lesson.vehicle_plate}`,
      status: lesson.status,
    })),
    ...(sessions.data?.items ?? []).map((session) => ({
      key: `c${session.id}`,
      startsAt: session.starts_at,
      endsAt: session.ends_at,
      title: `Class: ${session.topic}`,
      meta: `${/^room\b/i.test(session.room) ? session.room : `Room ${session.room}`} · ${session.instructor_name} · ${session.roster?.length ?? 0} of ${session.capacity} registered`,
      status: null,
    })),
  ].sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return (
    <section className="card dash-card" aria-labelledby={headingId} data-testid={testId}>
      <header className="dash-card__header">
        <h2 id={headingId} className="dash-card__title">
          {title}
        </h2>
        <span className="muted small">{rows.length} booked</span>
      </header>
      {lessons.error || sessions.error ? <ErrorBanner error={lessons.error ?? sessions.error} title="Could not load the bookings." /> : null}
      {lessons.data && sessions.data && rows.length === 0 ? <p className="dash-card__empty">{empty}</p> : null}
      <ul className="dash-list">
        {rows.map((row) => (
          <li key={row.key} className="dash-list__item" data-testid="today-item">
            <div>
              <span className="mono small">
                {timeRangeText(row.startsAt, row.endsAt, timeFormat, timeZone)}
              </span>{' '}
              <span className="dash-list__main">{row.title}</span>
              <div className="muted small">{row.meta}</div>
            </div>
            {row.status ? (
              <StatusChip tone={row.status === 'completed' ? 'ok' : row.status === 'scheduled' ? 'info' : 'danger'}>
                {STATUS_LABELS[row.status as keyof typeof STATUS_LABELS]}
              </StatusChip>
            ) : (
              <StatusChip tone="neutral">Class</StatusChip>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
