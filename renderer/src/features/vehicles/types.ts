// Vehicle shapes come from the backend's contracts.
import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { components } from '../../../../shared-contracts/openapi';

export type Vehicle = components['schemas']['VehicleRead'];
export type VehicleCreate = components['schemas']['VehicleCreate'];
export type VehicleUpdate = components['schemas']['VehicleUpdate'];
export type OdometerCreate = components['schemas']['OdometerCreate'];
export type VehicleListQuery = ChannelRequest<'db:vehicles:list'>;

export type Transmission = Vehicle['transmission'];
export const TRANSMISSIONS: readonly Transmission[] = ['automatic', 'manual'];
export const VEHICLE_VERSION_CONFLICT = 'vehicle.version_conflict';
export const ODOMETER_BACKWARDS = 'vehicle.odometer_backwards';
