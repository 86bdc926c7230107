/** The vehicle form's strings and flags to and from the backend's typed fields. */
import { changesSince } from '../../../lib/changes';
import type { Transmission, Vehicle, VehicleCreate, VehicleUpdate } from '../types';

export const VEHICLE_TEXT_FIELDS = ['plate', 'vin', 'make', 'model', 'year', 'transmission', 'insurance_expiry', 'inspection_expiry', 'odometer_km', 'notes'] as const;
export const VEHICLE_FLAGS = ['dual_brake', 'active'] as const;
export const VEHICLE_FORM_FIELDS: readonly string[] = [...VEHICLE_TEXT_FIELDS, ...VEHICLE_FLAGS];

type TextField = (typeof VEHICLE_TEXT_FIELDS)[number];
type Flag = (typeof VEHICLE_FLAGS)[number];
export type VehicleFormValues = Record<TextField, string> & Record<Flag, boolean>;

const REQUIRED: readonly TextField[] = ['plate', 'vin', 'make', 'model', 'year', 'insurance_expiry', 'inspection_expiry'];

export function emptyVehicleValues(): VehicleFormValues {
  const text = Object.fromEntries(VEHICLE_TEXT_FIELDS.map((field) => [field, ''])) as Record<TextField, string>;
  return { ...text, transmission: 'automatic', dual_brake: true, active: true };
}

export function vehicleToValues(vehicle: Vehicle): VehicleFormValues {
  return {
    plate: vehicle.plate,
    vin: vehicle.vin,
    make: vehicle.make,
    model: vehicle.model,
    year: String(vehicle.year),
    transmission: vehicle.transmission,
    insurance_expiry: vehicle.insurance_expiry,
    inspection_expiry: vehicle.inspection_expiry,
    odometer_km: vehicle.last_odometer_km === null || vehicle.last_odometer_km === undefined ? '' : String(vehicle.last_odometer_km),
    notes: vehicle.notes ?? '',
    dual_brake: vehicle.dual_brake ?? true,
    active: vehicle.active ?? true,
  };
}

export function missingVehicleFields(values: VehicleFormValues): TextField[] {
  return REQUIRED.filter((field) => values[field].trim() === '');
}

export function toVehicleCreate(values: VehicleFormValues): VehicleCreate {
  const km = values.odometer_km.trim();
  return {
    plate: values.plate.trim().toUpperCase(),
    vin: values.vin.trim().toUpperCase(),
    make: values.make.trim(),
    model: values.model.trim(),
    year: Number(values.year),
    transmission: values.transmission as Transmission,
    insurance_expiry: values.insurance_expiry,
    inspection_expiry: values.inspection_expiry,
    odometer_km: km === '' ? null : Number(km),
    notes: values.notes.trim() || null,
    dual_brake: values.dual_brake,
    active: values.active,
  };
}

/** Only what changed, with the version. The odometer is never edited here: readings go in the log. */
export function toVehicleUpdate(original: Vehicle, values: VehicleFormValues): VehicleUpdate {
  const editable = [...VEHICLE_TEXT_FIELDS, ...VEHICLE_FLAGS].filter((field) => field !== 'odometer_km');
  return changesSince(original, values, { toValues: vehicleToValues, toBody: toVehicleCreate }, editable);
}
