import { BarChart } from '../../../components/ui/bar-chart';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { StatusChip } from '../../../components/ui/status-chip';
import { minutesToHours } from '../../../lib/units';
import { HoursSummary, useWorklist } from '../../certification';

/** Students near their deadline who are still short of hours: call them before it is too late. */
export function AtRiskCard() {
  const worklist = useWorklist();
  const rows = worklist.data?.at_risk ?? [];
  const shortInCar = rows.slice(0, 8).map((row) => ({
    key: String(row.enrollment_id),
    label: row.student_name.split(' ')[0] ?? '',
    value: minutesToHours(row.totals.reduce((sum, total) => sum + total.remaining_minutes, 0)),
  }));
  return (
    <section className="card dash-card" aria-labelledby="dash-at-risk" data-testid="dash-at-risk">
      <header className="dash-card__header">
        <h2 id="dash-at-risk" className="dash-card__title">
          At risk of missing the deadline
        </h2>
        <span className="muted small">{worklist.data ? `${worklist.data.at_risk_total} total` : ''}</span>
      </header>
      {worklist.error ? <ErrorBanner error={worklist.error} title="Could not load the worklist." /> : null}
      {worklist.data && rows.length === 0 ? <p className="dash-card__empty">Nobody is close to their deadline while short of hours.</p> : null}
      {shortInCar.length > 1 ? (
        <div className="dash-card__chart">
          <BarChart items={shortInCar} label="Hours still needed, by student" unit="h short" />
        </div>
      ) : null}
      <ul className="dash-list">
        {rows.slice(0, 8).map((row) => (
          <li key={row.enrollment_id} className="dash-list__item" data-testid="at-risk-item">
            <div>
              <span className="dash-list__main">{row.student_name}</span>
              <div className="small">
                <HoursSummary totals={row.totals} shortOnly />
              </div>
            </div>
            <StatusChip tone={(row.days_left ?? 0) <= 14 ? 'danger' : 'warning'}>{row.days_left} days left</StatusChip>
          </li>
        ))}
      </ul>
    </section>
  );
}
