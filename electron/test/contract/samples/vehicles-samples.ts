import type { ChannelRequest } from '../../../../shared-contracts/channels';
import { createdVehicle, newVehicleBody } from './school-records';
import { afterCreating, type ChannelSample } from './sample-types';

export const vehicleSamples: Record<string, ChannelSample> = {
  'db:vehicles:list': {
    valid: afterCreating(createdVehicle, { include_inactive: false } satisfies ChannelRequest<'db:vehicles:list'>),
    invalid: { include_inactive: 1 },
    invalidField: 'include_inactive',
  },
  'db:vehicles:create': {
    valid: async () => ({ body: newVehicleBody() }) satisfies ChannelRequest<'db:vehicles:create'>,
    invalid: { body: { ...newVehicleBody(), transmission: 'cvt' } },
    invalidField: 'body.transmission',
  },
  'db:vehicles:get': {
    valid: async (call) => ({ vehicle_id: (await createdVehicle(call)).id }) satisfies ChannelRequest<'db:vehicles:get'>,
    invalid: {},
    invalidField: 'vehicle_id',
  },
  'db:vehicles:update': {
    valid: async (call) => {
      const vehicle = await createdVehicle(call);
      return { vehicle_id: vehicle.id, body: { version: vehicle.version, notes: 'New tires' } } satisfies ChannelRequest<'db:vehicles:update'>;
    },
    invalid: { vehicle_id: 1, body: { version: 1, year: 1900 } },
    invalidField: 'body.year',
  },
  'db:vehicles:addOdometer': {
    // Past the 20,000 km the vehicle was created with: an odometer never runs backwards.
    valid: async (call) => ({ vehicle_id: (await createdVehicle(call)).id, body: { km: 20_500, note: 'Weekly check' } }) satisfies ChannelRequest<'db:vehicles:addOdometer'>,
    invalid: { vehicle_id: 1, body: { km: -5 } },
    invalidField: 'body.km',
  },
  'db:vehicles:odometerLog': {
    valid: async (call) => ({ vehicle_id: (await createdVehicle(call)).id, limit: 10 }) satisfies ChannelRequest<'db:vehicles:odometerLog'>,
    invalid: { vehicle_id: 1, limit: 501 },
    invalidField: 'limit',
  },
};
