import { Button } from '../../../components/ui/button';
import { DataTable, RecordNameCell } from '../../../components/ui/data-table';
import { RosterPage } from '../../../components/ui/roster-page';
import { ExpiryChip } from '../../../components/ui/status-chip';
import { useListPageState } from '../../../hooks/use-list-page-state';
import { todayIn } from '../../../lib/dates';
import { expiryStatus } from '../../../lib/expiry';
import { useSpreadsheetImport } from '../../imports';
import { useSchoolClock } from '../../settings';
import { useVehicles } from '../api/get-vehicles';
import type { Vehicle } from '../types';
import { VehicleForm } from './vehicle-form';

type Editing = { vehicle: Vehicle | null; tab: 'details' | 'odometer' };

const COLUMNS = ['Vehicle', 'Plate', 'Transmission', 'Insurance and safety', { label: 'Odometer', className: 'num' }];

export function VehiclesPage() {
  const state = useListPageState<Editing>();
  const { editing } = state;
  const { timeZone, expiryWarningDays } = useSchoolClock();
  const vehicles = useVehicles(state.includeInactive ? { include_inactive: true } : {});
  const today = todayIn(timeZone);
  const importing = useSpreadsheetImport('vehicles');

  return (
    <RosterPage
      noun="vehicle"
      plural="vehicles"
      subtitle="A vehicle with lapsed insurance or safety inspection cannot be booked."
      onNew={() => editing.setOpen({ vehicle: null, tab: 'details' })}
      moreActions={importing.button}
      moreNotice={importing.error}
      state={state}
      query={vehicles}
      dialogs={
        <>
          {importing.dialog}
          {editing.open ? (
          <VehicleForm
            vehicle={editing.open.vehicle}
            initialTab={editing.open.tab}
            timeZone={timeZone}
            onClose={editing.close}
            onSaved={(vehicle, created) => editing.done(`${vehicle.plate} was ${created ? 'added' : 'saved'}.`)}
          />
        ) : null}
        </>
      }
    >
      <DataTable testId="vehicle-table" columns={COLUMNS} withActions>
        {(vehicles.data?.items ?? []).map((vehicle) => (
          <tr key={vehicle.id} data-testid="vehicle-row" data-vehicle-id={vehicle.id}>
            <RecordNameCell
              name={`${vehicle.year} ${vehicle.make} ${vehicle.model}`}
              onOpen={() => editing.setOpen({ vehicle, tab: 'details' })}
              inactive={vehicle.active === false}
              detail={`VIN ${vehicle.vin}`}
            />
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
              <Button variant="ghost" onClick={() => editing.setOpen({ vehicle, tab: 'odometer' })}>
                Odometer
              </Button>
              <Button variant="ghost" onClick={() => editing.setOpen({ vehicle, tab: 'details' })} aria-label={`Edit ${vehicle.plate}`}>
                Edit
              </Button>
            </td>
          </tr>
        ))}
      </DataTable>
    </RosterPage>
  );
}
