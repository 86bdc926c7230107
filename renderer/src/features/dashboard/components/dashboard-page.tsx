import { Page } from '../../../components/ui/page';
import { addDays, formatLongDate, todayIn } from '../../../lib/dates';
import { navigate } from '../../../lib/navigation';
import { AuditGuardWarning } from '../../audit';
import { BackupCard } from '../../backups';
import { useWorklist } from '../../certification';
import { FirstRunCard } from '../../demo';
import { useMay } from '../../sign-in';
import { useSchoolClock } from '../../settings';
import { useStudents } from '../../students';
import { AtRiskCard } from './at-risk-card';
import { CredentialsCard } from './credentials-card';
import { AttentionCard } from './attention-card';
import { DayCard } from './day-card';

/** Home: the school's day and what needs attention; an instructor's account sees their own day only. */
export function DashboardPage() {
  return useMay('students.read', true) ? <SchoolHome /> : <OwnDayHome />;
}

/** An instructor's Home: their own lessons and classes today and tomorrow, nothing school-wide. */
function OwnDayHome() {
  const { timeZone, settings } = useSchoolClock();
  const today = todayIn(timeZone);
  return (
    <Page id="home" title={settings?.name || 'Today'} subtitle={formatLongDate(today)}>
      <div className="dash-grid">
        <DayCard day={today} timeZone={timeZone} title="Your lessons and classes today" empty="Nothing booked for you today." testId="dash-today" />
        <DayCard day={addDays(today, 1)} timeZone={timeZone} title="Your day tomorrow" empty="Nothing booked for you tomorrow." testId="dash-tomorrow" />
      </div>
    </Page>
  );
}

function SchoolHome() {
  const { timeZone, expiryWarningDays, settings } = useSchoolClock();
  const today = todayIn(timeZone);
  const students = useStudents({ offset: 0, limit: 1 });
  const worklist = useWorklist();

  return (
    <Page id="home" title={settings?.name || 'Today'} subtitle={formatLongDate(today)}>
      <AuditGuardWarning timeZone={timeZone} />
      <FirstRunCard />
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
        <button type="button" className="card dash-stat dash-stat--link" onClick={() => navigate('certification')} data-testid="dash-ready">
          <span className="dash-stat__label">Ready to certify</span>
          <span className="dash-stat__value">{worklist.data ? worklist.data.ready_total : '—'}</span>
          <span className="muted small">open Certification</span>
        </button>
        <button
          type="button"
          className={`card dash-stat dash-stat--link${worklist.data && worklist.data.at_risk_total > 0 ? ' dash-stat--warning' : ''}`}
          onClick={() => navigate('certification')}
        >
          <span className="dash-stat__label">At risk</span>
          <span className="dash-stat__value">{worklist.data ? worklist.data.at_risk_total : '—'}</span>
          <span className="muted small">deadline near, hours short</span>
        </button>
        <button
          type="button"
          className={`card dash-stat dash-stat--link${worklist.data && worklist.data.blocked_total > 0 ? ' dash-stat--danger' : ''}`}
          onClick={() => navigate('certification')}
        >
          <span className="dash-stat__label">Blocked</span>
          <span className="dash-stat__value">{worklist.data ? worklist.data.blocked_total : '—'}</span>
          <span className="muted small">cannot be certified yet</span>
        </button>
      </div>
      <div className="dash-grid">
        <DayCard day={today} timeZone={timeZone} title="Today’s lessons and classes" empty="Nothing booked today." testId="dash-today" />
        <DayCard day={addDays(today, 1)} timeZone={timeZone} title="Tomorrow" empty="Nothing booked tomorrow." testId="dash-tomorrow" />
        <AttentionCard timeZone={timeZone} />
        <AtRiskCard />
        <CredentialsCard today={today} warningDays={expiryWarningDays} />
        <BackupCard timeZone={timeZone} />
      </div>
    </Page>
  );
}
