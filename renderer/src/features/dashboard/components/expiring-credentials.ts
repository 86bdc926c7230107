/** Every instructor and vehicle credential that has lapsed or lapses within the warning horizon. */
import { expiryStatus, type ExpiryStatus } from '../../../lib/expiry';
import { instructorCredentials, type Instructor } from '../../instructors';
import type { Vehicle } from '../../vehicles';

export type ExpiringCredential = {
  key: string;
  owner: string;
  kind: 'instructor' | 'vehicle';
  credential: string;
  status: ExpiryStatus;
};

export function expiringCredentials(
  instructors: readonly Instructor[],
  vehicles: readonly Vehicle[],
  today: string,
  warningDays: number,
): ExpiringCredential[] {
  const found: ExpiringCredential[] = [];
  for (const instructor of instructors) {
    if (instructor.active === false) continue;
    for (const credential of instructorCredentials(instructor, today, warningDays)) {
      found.push({
        key: `i${instructor.id}-${credential.key}`,
        owner: `${instructor.first_name} ${instructor.last_name}`,
        kind: 'instructor',
        credential: credential.label,
        status: credential.status,
      });
    }
  }
  for (const vehicle of vehicles) {
    if (vehicle.active === false) continue;
    const owner = `${vehicle.plate} (${vehicle.make} ${vehicle.model})`;
    found.push({ key: `v${vehicle.id}-insurance`, owner, kind: 'vehicle', credential: 'Insurance', status: expiryStatus(vehicle.insurance_expiry, today, warningDays) });
    found.push({ key: `v${vehicle.id}-inspection`, owner, kind: 'vehicle', credential: 'Safety inspection', status: expiryStatus(vehicle.inspection_expiry, today, warningDays) });
  }
  // A missing check date is worth a warning too: the school cannot show the inspector a date.
  return found
    .filter(({ status }) => status.state !== 'valid')
    .sort((a, b) => (a.status.daysLeft ?? -100_000) - (b.status.daysLeft ?? -100_000));
}
