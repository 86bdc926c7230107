/**
 * Credential status for the desk: green while valid, amber inside the warning horizon
 * (settings.expiry_warning_days), red once lapsed. Dates are calendar dates in the school's zone.
 */
import { addDays, daysBetween } from './dates';

export type ExpiryState = 'valid' | 'expiring' | 'lapsed' | 'missing';

export type ExpiryStatus = {
  state: ExpiryState;
  /** The last day the credential is good for. */
  expiresOn: string | null;
  /** Days from today to expiresOn: 0 on the last valid day, negative once lapsed. */
  daysLeft: number | null;
};

/**
 * Criminal record checks and driver abstracts are stored as the date they were done, not an expiry.
 * Schools renew them yearly (unconfirmed: no school setting exists for it yet), so they are due a year on.
 */
export const CHECK_VALID_DAYS = 365;

/** Status of something valid up to and including `expiresOn`. */
export function expiryStatus(expiresOn: string | null | undefined, today: string, warningDays: number): ExpiryStatus {
  if (!expiresOn) return { state: 'missing', expiresOn: null, daysLeft: null };
  const daysLeft = daysBetween(today, expiresOn);
  const state: ExpiryState = daysLeft < 0 ? 'lapsed' : daysLeft <= warningDays ? 'expiring' : 'valid';
  return { state, expiresOn, daysLeft };
}

/** Status of a check done on `doneOn`, due again CHECK_VALID_DAYS later. */
export function checkStatus(doneOn: string | null | undefined, today: string, warningDays: number): ExpiryStatus {
  return expiryStatus(doneOn ? addDays(doneOn, CHECK_VALID_DAYS) : null, today, warningDays);
}

/** "Expires in 12 days", "Expired 3 days ago", "Expires today". */
export function describeExpiry(status: ExpiryStatus): string {
  if (status.daysLeft === null) return 'Not recorded';
  const d = status.daysLeft;
  if (d === 0) return 'Expires today';
  if (d > 0) return `Expires in ${d} ${d === 1 ? 'day' : 'days'}`;
  return `Expired ${-d} ${d === -1 ? 'day' : 'days'} ago`;
}
