import { describe, expect, it } from 'vitest';
import type { Certifier } from '../types';
import { rememberCertifier, startingCertifier } from './certifier-picker';

const people = [
  { kind: 'instructor', id: 3, name: 'Priya Sharma' },
  { kind: 'staff', id: 1, name: 'Dana Owner' },
] as unknown as Certifier[];

describe('who "Certified by" starts with', () => {
  it('offers the person this account chose last, and never another account’s choice', () => {
    expect(startingCertifier(people, 7)).toBe('');
    rememberCertifier('staff-1', 7);
    expect(startingCertifier(people, 7)).toBe('staff-1');
    // Someone else signs in at the same desk: their dialog starts with nobody chosen.
    expect(startingCertifier(people, 8)).toBe('');
  });

  it('starts with the only person listed when there is one', () => {
    expect(startingCertifier(people.slice(0, 1), 9)).toBe('instructor-3');
  });
});
