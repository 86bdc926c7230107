// The vehicles feature's public face.
export { useVehicles } from './api/get-vehicles';
export { VehiclesPage } from './components/vehicles-page';
export type { Vehicle } from './types';
export { vehiclesLive } from './api/live';
