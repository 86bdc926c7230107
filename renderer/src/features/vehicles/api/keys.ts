import type { VehicleListQuery } from '../types';
import { rootKey } from '../../../lib/query-keys';

export const vehicleKeys = {
  all: rootKey('vehicles'),
  lists: () => [...vehicleKeys.all, 'list'] as const,
  list: (query: VehicleListQuery) => [...vehicleKeys.lists(), query] as const,
  detail: (vehicleId: number) => [...vehicleKeys.all, 'detail', vehicleId] as const,
  odometer: (vehicleId: number) => [...vehicleKeys.all, 'odometer', vehicleId] as const,
};
