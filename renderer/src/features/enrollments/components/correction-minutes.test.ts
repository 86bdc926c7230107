import { describe, expect, it } from 'vitest';
import { formatSignedDuration, parseCorrectionMinutes } from './correction-minutes';

describe('parseCorrectionMinutes', () => {
  it('combines the sign, hours and minutes', () => {
    expect(parseCorrectionMinutes('+', '1', '30')).toEqual({ minutes: 90 });
    expect(parseCorrectionMinutes('-', '2', '')).toEqual({ minutes: -120 });
    expect(parseCorrectionMinutes('-', '', '45')).toEqual({ minutes: -45 });
    expect(parseCorrectionMinutes('+', ' 0 ', '5')).toEqual({ minutes: 5 });
  });

  it('refuses zero, fractions, negatives typed into the fields and minutes past 59', () => {
    expect(parseCorrectionMinutes('+', '', '')).toHaveProperty('problem');
    expect(parseCorrectionMinutes('+', '0', '0')).toHaveProperty('problem');
    expect(parseCorrectionMinutes('+', '1.5', '')).toHaveProperty('problem');
    expect(parseCorrectionMinutes('-', '-1', '')).toHaveProperty('problem');
    expect(parseCorrectionMinutes('+', '1', '60')).toHaveProperty('problem');
    expect(parseCorrectionMinutes('+', 'abc', '')).toHaveProperty('problem');
  });

  it('keeps to the ±6000-minute bound', () => {
    expect(parseCorrectionMinutes('-', '100', '')).toEqual({ minutes: -6000 });
    expect(parseCorrectionMinutes('+', '100', '1')).toHaveProperty('problem');
  });
});

describe('formatSignedDuration', () => {
  it('shows hours and minutes with a sign', () => {
    expect(formatSignedDuration(-90)).toBe('−1 h 30 min');
    expect(formatSignedDuration(45)).toBe('+45 min');
    expect(formatSignedDuration(120)).toBe('+2 h');
    expect(formatSignedDuration(0)).toBe('+0 min');
  });
});
