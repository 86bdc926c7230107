import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ConflictList } from './conflict-list';

const G1 = {
  code: 'lesson.g1_night_ban',
  message: 'A G1 driver may not drive between 12:00 a.m. and 5:00 a.m.; this lesson runs 4:00–5:30 a.m. on Tue, Jun 10.',
  details: { licence_class_on_file: 'G1', starts_at: '2031-06-10T08:00:00Z', ends_at: '2031-06-10T09:30:00Z' },
};
const DOUBLE = {
  code: 'lesson.instructor_double_booked',
  message: 'The instructor is already booked with Maya Chen 4:00–5:00 p.m. on Tue, Jun 10.',
  details: { conflicting_lesson_id: 1865, conflicting_student_name: 'Maya Chen', starts_at: '2031-06-10T20:00:00Z', ends_at: '2031-06-10T21:00:00Z' },
};

describe('ConflictList', () => {
  it('says each rule in its own words: a night ban never reads as a booking', () => {
    const html = renderToStaticMarkup(<ConflictList conflicts={[G1]} />);
    expect(html).toContain('A G1 driver may not drive');
    expect(html).not.toMatch(/already booked/i);
  });

  it('names the other booking by student and time, never by its number, in one time format', () => {
    const html = renderToStaticMarkup(<ConflictList conflicts={[DOUBLE]} />);
    expect(html).toContain('already booked with Maya Chen 4:00–5:00 p.m.');
    expect(html).not.toContain('#1865');
    expect(html).not.toMatch(/\b1[3-9]:\d\d\b/);
  });

  it('adds why the G1 rules hold a student with no class on file', () => {
    const html = renderToStaticMarkup(<ConflictList conflicts={[{ ...G1, details: { licence_class_on_file: null } }]} />);
    expect(html).toContain('No licence class is on file');
  });
});
