import { checkStatus, expiryStatus, type ExpiryStatus } from '../../../lib/expiry';
import type { Instructor } from '../types';

export type Credential = { key: string; label: string; status: ExpiryStatus };

/** An instructor's credentials, each with its status on `today`. */
export function instructorCredentials(instructor: Instructor, today: string, warningDays: number): Credential[] {
  const credentials: Credential[] = [
    { key: 'di_licence', label: 'DI licence', status: expiryStatus(instructor.di_licence_expiry, today, warningDays) },
    { key: 'criminal_check', label: 'Criminal check', status: checkStatus(instructor.criminal_check_date, today, warningDays) },
    { key: 'driver_abstract', label: 'Abstract', status: checkStatus(instructor.driver_abstract_date, today, warningDays) },
  ];
  // Only instructors who teach in their own car in Toronto have these; absent means not applicable.
  if (instructor.city_licence_expiry) {
    credentials.push({ key: 'city_licence', label: 'City licence', status: expiryStatus(instructor.city_licence_expiry, today, warningDays) });
  }
  if (instructor.own_car_insurance_expiry) {
    credentials.push({ key: 'own_car_insurance', label: 'Own-car insurance', status: expiryStatus(instructor.own_car_insurance_expiry, today, warningDays) });
  }
  return credentials;
}
