// Dates and instants in the school's zone for e2e set-up, relative to today in Toronto, whatever
// zone the test machine runs in. The same conversions the renderer uses (renderer/src/lib/dates.ts).
import { addDays, todayIn, zonedToInstant } from '../renderer/src/lib/dates';

const ZONE = 'America/Toronto';

/** Today plus `days` in Toronto, YYYY-MM-DD. */
export function torontoDate(days: number): string {
  return addDays(todayIn(ZONE), days);
}

/** `minute` after midnight on (today plus `days`) in Toronto, as an ISO instant. */
export function torontoInstant(days: number, minute: number): string {
  return zonedToInstant(torontoDate(days), minute, ZONE);
}
