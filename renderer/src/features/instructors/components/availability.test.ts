import { describe, expect, it } from 'vitest';
import { availabilityProblem, nextSlot, sameAvailability, weeklyMinutes } from './availability';

describe('weekly availability', () => {
  it('accepts separate blocks and refuses overlapping or backwards ones', () => {
    const ok = [
      { weekday: 0, start_minute: 540, end_minute: 720 },
      { weekday: 0, start_minute: 780, end_minute: 1020 },
    ];
    expect(availabilityProblem(ok)).toBeNull();
    expect(weeklyMinutes(ok)).toBe(420);
    expect(availabilityProblem([...ok, { weekday: 0, start_minute: 700, end_minute: 800 }])?.message).toBe('Monday: two blocks overlap.');
    expect(availabilityProblem([{ weekday: 2, start_minute: 600, end_minute: 600 }])?.message).toContain('Wednesday');
  });

  it('suggests the next block after the last one of the day', () => {
    expect(nextSlot([], 4)).toEqual({ weekday: 4, start_minute: 540, end_minute: 1020 });
    expect(nextSlot([{ weekday: 4, start_minute: 540, end_minute: 720 }], 4)).toEqual({ weekday: 4, start_minute: 780, end_minute: 900 });
  });

  it('compares availability regardless of order', () => {
    const a = { weekday: 1, start_minute: 60, end_minute: 120 };
    const b = { weekday: 0, start_minute: 60, end_minute: 120 };
    expect(sameAvailability([a, b], [b, a])).toBe(true);
    expect(sameAvailability([a], [b])).toBe(false);
  });
});
