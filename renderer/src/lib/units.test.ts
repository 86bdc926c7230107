import { describe, expect, it } from 'vitest';
import { centsToDollarsText, dollarsToCents, formatHours, formatMoney, hoursToMinutes, minutesToHours } from './units';

describe('minutes and hours', () => {
  it('converts both ways', () => {
    expect(minutesToHours(1200)).toBe(20);
    expect(minutesToHours(90)).toBe(1.5);
    expect(hoursToMinutes('1.5')).toBe(90);
    expect(hoursToMinutes(' 20 ')).toBe(1200);
    expect(hoursToMinutes('0.25')).toBe(15);
    expect(hoursToMinutes('-1')).toBeNull();
    expect(hoursToMinutes('two')).toBeNull();
  });

  it('formats hours for the desk', () => {
    expect(formatHours(600)).toBe('10 h');
    expect(formatHours(90)).toBe('1.5 h');
    expect(formatHours(100)).toBe('1.67 h');
  });
});

describe('cents and dollars', () => {
  it('never goes through floating point for the stored value', () => {
    expect(dollarsToCents('15')).toBe(1500);
    expect(dollarsToCents('$15.5')).toBe(1550);
    expect(dollarsToCents('0.07')).toBe(7);
    expect(dollarsToCents('1,234.56')).toBe(123456);
    expect(dollarsToCents('15.555')).toBeNull();
    expect(centsToDollarsText(4000)).toBe('40.00');
    expect(formatMoney(1500)).toBe('$15.00');
  });
});
