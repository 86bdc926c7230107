import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RecordSave } from '../../../hooks/use-record-form';
import { call } from '../../../lib/odsm';
import type { OdometerCreate, Vehicle, VehicleCreate, VehicleUpdate } from '../types';
import { vehicleKeys } from './keys';

export type SaveVehicleInput = RecordSave<VehicleCreate, VehicleUpdate>;

export function saveVehicle(input: SaveVehicleInput): Promise<Vehicle> {
  return input.kind === 'create'
    ? call((odsm) => odsm.vehicles.create({ body: input.body }))
    : call((odsm) => odsm.vehicles.update({ vehicle_id: input.id, body: input.body }));
}

export function useSaveVehicle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveVehicle,
    onSuccess: (vehicle) => {
      queryClient.setQueryData(vehicleKeys.detail(vehicle.id), vehicle);
      return queryClient.invalidateQueries({ queryKey: vehicleKeys.lists() });
    },
  });
}

export function useAddOdometer(vehicleId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OdometerCreate) => call((odsm) => odsm.vehicles.addOdometer({ vehicle_id: vehicleId, body })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: vehicleKeys.odometer(vehicleId) }),
        queryClient.invalidateQueries({ queryKey: vehicleKeys.lists() }),
      ]),
  });
}
