import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_FILE_CHANNEL, type CalendarFileResult } from '../../shared/calendar-file-channels';
import { startRealBridge, type RealBridge } from '../support/real-bridge';
import { saveDialogStandIn } from '../support/save-dialog-stand-in';
import { bookedLesson } from './samples/school-records';

// An instructor's schedule for a phone, through the real handlers and backend; the save dialog answers a
// folder of the test's.
let real: RealBridge;
let saved: string;

beforeAll(async () => {
  real = await startRealBridge((dir) => {
    saved = join(dir, 'phone');
    return { saveDialog: saveDialogStandIn(saved) };
  });
  await mkdir(saved);
});

afterAll(() => real?.stop());

const localDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });

describe('exporting a schedule for a phone calendar', () => {
  it('saves one .ics file where the user picked, holding the lesson at its time in the school zone', async () => {
    const { lesson, parties } = await bookedLesson(real.call);
    const day = localDay(lesson.starts_at);
    const result = await real.call<CalendarFileResult>(CALENDAR_FILE_CHANNEL, { instructorId: parties.instructor.id, firstDay: day, lastDay: day });
    expect(real.bridge.validator.validateResponse(CALENDAR_FILE_CHANNEL, result)).toEqual({ valid: true });
    if (!result.saved) throw new Error('not saved');
    expect(result.events).toBe(1);
    expect(await readdir(saved)).toEqual([`schedule-${day}-to-${day}.ics`]);
    const text = await readFile(result.path, 'utf8');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:America/Toronto');
    const wall = new Date(lesson.starts_at).toLocaleTimeString('en-GB', { timeZone: 'America/Toronto', hour12: false }).replaceAll(':', '');
    expect(text).toContain(`DTSTART;TZID=America/Toronto:${day.replaceAll('-', '')}T${wall}`);
    expect(text).toContain(`SUMMARY:In-car lesson: ${parties.enrolled.student.first_name} ${parties.enrolled.student.last_name}`);
  });

  it('refuses an unknown instructor with the backend code, and a payload outside the schema before main acts', async () => {
    const unknown = await real.bridge.invoke(CALENDAR_FILE_CHANNEL, { instructorId: 999_999, firstDay: '2030-01-07', lastDay: '2030-01-08' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'instructor.not_found' } });
    const bad = await real.bridge.invoke(CALENDAR_FILE_CHANNEL, { instructorId: 1, firstDay: 'Monday', lastDay: '2030-01-08', path: '/etc/passwd' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});
