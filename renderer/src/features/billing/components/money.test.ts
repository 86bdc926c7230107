import { describe, expect, it } from 'vitest';
import { balanceText, money, parseAmount, prepaidText } from './money';

describe('amounts typed as dollars', () => {
  it('reads dollars and cents as integer cents', () => {
    expect(parseAmount('45.20')).toEqual({ ok: true, cents: 4520 });
    expect(parseAmount('45.2')).toEqual({ ok: true, cents: 4520 });
    expect(parseAmount('45')).toEqual({ ok: true, cents: 4500 });
    expect(parseAmount(' $1,045.05 ')).toEqual({ ok: true, cents: 104505 });
    expect(parseAmount('0.01')).toEqual({ ok: true, cents: 1 });
    // No floating-point drift: 0.29 * 100 is 28.999… in a float.
    expect(parseAmount('0.29')).toEqual({ ok: true, cents: 29 });
    expect(parseAmount('19.99')).toEqual({ ok: true, cents: 1999 });
  });

  it('refuses what is not an amount, with words that say why', () => {
    expect(parseAmount('')).toEqual({ ok: false, problem: 'Enter an amount, e.g. 45.20.' });
    for (const bad of ['abc', '45.205', '-5', '4 5', '45.', '1e3']) {
      expect(parseAmount(bad)).toEqual({ ok: false, problem: 'Enter dollars and cents with at most two decimals, e.g. 45.20.' });
    }
    expect(parseAmount('0.00')).toEqual({ ok: false, problem: 'The amount must be more than $0.00.' });
    expect(parseAmount('1000000.01')).toEqual({ ok: false, problem: 'The amount can be at most $1,000,000.00.' });
    expect(parseAmount('50', 4520)).toEqual({ ok: false, problem: 'The amount can be at most $45.20.' });
    expect(parseAmount('45.20', 4520)).toEqual({ ok: true, cents: 4520 });
  });
});

describe('amounts shown to the desk', () => {
  it('writes cents as Canadian dollars', () => {
    expect(money(4520)).toBe('$45.20');
    expect(money(0)).toBe('$0.00');
    expect(money(123456789)).toBe('$1,234,567.89');
    expect(money(-1200)).toBe('-$12.00');
  });

  it('says a balance as owing, credit or paid up', () => {
    expect(balanceText(4520)).toBe('$45.20 owing');
    expect(balanceText(-1200)).toBe('$12.00 credit');
    expect(balanceText(0)).toBe('Paid up');
  });

  it('says prepaid minutes as hours', () => {
    expect(prepaidText(0)).toBe('0 h');
    expect(prepaidText(90)).toBe('1.5 h');
    expect(prepaidText(600)).toBe('10 h');
    expect(prepaidText(50)).toBe('0.83 h');
  });
});
