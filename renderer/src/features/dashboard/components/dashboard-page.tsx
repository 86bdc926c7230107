import { formatLongDate, todayIn } from '../../../lib/dates';
import { useSchoolClock } from '../../settings/api/get-settings';
import { useStudents } from '../../students/api/get-students';
import { CredentialsCard } from './credentials-card';

export function DashboardPage() {
  const { timeZone, expiryWarningDays, settings } = useSchoolClock();
  const today = todayIn(timeZone);
  const students = useStudents({ offset: 0, limit: 1 });

  return (
    <section className="page" aria-labelledby="home-title">
      <header className="page__header">
        <div>
          <h1 id="home-title" className="page__title">
            {settings?.name || 'Today'}
          </h1>
          <p className="page__subtitle">{formatLongDate(today)}</p>
        </div>
      </header>
      <div className="dash-stats">
        <section className="card dash-stat" aria-labelledby="dash-students">
          <h2 id="dash-students" className="dash-stat__label">
            Students
          </h2>
          <p className="dash-stat__value" data-testid="dash-student-count">
            {students.data ? students.data.total : '—'}
          </p>
          <p className="muted small">active records</p>
        </section>
      </div>
      <div className="dash-grid">
        <CredentialsCard today={today} warningDays={expiryWarningDays} />
      </div>
    </section>
  );
}
