import { useState } from 'react';
import { Banner } from '../../../components/ui/banner';
import { Button } from '../../../components/ui/button';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { ExpiryChip } from '../../../components/ui/status-chip';
import { todayIn } from '../../../lib/dates';
import { expiryStatus } from '../../../lib/expiry';
import { useSchoolClock } from '../../settings';
import { useVehicles } from '../api/get-vehicles';
import type { Vehicle } from '../types';
import { VehicleForm } from './vehicle-form';

type Editing = { vehicle: Vehicle | null; tab: 'details' | 'odometer' } | null;

export function VehiclesPage() {
  const [includeInactive, setIncludeInactive] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { timeZone, expiryWarningDays } = useSchoolClock();
  const vehicles = useVehicles(includeInactive ? { include_inactive: true } : {});
  const today = todayIn(timeZone);
  const items = vehicles.data?.items ?? [];

  return (
    <section className="page" aria-labelledby="vehicles-title">
      <header className="page__header">
        <div>
          <h1 id="vehicles-title" className="page__title">
            Vehicles
          </h1>
          <p className="page__subtitle">A vehicle with lapsed insurance or safety inspection cannot be booked.</p>
        </div>
        <Button variant="primary" onClick={() => setEditing({ vehicle: null, tab: 'details' })} data-testid="new-vehicle">
          + New vehicle
        </Button>
      </header>
      {notice ? <Banner tone="success" title={notice} onDismiss={() => setNotice(null)} testId="save-notice" /> : null}
      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={includeInactive} onChange={(event) => setIncludeInactive(event.target.checked)} />
          <span>Show inactive vehicles</span>
        </label>
      </div>
      <div className="card">
        {vehicles.isError ? <ErrorBanner error={vehicles.error} title="Could not load vehicles." /> : null}
        {vehicles.isPending ? <p className="empty-state">Loading vehicles…</p> : null}
        {vehicles.data && items.length === 0 ? <p className="empty-state">No vehicles yet. Add the first one with “New vehicle”.</p> : null}
        {items.length > 0 ? (
          <table className="data-table" data-testid="vehicle-table">
            <thead>
              <tr>
                <th scope="col">Vehicle</th>
                <th scope="col">Plate</th>
                <th scope="col">Transmission</th>
                <th scope="col">Insurance and safety</th>
                <th scope="col" className="num">
                  Odometer
                </th>
                <th scope="col" className="data-table__actions-head">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((vehicle) => (
                <tr key={vehicle.id} data-testid="vehicle-row" data-vehicle-id={vehicle.id}>
                  <th scope="row" className="data-table__name">
                    <button type="button" className="link-button" onClick={() => setEditing({ vehicle, tab: 'details' })}>
                      {vehicle.year} {vehicle.make} {vehicle.model}
                    </button>
                    {vehicle.active === false ? <span className="badge badge--muted">Inactive</span> : null}
                    <div className="muted small mono">VIN {vehicle.vin}</div>
                  </th>
                  <td className="mono">{vehicle.plate}</td>
                  <td>
                    {vehicle.transmission === 'automatic' ? 'Automatic' : 'Manual'}
                    {vehicle.dual_brake ? <span className="badge badge--spaced">Dual brake</span> : null}
                  </td>
                  <td>
                    <div className="chip-row">
                      <ExpiryChip label="Insurance" status={expiryStatus(vehicle.insurance_expiry, today, expiryWarningDays)} testId="chip-insurance" />
                      <ExpiryChip label="Safety" status={expiryStatus(vehicle.inspection_expiry, today, expiryWarningDays)} testId="chip-inspection" />
                    </div>
                  </td>
                  <td className="num mono">{vehicle.last_odometer_km === null || vehicle.last_odometer_km === undefined ? '—' : `${vehicle.last_odometer_km.toLocaleString('en-CA')} km`}</td>
                  <td className="data-table__actions">
                    <Button variant="ghost" onClick={() => setEditing({ vehicle, tab: 'odometer' })}>
                      Odometer
                    </Button>
                    <Button variant="ghost" onClick={() => setEditing({ vehicle, tab: 'details' })} aria-label={`Edit ${vehicle.plate}`}>
                      Edit
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>
      {editing ? (
        <VehicleForm
          vehicle={editing.vehicle}
          initialTab={editing.tab}
          timeZone={timeZone}
          onClose={() => setEditing(null)}
          onSaved={(vehicle, created) => {
            setEditing(null);
            setNotice(`${vehicle.plate} was ${created ? 'added' : 'saved'}.`);
          }}
        />
      ) : null}
    </section>
  );
}
