import type { LiveQueries } from '../../../lib/live-queries';
import { vehicleKeys } from './keys';

/** Vehicles and their odometer readings (a completed lesson records one). */
export const vehiclesLive: LiveQueries = { queryKey: vehicleKeys.all, shows: ['vehicles'] };
