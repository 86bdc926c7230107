import { dollarsToCents, formatMoney } from '../../../lib/units';

/** The most one money record may carry (the backend's PositiveCents): $1,000,000.00. */
export const MAX_CENTS = 100_000_000;

export type AmountCheck = { ok: true; cents: number } | { ok: false; problem: string };

/**
 * What the desk typed as dollars ("45.20", "45.2", "$1,045") as integer cents, or the words that say
 * what is wrong with it. `most` caps it (what is left of a payment to refund), named in the words.
 */
export function parseAmount(text: string, most: number = MAX_CENTS): AmountCheck {
  if (text.trim() === '') return { ok: false, problem: 'Enter an amount, e.g. 45.20.' };
  const cents = dollarsToCents(text);
  if (cents === null) return { ok: false, problem: 'Enter dollars and cents with at most two decimals, e.g. 45.20.' };
  if (cents === 0) return { ok: false, problem: 'The amount must be more than $0.00.' };
  if (cents > most) return { ok: false, problem: `The amount can be at most ${money(most)}.` };
  return { ok: true, cents };
}

/** 4520 -> "$45.20"; -1200 -> "-$12.00". */
export function money(cents: number): string {
  return formatMoney(cents);
}

/** The balance in words: what the student owes, or the credit on their account. */
export function balanceText(balanceCents: number): string {
  if (balanceCents > 0) return `${money(balanceCents)} owing`;
  if (balanceCents < 0) return `${money(-balanceCents)} credit`;
  return 'Paid up';
}

/** Prepaid minutes as hours the desk reads: 90 -> "1.5 h", 0 -> "0 h". */
export function prepaidText(minutes: number): string {
  const hours = Math.round((minutes / 60) * 100) / 100;
  return `${hours} h`;
}
