/**
 * A correction is a signed number of minutes; the desk enters it as a sign, hours and minutes.
 * These convert both ways and keep it inside the backend's ±6000-minute bound.
 */
export const CORRECTION_LIMIT_MINUTES = 6000;

export type CorrectionSign = '+' | '-';

export type ParsedCorrection = { minutes: number } | { problem: string };

/** ("-", "1", "30") -> { minutes: -90 }; a problem text when the entry is not a usable amount. */
export function parseCorrectionMinutes(sign: CorrectionSign, hoursText: string, minutesText: string): ParsedCorrection {
  const hours = hoursText.trim() === '' ? 0 : wholeNumber(hoursText);
  const minutes = minutesText.trim() === '' ? 0 : wholeNumber(minutesText);
  if (hours === null || minutes === null) return { problem: 'Enter whole hours and minutes, e.g. 1 h 30 min.' };
  if (minutes > 59) return { problem: 'Minutes must be 0 to 59; put whole hours in Hours.' };
  const total = hours * 60 + minutes;
  if (total === 0) return { problem: 'Enter the hours or minutes to add or remove.' };
  if (total > CORRECTION_LIMIT_MINUTES) return { problem: `A correction can be at most ${CORRECTION_LIMIT_MINUTES / 60} hours.` };
  return { minutes: sign === '-' ? -total : total };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** -90 -> "−1 h 30 min", 45 -> "+45 min", 120 -> "+2 h". */
export function formatSignedDuration(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const absolute = Math.abs(minutes);
  const hours = Math.floor(absolute / 60);
  const rest = absolute % 60;
  const parts = [hours > 0 ? `${hours} h` : null, rest > 0 || hours === 0 ? `${rest} min` : null].filter(Boolean);
  return `${sign}${parts.join(' ')}`;
}
