/** Credited hours per week (weeks starting Monday), for the small chart on a student's progress. */
import { startOfWeek } from '../../../lib/dates';
import { minutesToHours } from '../../../lib/units';
import type { LedgerEntry } from '../types';

export function hoursByWeek(ledger: readonly LedgerEntry[], lastWeeks = 8): Array<{ key: string; label: string; value: number }> {
  const byWeek = new Map<string, number>();
  for (const entry of ledger) {
    const week = startOfWeek(entry.occurred_on);
    byWeek.set(week, (byWeek.get(week) ?? 0) + entry.minutes);
  }
  return [...byWeek.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-lastWeeks)
    .map(([week, minutes]) => ({ key: week, label: week.slice(5).replace('-', '/'), value: minutesToHours(Math.max(0, minutes)) }));
}
