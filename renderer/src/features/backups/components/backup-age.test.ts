import { describe, expect, it } from 'vitest';
import { backupAge } from './backup-card';

describe('how old the last backup is, in words', () => {
  const now = new Date('2026-12-10T15:00:00Z');
  it('says today, yesterday, or the days', () => {
    expect(backupAge('2026-12-10T09:00:00Z', now)).toBe('today');
    expect(backupAge('2026-12-09T09:00:00Z', now)).toBe('yesterday');
    expect(backupAge('2026-12-01T09:00:00Z', now)).toBe('9 days ago');
  });
  it('never says a backup is from the future when clocks differ a little', () => {
    expect(backupAge('2026-12-10T15:05:00Z', now)).toBe('today');
  });
});
