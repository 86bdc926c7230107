import { queryOptions, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { VehicleListQuery } from '../types';
import { vehicleKeys } from './keys';

export function vehiclesQueryOptions(query: VehicleListQuery = {}) {
  return queryOptions({ queryKey: vehicleKeys.list(query), queryFn: () => call((odsm) => odsm.vehicles.list(query)) });
}

export function useVehicles(query: VehicleListQuery = {}) {
  return useQuery(vehiclesQueryOptions(query));
}

export function vehicleQueryOptions(vehicleId: number) {
  return queryOptions({ queryKey: vehicleKeys.detail(vehicleId), queryFn: () => call((odsm) => odsm.vehicles.get({ vehicle_id: vehicleId })) });
}

export function useOdometerLog(vehicleId: number) {
  return useQuery({
    queryKey: vehicleKeys.odometer(vehicleId),
    queryFn: () => call((odsm) => odsm.vehicles.odometerLog({ vehicle_id: vehicleId, limit: 50 })),
  });
}
