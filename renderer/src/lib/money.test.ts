import { describe, expect, it } from 'vitest';
import { formatMoney, formatTaxRate } from './money';
import { formatMoney as formatMoneyFromUnits } from './units';

describe('money for people', () => {
  it('writes integer cents as dollars, with thousands and a sign', () => {
    expect(formatMoney(1500)).toBe('$15.00');
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(123_456_789)).toBe('$1,234,567.89');
    expect(formatMoney(-250)).toBe('-$2.50');
  });

  it('is the one formatter: units.ts hands out the same function', () => {
    expect(formatMoneyFromUnits).toBe(formatMoney);
  });

  it('writes a tax rate in basis points as a percentage', () => {
    expect(formatTaxRate(1300)).toBe('13%');
    expect(formatTaxRate(1250)).toBe('12.5%');
    expect(formatTaxRate(1275)).toBe('12.75%');
    expect(formatTaxRate(500)).toBe('5%');
    expect(formatTaxRate(0)).toBe('0%');
  });
});
