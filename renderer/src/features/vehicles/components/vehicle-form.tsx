import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { Tabs } from '../../../components/ui/tabs';
import { UnplacedErrors } from '../../../components/ui/unplaced-errors';
import { VersionConflictBanner } from '../../../components/ui/version-conflict-banner';
import { fieldErrorsOf, VALIDATION_FAILED } from '../../../lib/field-errors';
import { isOdsmError } from '../../../lib/odsm';
import { useFetchLatestVehicle } from '../api/get-vehicles';
import { useSaveVehicle } from '../api/save-vehicle';
import { TRANSMISSIONS, VEHICLE_VERSION_CONFLICT, type Vehicle } from '../types';
import { OdometerPanel } from './odometer-panel';
import {
  emptyVehicleValues,
  missingVehicleFields,
  toVehicleCreate,
  toVehicleUpdate,
  VEHICLE_FORM_FIELDS,
  vehicleToValues,
  type VehicleFormValues,
} from './vehicle-form-values';

type Tab = 'details' | 'odometer';
type Props = { vehicle: Vehicle | null; timeZone: string; initialTab?: Tab; onClose: () => void; onSaved: (vehicle: Vehicle, created: boolean) => void };
type TextName = Exclude<keyof VehicleFormValues, 'dual_brake' | 'active'>;

export function VehicleForm({ vehicle, timeZone, initialTab = 'details', onClose, onSaved }: Props) {
  const [base, setBase] = useState<Vehicle | null>(vehicle);
  const [values, setValues] = useState<VehicleFormValues>(() => (vehicle ? vehicleToValues(vehicle) : emptyVehicleValues()));
  const [missing, setMissing] = useState<string[]>([]);
  const [tab, setTab] = useState<Tab>(initialTab);
  const [reloading, setReloading] = useState(false);
  const save = useSaveVehicle();
  const fetchLatest = useFetchLatestVehicle();

  const serverErrors = fieldErrorsOf(save.error, VEHICLE_FORM_FIELDS);
  const conflict = isOdsmError(save.error) && save.error.code === VEHICLE_VERSION_CONFLICT;
  const otherError = save.error && !conflict && !(isOdsmError(save.error) && save.error.code === VALIDATION_FAILED);

  const text = (field: TextName) => ({
    id: field,
    value: values[field],
    error: missing.includes(field) ? 'Required.' : serverErrors.byField[field]?.message,
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      setValues((current) => ({ ...current, [field]: value }));
      setMissing((current) => current.filter((name) => name !== field));
    },
  });
  const flag = (field: 'dual_brake' | 'active') => ({
    id: field,
    checked: values[field],
    onChange: (event: { target: { checked: boolean } }) => {
      const checked = event.target.checked;
      setValues((current) => ({ ...current, [field]: checked }));
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const blank = missingVehicleFields(values);
    setMissing(blank);
    if (blank.length > 0) return;
    if (!base) {
      save.mutate({ kind: 'create', body: toVehicleCreate(values) }, { onSuccess: (saved) => onSaved(saved, true) });
      return;
    }
    const body = toVehicleUpdate(base, values);
    if (Object.keys(body).length === 1) return onClose();
    save.mutate({ kind: 'update', vehicleId: base.id, body }, { onSuccess: (saved) => onSaved(saved, false) });
  }

  async function reloadLatest() {
    if (!base) return;
    setReloading(true);
    try {
      const latest = await fetchLatest(base.id);
      setBase(latest);
      setValues(vehicleToValues(latest));
      save.reset();
    } finally {
      setReloading(false);
    }
  }

  return (
    <Dialog
      title={base ? `${base.year} ${base.make} ${base.model} · ${base.plate}` : 'New vehicle'}
      onClose={onClose}
      size="large"
      testId="vehicle-form"
      footer={
        tab === 'details' ? (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" type="submit" form="vehicle-form" busy={save.isPending} disabled={conflict} data-testid="save-vehicle">
              {base ? 'Save changes' : 'Add vehicle'}
            </Button>
          </>
        ) : (
          <Button onClick={onClose}>Close</Button>
        )
      }
    >
      {conflict ? (
        <VersionConflictBanner what="this vehicle" requestId={isOdsmError(save.error) ? save.error.requestId : undefined} reloading={reloading} onReload={reloadLatest} />
      ) : null}
      {otherError ? <ErrorBanner error={save.error} title="The vehicle was not saved." testId="save-error" /> : null}
      <UnplacedErrors problems={serverErrors.unplaced} />
      <Tabs<Tab>
        label="Vehicle sections"
        active={tab}
        onChange={setTab}
        items={[
          { id: 'details', label: 'Details' },
          { id: 'odometer', label: 'Odometer log', disabled: !base },
        ]}
      />
      {tab === 'details' ? (
        <form id="vehicle-form" className="form-grid" onSubmit={onSubmit} noValidate>
          <fieldset className="form-grid__section">
            <legend>Vehicle</legend>
            <TextField label="Plate" required autoFocus className="mono" {...text('plate')} />
            <TextField label="VIN" required className="mono" {...text('vin')} />
            <TextField label="Make" required {...text('make')} />
            <TextField label="Model" required {...text('model')} />
            <TextField label="Year" required inputMode="numeric" {...text('year')} />
            <SelectField label="Transmission" {...text('transmission')}>
              {TRANSMISSIONS.map((transmission) => (
                <option key={transmission} value={transmission}>
                  {transmission === 'automatic' ? 'Automatic' : 'Manual'}
                </option>
              ))}
            </SelectField>
            <CheckboxField label="Dual brake fitted" {...flag('dual_brake')} />
            <CheckboxField label="Active (can be booked)" {...flag('active')} />
          </fieldset>
          <fieldset className="form-grid__section">
            <legend>Insurance and safety</legend>
            <TextField label="Insurance expiry" type="date" required {...text('insurance_expiry')} />
            <TextField label="Safety inspection expiry" type="date" required {...text('inspection_expiry')} />
            {base ? null : <TextField label="Odometer now (km)" inputMode="numeric" {...text('odometer_km')} />}
            <TextAreaField label="Notes" rows={2} wide {...text('notes')} />
          </fieldset>
        </form>
      ) : null}
      {tab === 'odometer' && base ? <OdometerPanel vehicle={base} timeZone={timeZone} /> : null}
    </Dialog>
  );
}
