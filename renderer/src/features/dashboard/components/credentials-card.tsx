import { ErrorBanner } from '../../../components/ui/error-banner';
import { StatusChip, type ChipTone } from '../../../components/ui/status-chip';
import { formatDate } from '../../../lib/dates';
import { describeExpiry, type ExpiryState } from '../../../lib/expiry';
import { useInstructors } from '../../instructors';
import { useVehicles } from '../../vehicles';
import { expiringCredentials } from './expiring-credentials';

const TONE: Record<ExpiryState, ChipTone> = { lapsed: 'danger', expiring: 'warning', missing: 'neutral', valid: 'ok' };

export function CredentialsCard({ today, warningDays }: { today: string; warningDays: number }) {
  const instructors = useInstructors();
  const vehicles = useVehicles();
  const items = instructors.data && vehicles.data ? expiringCredentials(instructors.data.items, vehicles.data.items, today, warningDays) : null;
  return (
    <section className="card dash-card" aria-labelledby="dash-credentials" data-testid="dash-credentials">
      <header className="dash-card__header">
        <h2 id="dash-credentials" className="dash-card__title">
          Credentials to renew
        </h2>
        <span className="muted small">Next {warningDays} days</span>
      </header>
      {instructors.error || vehicles.error ? <ErrorBanner error={instructors.error ?? vehicles.error} title="Could not load instructors and vehicles." /> : null}
      {items && items.length === 0 ? <p className="dash-card__empty">Every DI licence, check, insurance and safety certificate is current.</p> : null}
      {items && items.length > 0 ? (
        <ul className="dash-list">
          {items.map((item) => (
            <li key={item.key} className="dash-list__item" data-testid="expiring-credential" data-state={item.status.state}>
              <div>
                <span className="dash-list__main">{item.owner}</span>
                <span className="muted small"> · {item.credential}</span>
              </div>
              <StatusChip tone={TONE[item.status.state]} title={item.status.expiresOn ? formatDate(item.status.expiresOn) : undefined}>
                {describeExpiry(item.status)}
              </StatusChip>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
