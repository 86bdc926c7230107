import { ErrorBanner } from '../../../components/ui/error-banner';
import { StatusChip } from '../../../components/ui/status-chip';
import { dayText, timeRangeText } from '../../../lib/clock-text';
import { formatDate, zonedParts } from '../../../lib/dates';
import { useSchoolClock } from '../../settings';
import { navigate } from '../../../lib/navigation';
import { useNeedsAttention } from '../api/attention';

function more(shown: number, total: number): string | null {
  return total > shown ? `and ${total - shown} more` : null;
}

/** What the desk should deal with today: lessons never completed, records missing what the law asks. */
export function AttentionCard({ timeZone }: { timeZone: string }) {
  const { timeFormat } = useSchoolClock();
  const attention = useNeedsAttention();
  const data = attention.data;
  const nothing = data && data.unfinished_total + data.no_consent_total + data.minors_without_guardian_total === 0;
  return (
    <section className="card dash-card" aria-labelledby="dash-attention" data-testid="dash-attention">
      <header className="dash-card__header">
        <h2 id="dash-attention" className="dash-card__title">
          Needs attention
        </h2>
      </header>
      {attention.error ? <ErrorBanner error={attention.error} title="Could not load what needs attention." /> : null}
      {nothing ? <p className="dash-card__empty">Every past lesson is completed, and every student has consent and, if under 18, a guardian on file.</p> : null}
      {data && !nothing && data.no_consent_total + data.minors_without_guardian_total === 0 ? (
        <p className="muted small">Every student has consent on file, and every student under 18 a guardian.</p>
      ) : null}
      {data && data.unfinished_total > 0 ? (
        <>
          <h3 className="dash-card__subtitle">
            Lessons that ended but were never completed <StatusChip tone="warning">{data.unfinished_total}</StatusChip>
          </h3>
          <ul className="dash-list">
            {data.unfinished_lessons.map((lesson) => (
              <li key={lesson.id} className="dash-list__item" data-testid="unfinished-lesson">
                <div>
                  <span className="dash-list__main">{lesson.student_name}</span>
                  <div className="muted small">
                    {dayText(lesson.starts_at, timeZone)}, {timeRangeText(lesson.starts_at, lesson.ends_at, timeFormat, timeZone)} · {lesson.instructor_name} · {lesson.vehicle_plate}
                  </div>
                </div>
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Complete or cancel ${lesson.student_name}’s lesson`}
                  onClick={() => navigate('calendar', { date: zonedParts(lesson.starts_at, timeZone).date })}
                >
                  Complete or cancel
                </button>
              </li>
            ))}
          </ul>
          {more(data.unfinished_lessons.length, data.unfinished_total) ? <p className="muted small">{more(data.unfinished_lessons.length, data.unfinished_total)}</p> : null}
        </>
      ) : null}
      {data && data.no_consent_total > 0 ? (
        <>
          <h3 className="dash-card__subtitle">
            No consent to share with MTO, IBC and the inspector <StatusChip tone="danger">{data.no_consent_total}</StatusChip>
          </h3>
          <ul className="dash-list">
            {data.no_consent.map((student) => (
              <li key={student.student_id} className="dash-list__item" data-testid="no-consent">
                <span className="dash-list__main">{student.student_name}</span>
              </li>
            ))}
          </ul>
          {more(data.no_consent.length, data.no_consent_total) ? <p className="muted small">{more(data.no_consent.length, data.no_consent_total)}</p> : null}
        </>
      ) : null}
      {data && data.minors_without_guardian_total > 0 ? (
        <>
          <h3 className="dash-card__subtitle">
            Under 18 with no guardian on file <StatusChip tone="danger">{data.minors_without_guardian_total}</StatusChip>
          </h3>
          <ul className="dash-list">
            {data.minors_without_guardian.map((student) => (
              <li key={student.student_id} className="dash-list__item" data-testid="minor-without-guardian">
                <span className="dash-list__main">{student.student_name}</span>
                <span className="muted small">born {formatDate(student.date_of_birth)}</span>
              </li>
            ))}
          </ul>
          {more(data.minors_without_guardian.length, data.minors_without_guardian_total) ? (
            <p className="muted small">{more(data.minors_without_guardian.length, data.minors_without_guardian_total)}</p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
