import type { ChannelRequest, ChannelResponse } from '../../../../shared-contracts/channels';
import { nextUnique, type CallChannel, type ChannelSample } from './sample-types';

type Vehicle = ChannelResponse<'db:vehicles:create'>;

function newVehicleBody(): ChannelRequest<'db:vehicles:create'>['body'] {
  const n = nextUnique();
  return {
    plate: `CD${String(n).padStart(5, '0')}`,
    vin: `2HGFC2F5${String(n).padStart(9, '0')}`,
    make: 'Honda',
    model: 'Civic',
    year: 2022,
    transmission: 'automatic',
    dual_brake: true,
    insurance_expiry: '2030-06-30',
    inspection_expiry: '2030-03-31',
    odometer_km: 12_000,
    active: true,
  };
}

async function createdVehicle(call: CallChannel): Promise<Vehicle> {
  return (await call('db:vehicles:create', { body: newVehicleBody() })) as Vehicle;
}

export const vehicleSamples: Record<string, ChannelSample> = {
  'db:vehicles:list': {
    valid: async (call) => {
      await createdVehicle(call);
      return { include_inactive: false } satisfies ChannelRequest<'db:vehicles:list'>;
    },
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
    valid: async (call) => ({ vehicle_id: (await createdVehicle(call)).id, body: { km: 12_500, note: 'Weekly check' } }) satisfies ChannelRequest<'db:vehicles:addOdometer'>,
    invalid: { vehicle_id: 1, body: { km: -5 } },
    invalidField: 'body.km',
  },
  'db:vehicles:odometerLog': {
    valid: async (call) => ({ vehicle_id: (await createdVehicle(call)).id, limit: 10 }) satisfies ChannelRequest<'db:vehicles:odometerLog'>,
    invalid: { vehicle_id: 1, limit: 501 },
    invalidField: 'limit',
  },
};
