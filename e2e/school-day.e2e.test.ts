// The school day on the calendar, in Chromium at 1366×768 through the real preload, bridge and backend: the
// desk switches to it by keyboard, sees two instructors' lessons in their own columns with the time they
// cannot be booked hatched, and books a lesson from an empty slot with the keys alone (arrows, Enter), which
// then shows in that instructor's column; a lesson moves there in time by keyboard. axe-watch.ts checks the screen (0 serious or critical findings).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeIdle, expectOk, repoRoot, startHarness, type Harness } from './harness';
import { carCivic, instructorPriya } from './school-seed';
import { torontoDate, torontoInstant } from './school-time';

const SHOTS = process.env.ODSM_SHOTS_DIR ?? join(repoRoot, 'test-results/e2e');
const DAY = 2; // the lessons' day, from today
type Id = { id: number };
type SchoolDay = { lessons: Array<{ id: number; instructor_id: number; student_id: number; starts_at: string }> };

let harness: Harness;
let page: Page;
let priya: Id;
let marc: Id;
let noah: Id;
let lea: Id;

async function invoke<T>(channel: string, payload: unknown): Promise<T> {
  return expectOk(await harness.invoke<T>(channel, payload));
}

const column = (instructor: Id) => page.locator(`[data-testid="school-day-column"][data-instructor-id="${instructor.id}"]`);
const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = harness.page;
  priya = await invoke<Id>('db:instructors:create', { body: instructorPriya() });
  // Marc works 9:00 to 17:00 and has the afternoon of the lessons' day off from 15:00.
  marc = await invoke<Id>('db:instructors:create', {
    body: {
      ...instructorPriya(),
      first_name: 'Marc',
      last_name: 'Dubois',
      di_licence_number: 'DI-40022',
      availability: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start_minute: 9 * 60, end_minute: 17 * 60 })),
    },
  });
  await invoke('db:instructors:addTimeOff', { instructor_id: marc.id, body: { starts_at: torontoInstant(DAY, 15 * 60), ends_at: torontoInstant(DAY, 17 * 60), reason: 'Dentist' } });
  const civic = await invoke<Id>('db:vehicles:create', { body: carCivic() });
  const corolla = await invoke<Id>('db:vehicles:create', { body: { ...carCivic(), plate: 'CDEF 124', vin: '2HGFC2F59JH000002', make: 'Toyota', model: 'Corolla' } });
  const student = (first: string, last: string, licence: string) =>
    invoke<Id>('db:students:create', { body: { first_name: first, last_name: last, date_of_birth: '2000-05-14', licence_number: licence, licence_class: 'G2' } });
  const maya = await student('Maya', 'Singh', 'S1234-56780-00514');
  noah = await student('Noah', 'Tremblay', 'T6543-21090-00514');
  lea = await student('Léa', 'Roy', 'R1234-56780-00514');
  const book = (studentId: number, instructor: Id, car: Id, hour: number) =>
    invoke<Id>('db:lessons:book', {
      body: { student_id: studentId, instructor_id: instructor.id, vehicle_id: car.id, starts_at: torontoInstant(DAY, hour * 60), ends_at: torontoInstant(DAY, (hour + 1) * 60) },
    });
  await book(maya.id, priya, civic, 10);
  await book(noah.id, marc, corolla, 13);
  await harness.openApp(page, 'calendar');
  await page.getByLabel('Go to date').fill(torontoDate(DAY));
});

afterAll(async () => {
  await harness?.close();
});

describe('the school day', () => {
  it('is reached by keyboard and shows each instructor’s lessons in their own column', async () => {
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).focus();
    for (let tabs = 0; tabs < 30 && (await focusedTestId()) !== 'view-school'; tabs += 1) await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('view-school');
    await page.keyboard.press('Enter');
    await page.getByTestId('school-day-grid').waitFor();
    expect(await page.getByTestId('view-school').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('school-day-head').allInnerTexts()).toEqual(['Marc Dubois', 'Priya Sharma']);
    await expect.poll(() => column(priya).getByTestId('calendar-lesson').allInnerTexts()).toEqual([expect.stringContaining('Maya Singh')]);
    expect(await column(marc).getByTestId('calendar-lesson').allInnerTexts()).toEqual([expect.stringContaining('Noah Tremblay')]);
    // Marc's time off and the hours he does not work are hatched and said in words, not by colour alone.
    expect(await column(marc).locator('.sd__off--time_off').innerText()).toBe('Time off');
    expect(await column(marc).locator('[data-minute="900"]').getAttribute('aria-label')).toBe('Book a lesson with Marc Dubois at 3:00 p.m. (time off)');
    expect(await column(marc).locator('[data-minute="420"]').getAttribute('aria-label')).toBe('Book a lesson with Marc Dubois at 7:00 a.m. (outside weekly hours)');
    expect(await column(priya).locator('[data-minute="600"]').getAttribute('aria-label')).toBe('Book a lesson with Priya Sharma at 10:00 a.m.');
    expect(await page.locator('.cal-legend').innerText()).toContain('Hatched: outside the instructor’s weekly hours or time off');
    // Each instructor's blocks are edged in their own colour, the one by their name.
    const edge = await column(priya).getByTestId('calendar-lesson').evaluate((el) => getComputedStyle(el).borderLeftColor);
    const swatch = await page.getByTestId('school-day-head').nth(1).locator('.sd__swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(edge).toBe(swatch);
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'school-day.png') });
  });

  it('books a lesson from an empty slot with the keys alone, and the lesson shows in that column', async () => {
    // One Tab stop for the empty slots: it begins at 9:00 in the first column (Marc's).
    await page.getByTestId('school-day-scroll').focus();
    await page.keyboard.press('Tab');
    expect(await focusedTestId()).toBe('school-day-slot');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Book a lesson with Marc Dubois at 9:00 a.m.');
    await page.keyboard.press('ArrowRight'); // Priya
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // 11:00, after Maya's lesson
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Book a lesson with Priya Sharma at 11:00 a.m.');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('lesson-dialog');
    await dialog.waitFor();
    expect(await dialog.locator('#lesson-instructor').inputValue()).toBe(String(priya.id));
    expect(await dialog.locator('#lesson-date').inputValue()).toBe(torontoDate(DAY));
    expect(await dialog.locator('#lesson-start').inputValue()).toBe('11:00');
    await dialog.getByTestId('lesson-student-search').focus();
    await page.keyboard.type('Roy');
    await dialog.getByTestId('student-option').filter({ hasText: 'Roy, Léa' }).first().focus();
    await page.keyboard.press('Enter');
    await dialog.locator('#lesson-vehicle').focus();
    await page.keyboard.press('ArrowDown'); // the first car: the Civic
    await dialog.getByTestId('lesson-check-ok').waitFor();
    await axeIdle(page);
    await dialog.getByTestId('save-lesson').focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => column(priya).getByTestId('calendar-lesson').allInnerTexts()).toEqual([expect.stringContaining('Maya Singh'), expect.stringContaining('Léa Roy')]);
    const stored = await invoke<SchoolDay>('db:lessons:schoolDay', { day: torontoDate(DAY) });
    const booked = stored.lessons.find((lesson) => lesson.student_id === lea.id);
    expect(booked?.instructor_id).toBe(priya.id);
    expect(new Date(booked!.starts_at).toISOString()).toBe(torontoInstant(DAY, 11 * 60));
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'school-day-booked.png') });
  });

  it('moves a lesson in time with Alt+↓ and saves it with Enter; Alt+→ leaves it with its instructor', async () => {
    const block = column(marc).getByTestId('calendar-lesson');
    await block.focus();
    await page.keyboard.press('Alt+ArrowRight'); // another instructor is another column: not a move here
    expect(await page.getByTestId('calendar-move-status').innerText()).toBe('');
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(() => page.getByTestId('calendar-move-status').innerText()).toMatch(/Moving Noah Tremblay’s lesson to .*2:00–3:00 p\.m\./);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('calendar-notice').innerText()).toMatch(/Moved Noah Tremblay’s lesson to .*2:00–3:00 p\.m\./);
    await expect.poll(() => block.innerText()).toContain('2:00–3:00 p.m.');
    const stored = await invoke<SchoolDay>('db:lessons:schoolDay', { day: torontoDate(DAY) });
    const moved = stored.lessons.find((lesson) => lesson.student_id === noah.id);
    expect([moved?.instructor_id, new Date(moved!.starts_at).toISOString()]).toEqual([marc.id, torontoInstant(DAY, 14 * 60)]);
  });
});
