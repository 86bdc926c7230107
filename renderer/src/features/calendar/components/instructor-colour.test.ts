import { describe, expect, it } from 'vitest';
import { INSTRUCTOR_COLOURS, instructorColour } from './instructor-colour';

// The pale backgrounds of the calendar's blocks (calendar.css): scheduled, completed, no-show, class, road test.
const BLOCK_BACKGROUNDS = ['#e8f0fc', '#e7f6ec', '#fdf1ef', '#f4eefc', '#fdf5e6', '#ffffff'];

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

describe('instructor colours', () => {
  it('are dark enough for white text and stand out against every block background', () => {
    for (const colour of INSTRUCTOR_COLOURS) {
      expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
      for (const background of BLOCK_BACKGROUNDS) expect(contrast(colour, background), `${colour} on ${background}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('are stable per instructor and differ for instructors next to each other', () => {
    expect(instructorColour(7)).toBe(instructorColour(7));
    expect(instructorColour(7)).toBe(instructorColour(7 + INSTRUCTOR_COLOURS.length));
    const firstEight = Array.from({ length: INSTRUCTOR_COLOURS.length }, (_, index) => instructorColour(index + 1));
    expect(new Set(firstEight).size).toBe(INSTRUCTOR_COLOURS.length);
  });
});
