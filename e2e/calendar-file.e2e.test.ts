// Send to phone calendar: from the Calendar screen, an instructor's next 13 weeks as an .ics file where the
// save dialog points, with the lesson in it at its local time. Built renderer in Chromium, the real
// preload, main's handler and the real backend.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './repo-root';
import { newInstructorBody, newVehicleBody } from '../electron/test/contract/samples/school-records';
import { newStudentBody } from '../electron/test/contract/samples/students-samples';
import { expectOk, startHarness, type Harness } from './harness';

const SCREENSHOTS = join(repoRoot, 'test-results/e2e');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  await harness.openApp(harness.page, 'calendar');
});

afterAll(async () => {
  await harness?.close();
});

describe('sending a schedule to a phone calendar', () => {
  it('saves the instructor’s lessons as an .ics file and says how many and where', async () => {
    const instructor = expectOk(await harness.invoke<{ id: number; first_name: string; last_name: string }>('db:instructors:create', { body: newInstructorBody() }));
    const vehicle = expectOk(await harness.invoke<{ id: number }>('db:vehicles:create', { body: newVehicleBody() }));
    const student = expectOk(await harness.invoke<{ id: number; first_name: string; last_name: string }>('db:students:create', { body: { ...newStudentBody(), licence_class: 'G2' } }));
    // A week from now at 15:00 UTC: 10:00 or 11:00 in Toronto, inside the instructor's hours.
    const start = new Date(Date.now() + 7 * 86_400_000);
    start.setUTCHours(15, 0, 0, 0);
    const end = new Date(start.getTime() + 3_600_000);
    expectOk(
      await harness.invoke('db:lessons:book', {
        body: { student_id: student.id, instructor_id: instructor.id, vehicle_id: vehicle.id, starts_at: start.toISOString(), ends_at: end.toISOString() },
      }),
    );
    const page = harness.page;
    const button = page.getByTestId('export-phone-calendar');
    await button.waitFor();
    await page.getByTestId('calendar-resource').selectOption(String(instructor.id));
    await button.click();
    const notice = page.getByTestId('calendar-notice');
    await notice.waitFor();
    const files = readdirSync(harness.savedDir).filter((name) => name.endsWith('.ics'));
    expect(files).toHaveLength(1);
    expect(await notice.textContent()).toContain(`Saved 1 lesson or class for ${instructor.first_name} ${instructor.last_name}`);
    expect(await notice.textContent()).toContain(files[0]);
    await page.screenshot({ path: join(SCREENSHOTS, 'calendar-phone-file.png') });
    const text = readFileSync(join(harness.savedDir, files[0]!), 'utf8');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text).toContain(`SUMMARY:In-car lesson: ${student.first_name} ${student.last_name}`);
    const local = start.toLocaleString('sv-SE', { timeZone: 'America/Toronto' }).replace(/[-:]/g, '').replace(' ', 'T');
    expect(text).toContain(`DTSTART;TZID=America/Toronto:${local}`);
  });
});
