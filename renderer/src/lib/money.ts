/**
 * Money on screen and on paper. The backend keeps every amount in integer cents and every tax rate in
 * basis points (1300 = 13 %); these write them for people without a float ever touching the cents.
 */

const DOLLARS = new Intl.NumberFormat('en-CA', { maximumFractionDigits: 0 });

/** 1500 -> "$15.00", 123456789 -> "$1,234,567.89", -250 -> "-$2.50". */
export function formatMoney(cents: number): string {
  const whole = Math.round(cents);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const dollars = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${sign}$${DOLLARS.format(dollars)}.${String(rest).padStart(2, '0')}`;
}

/** 1300 -> "13%", 1250 -> "12.5%", 0 -> "0%". */
export function formatTaxRate(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100);
  const rest = basisPoints % 100;
  if (rest === 0) return `${whole}%`;
  return `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}
