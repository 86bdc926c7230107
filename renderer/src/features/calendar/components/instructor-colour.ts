/**
 * One colour per instructor, the same on every calendar: the edge of their blocks and the swatch by their
 * name. Derived from the instructor's id, so it never changes between screens or seats. Each colour is dark
 * enough for white text (4.5:1) and stands out 3:1 against every block's pale background (the unit test
 * checks both).
 */
export const INSTRUCTOR_COLOURS = ['#1d4f91', '#8a3b00', '#1b6b3a', '#6f2d8c', '#9c1f4a', '#0e6470', '#5b5300', '#464b66'] as const;

export function instructorColour(instructorId: number): string {
  const n = INSTRUCTOR_COLOURS.length;
  return INSTRUCTOR_COLOURS[((instructorId % n) + n) % n]!;
}
