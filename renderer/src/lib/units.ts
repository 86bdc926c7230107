/**
 * The backend stores durations in minutes and money in integer cents; the desk thinks in hours and
 * dollars. These convert both ways without floating-point drift.
 */

/** 90 -> 1.5; rounded to 2 decimals for display. */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** "1.5" -> 90; null when the text is not a non-negative number. */
export function hoursToMinutes(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return null;
  return Math.round(Number(trimmed) * 60);
}

/** 90 -> "1.5 h", 600 -> "10 h". */
export function formatHours(minutes: number): string {
  const hours = minutesToHours(minutes);
  return `${Number.isInteger(hours) ? hours : hours.toFixed(hours * 10 === Math.round(hours * 10) ? 1 : 2)} h`;
}

/** 1500 -> "$15.00": the one money formatter, kept in money.ts beside the tax rate's. */
export { formatMoney } from './money';

/** 1500 -> "15.00", for an editable dollars field. */
export function centsToDollarsText(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** "15", "15.5", "$15.00" -> cents; null when not an amount with at most 2 decimals. */
export function dollarsToCents(text: string): number | null {
  const trimmed = text.trim().replace(/^\$/, '').replace(/,/g, '');
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(trimmed);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 3_670_016 -> "3.5 MB": a file's size for the desk. */
export function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
