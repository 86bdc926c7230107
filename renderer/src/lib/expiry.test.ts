import { describe, expect, it } from 'vitest';
import { checkStatus, describeExpiry, expiryStatus } from './expiry';

describe('expiryStatus', () => {
  const today = '2026-03-01';
  it('is valid beyond the warning horizon, expiring inside it, lapsed after the last day', () => {
    expect(expiryStatus('2026-06-01', today, 60).state).toBe('valid');
    expect(expiryStatus('2026-03-31', today, 60)).toEqual({ state: 'expiring', expiresOn: '2026-03-31', daysLeft: 30 });
    expect(expiryStatus('2026-04-30', today, 60).state).toBe('expiring'); // exactly 60 days
    expect(expiryStatus('2026-03-01', today, 60).state).toBe('expiring'); // the last valid day
    expect(expiryStatus('2026-02-28', today, 60)).toEqual({ state: 'lapsed', expiresOn: '2026-02-28', daysLeft: -1 });
    expect(expiryStatus(null, today, 60).state).toBe('missing');
  });

  it('dates a check a year on from when it was done', () => {
    expect(checkStatus('2025-03-15', today, 30)).toMatchObject({ state: 'expiring', expiresOn: '2026-03-15' });
    expect(checkStatus('2024-12-01', today, 30).state).toBe('lapsed');
  });

  it('describes the status in words', () => {
    expect(describeExpiry(expiryStatus('2026-03-01', today, 60))).toBe('Expires today');
    expect(describeExpiry(expiryStatus('2026-03-02', today, 60))).toBe('Expires in 1 day');
    expect(describeExpiry(expiryStatus('2026-02-26', today, 60))).toBe('Expired 3 days ago');
    expect(describeExpiry(expiryStatus(undefined, today, 60))).toBe('Not recorded');
  });
});
