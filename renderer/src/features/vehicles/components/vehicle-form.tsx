import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { FormFooter } from '../../../components/ui/form-footer';
import { SaveProblems } from '../../../components/ui/save-problems';
import { Tabs } from '../../../components/ui/tabs';
import { saveRecord, useRecordForm } from '../../../hooks/use-record-form';
import { vehicleQueryOptions } from '../api/get-vehicles';
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
} from './vehicle-form-values';

type Tab = 'details' | 'odometer';
type Props = { vehicle: Vehicle | null; timeZone: string; initialTab?: Tab; onClose: () => void; onSaved: (vehicle: Vehicle, created: boolean) => void };

export function VehicleForm({ vehicle, timeZone, initialTab = 'details', onClose, onSaved }: Props) {
  const [tab, setTab] = useState<Tab>(initialTab);
  const save = useSaveVehicle();
  const form = useRecordForm({
    record: vehicle,
    toValues: vehicleToValues,
    emptyValues: emptyVehicleValues,
    latest: (current) => vehicleQueryOptions(current.id),
    save,
    conflictCode: VEHICLE_VERSION_CONFLICT,
    fields: VEHICLE_FORM_FIELDS,
  });
  const { base, values, serverErrors } = form;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (form.markMissing(missingVehicleFields(values))) return;
    saveRecord(form, save, { toCreate: toVehicleCreate, toUpdate: toVehicleUpdate }, { onSaved, onUnchanged: onClose });
  }

  return (
    <Dialog
      title={base ? `${base.year} ${base.make} ${base.model} · ${base.plate}` : 'New vehicle'}
      onClose={onClose}
      size="large"
      testId="vehicle-form"
      footer={
        tab === 'details' ? (
          <FormFooter formId="vehicle-form" onCancel={onClose} busy={save.isPending} disabled={form.conflict} testId="save-vehicle">
            {base ? 'Save changes' : 'Add vehicle'}
          </FormFooter>
        ) : (
          <Button onClick={onClose}>Close</Button>
        )
      }
    >
      <SaveProblems form={form} what="this vehicle" failedTitle="The vehicle was not saved." unplaced={serverErrors.unplaced} />
      <Tabs<Tab>
        label="Vehicle sections"
        active={tab}
        onChange={setTab}
        items={[
          { id: 'details', label: 'Details' },
          { id: 'odometer', label: 'Odometer log', disabled: !base },
        ]}
      >
        {tab === 'details' ? (
          <form id="vehicle-form" className="form-grid" onSubmit={onSubmit} noValidate>
            <fieldset className="form-grid__section">
              <legend>Vehicle</legend>
              <TextField label="Plate" required autoFocus className="mono" {...form.bindText('plate')} />
              <TextField label="VIN" required className="mono" {...form.bindText('vin')} />
              <TextField label="Make" required {...form.bindText('make')} />
              <TextField label="Model" required {...form.bindText('model')} />
              <TextField label="Year" required inputMode="numeric" {...form.bindText('year')} />
              <SelectField label="Transmission" {...form.bindText('transmission')}>
                {TRANSMISSIONS.map((transmission) => (
                  <option key={transmission} value={transmission}>
                    {transmission === 'automatic' ? 'Automatic' : 'Manual'}
                  </option>
                ))}
              </SelectField>
              <CheckboxField label="Dual brake fitted" {...form.bindFlag('dual_brake')} />
              <CheckboxField label="Active (can be booked)" {...form.bindFlag('active')} />
            </fieldset>
            <fieldset className="form-grid__section">
              <legend>Insurance and safety</legend>
              <TextField label="Insurance expiry" type="date" required {...form.bindText('insurance_expiry')} />
              <TextField label="Safety inspection expiry" type="date" required {...form.bindText('inspection_expiry')} />
              {base ? null : <TextField label="Odometer now (km)" inputMode="numeric" {...form.bindText('odometer_km')} />}
              <TextAreaField label="Notes" rows={2} wide {...form.bindText('notes')} />
            </fieldset>
          </form>
        ) : null}
        {tab === 'odometer' && base ? <OdometerPanel vehicle={base} timeZone={timeZone} /> : null}
      </Tabs>
    </Dialog>
  );
}
