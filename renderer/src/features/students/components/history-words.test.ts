import { describe, expect, it } from 'vitest';
import { historyLine, type HistoryEntry, type HistoryNames } from './history-words';

const names = (timeFormat: '12h' | '24h'): HistoryNames => ({
  lessons: new Map([[1858, { instructor_name: 'Raj Patel', vehicle_plate: 'CAR 123' }]]),
  courses: new Map([[7, 'BDE Fall']]),
  timeFormat,
  timeZone: 'America/Toronto',
});

const base = { id: 1, at: '2031-06-09T14:05:00Z', actor: 'front desk', entity_id: '1858', reason: null };
const booked: HistoryEntry = {
  ...base,
  entity: 'lessons',
  action: 'create',
  before: null,
  after: { starts_at: '2031-06-10T20:00:00Z', ends_at: '2031-06-10T21:00:00Z', status: 'scheduled' },
};

describe('historyLine', () => {
  it('names the instructor, the car and the time of a booking instead of "Created Lesson #1858"', () => {
    const line = historyLine(booked, names('12h'));
    expect(line.text).toBe('Booked a lesson with Raj Patel in CAR 123 for 4:00–5:00 p.m. on Tue, Jun 10');
    expect(line.when).toBe('Jun 9, 2031 at 10:05 a.m.');
    expect(line.who).toBe('front desk');
  });

  it('writes times in the school’s 24-hour format when that is the setting', () => {
    expect(historyLine(booked, names('24h')).text).toBe('Booked a lesson with Raj Patel in CAR 123 for 16:00–17:00 on Tue, Jun 10');
  });

  it('says a completed, cancelled or moved lesson in words', () => {
    const done = { ...booked, action: 'update', before: booked.after, after: { ...booked.after, status: 'completed' } };
    expect(historyLine(done, names('12h')).text).toBe('Completed the lesson of 4:00–5:00 p.m. on Tue, Jun 10 with Raj Patel');
    const moved = { ...booked, action: 'update', before: booked.after, after: { ...booked.after, starts_at: '2031-06-11T13:00:00Z', ends_at: '2031-06-11T14:00:00Z' } };
    expect(historyLine(moved, names('12h')).text).toBe('Moved the lesson with Raj Patel from 4:00–5:00 p.m. on Tue, Jun 10 to 9:00–10:00 a.m. on Wed, Jun 11');
  });

  it('names what changed on the student’s record, and the course of an enrollment', () => {
    const phone: HistoryEntry = { ...base, entity: 'students', entity_id: '3', action: 'update', before: { phone: '416-555-0100', version: 1 }, after: { phone: '905-555-0111', version: 2 } };
    expect(historyLine(phone, names('12h')).text).toBe('Changed the phone from 416-555-0100 to 905-555-0111');
    const enrolled: HistoryEntry = { ...base, entity: 'enrollments', entity_id: '7', action: 'create', before: null, after: { course_id: 2 } };
    expect(historyLine(enrolled, names('12h')).text).toBe('Enrolled in BDE Fall');
  });
});
