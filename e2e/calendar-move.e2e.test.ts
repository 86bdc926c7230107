// Moving a lesson by keyboard on the calendar, in Chromium at 1366×768 through the real preload, bridge and
// backend: Tab to the lesson, Alt+↓ four times, Enter; the keys are counted. A move onto another student's
// lesson is refused by the same booking rule as the dialog, in words, and the block snaps back; Esc puts a
// pending move back without saving. The same moves by mouse: drag the block (or its bottom edge), let go to save,
// Esc to put it back. axe-watch.ts checks the screen (0 serious or critical findings).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfWeek } from '../renderer/src/lib/dates';
import { axeIdle, expectOk, repoRoot, startHarness, type Harness } from './harness';
import { carCivic, instructorPriya } from './school-seed';
import { torontoDate, torontoInstant } from './school-time';

const SHOTS = process.env.ODSM_SHOTS_DIR ?? join(repoRoot, 'test-results/e2e');
const DAY = 2; // the lessons' day, from today
type Id = { id: number };
type Lesson = { id: number; starts_at: string; ends_at: string; version: number };

let harness: Harness;
let page: Page;
let maya: Id;

async function invoke<T>(channel: string, payload: unknown): Promise<T> {
  return expectOk(await harness.invoke<T>(channel, payload));
}

/** The keyboard, with every key the desk presses counted. */
let keys = 0;
async function press(key: string) {
  keys += 1;
  await page.keyboard.press(key);
}

const block = () => page.locator(`[data-testid="calendar-lesson"][data-lesson-id="${maya.id}"]`);
const focusedLessonId = () => page.evaluate(() => document.activeElement?.getAttribute('data-lesson-id') ?? '');
const stored = () => invoke<Lesson>('db:lessons:get', { lesson_id: maya.id });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = harness.page;
  const priya = await invoke<Id>('db:instructors:create', { body: instructorPriya() });
  const car = await invoke<Id>('db:vehicles:create', { body: carCivic() });
  const student = (first: string, last: string, licence: string) =>
    invoke<Id>('db:students:create', { body: { first_name: first, last_name: last, date_of_birth: '2000-05-14', licence_number: licence, licence_class: 'G2' } });
  const mayaStudent = await student('Maya', 'Singh', 'S1234-56780-00514');
  const noah = await student('Noah', 'Tremblay', 'T6543-21090-00514');
  const book = (studentId: number, from: number) =>
    invoke<Id>('db:lessons:book', {
      body: { student_id: studentId, instructor_id: priya.id, vehicle_id: car.id, starts_at: torontoInstant(DAY, from * 60), ends_at: torontoInstant(DAY, (from + 1) * 60) },
    });
  maya = await book(mayaStudent.id, 10);
  await book(noah.id, 13);
  await harness.openApp(page, 'calendar');
  // Show the lessons' week (it may be next week's when today is late in the week).
  await page.getByLabel('Go to date').fill(torontoDate(DAY));
  await block().waitFor();
});

afterAll(async () => {
  await harness?.close();
});

describe('an instructor’s week', () => {
  it('hatches the hours outside the instructor’s weekly hours (8 a.m. to 6 p.m. here) in every day’s column', async () => {
    const column = page.locator(`[data-testid="calendar-column"][data-date="${torontoDate(DAY)}"]`);
    // Before 8 a.m. and after 6 p.m., within the calendar's visible hours.
    await expect.poll(() => column.locator('[data-off="outside_hours"]').count()).toBe(2);
    expect(await page.locator('[data-testid="calendar-column"] [data-off="outside_hours"]').count()).toBe(14);
  });
});

describe('moving a lesson by keyboard', () => {
  it('tabs to the lesson, moves it an hour later with Alt+↓ four times, and saves with Enter', async () => {
    await page.getByRole('heading', { level: 1, name: 'Calendar' }).focus();
    keys = 0;
    for (let tabs = 0; tabs < 30 && (await focusedLessonId()) !== String(maya.id); tabs += 1) await press('Tab');
    expect(await focusedLessonId()).toBe(String(maya.id));
    for (let step = 0; step < 4; step += 1) await press('Alt+ArrowDown');
    await expect.poll(() => page.getByTestId('calendar-move-status').innerText()).toMatch(/Moving Maya Singh’s lesson to .*11:00 a\.m\.–12:00 p\.m\. Enter saves the move; Esc puts it back\./);
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'calendar-move-pending.png') });
    await press('Enter');
    await expect.poll(() => page.getByTestId('calendar-notice').innerText()).toMatch(/Moved Maya Singh’s lesson to .*11:00 a\.m\.–12:00 p\.m\./);
    console.log(`[calendar-move] keys to move a lesson an hour later, from the calendar's heading: ${keys}`);
    expect(keys).toBeLessThanOrEqual(24); // 23 here: 18 Tabs past the toolbar (its views now Day, Week, School day), 4 moves, Enter
    const lesson = await stored();
    expect([lesson.starts_at, lesson.ends_at].map((t) => new Date(t).toISOString())).toEqual([torontoInstant(DAY, 11 * 60), torontoInstant(DAY, 12 * 60)]);
    await expect.poll(() => block().innerText()).toContain('11:00 a.m.–12:00 p.m.');
    expect(await focusedLessonId()).toBe(String(maya.id));
  });

  it('refuses a move onto another student’s lesson in words, and the block snaps back', async () => {
    await block().focus();
    for (let step = 0; step < 8; step += 1) await page.keyboard.press('Alt+ArrowDown'); // 1:00–2:00 p.m.: Noah's
    await expect.poll(() => page.getByTestId('calendar-move-status').innerText()).toContain('1:00–2:00 p.m.');
    await page.keyboard.press('Enter');
    const refused = page.getByTestId('calendar-move-refused');
    await expect.poll(() => refused.innerText()).toContain('Maya Singh’s lesson was not moved: it stays at');
    expect(await refused.innerText()).not.toContain('p.m..');
    expect(await page.getByTestId('calendar-notice').count()).toBe(0); // the earlier move's notice is gone
    expect(await refused.innerText()).toMatch(/Noah Tremblay/);
    await expect.poll(() => block().innerText()).toContain('11:00 a.m.–12:00 p.m.');
    expect(await page.getByTestId('calendar-move-status').innerText()).toBe('');
    expect(new Date((await stored()).starts_at).toISOString()).toBe(torontoInstant(DAY, 11 * 60));
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'calendar-move-refused.png') });
  });

  it('puts a pending move back with Esc and saves nothing', async () => {
    const before = await stored();
    // A day on, or a day back when the next day starts another week.
    const sameWeek = startOfWeek(torontoDate(DAY + 1)) === startOfWeek(torontoDate(DAY));
    const otherDay = torontoDate(sameWeek ? DAY + 1 : DAY - 1);
    await block().focus();
    await page.keyboard.press(sameWeek ? 'Alt+ArrowRight' : 'Alt+ArrowLeft');
    await page.keyboard.press('Alt+Shift+ArrowDown');
    await expect.poll(() => page.getByTestId('calendar-move-status').innerText()).toContain('11:00 a.m.–12:15 p.m.');
    // The block follows to the other day's column, focus with it.
    await expect.poll(() => block().evaluate((el) => el.closest('[data-testid="calendar-column"]')?.getAttribute('data-date'))).toBe(otherDay);
    expect(await focusedLessonId()).toBe(String(maya.id));
    await page.keyboard.press('Escape');
    await expect.poll(() => block().evaluate((el) => el.closest('[data-testid="calendar-column"]')?.getAttribute('data-date'))).toBe(torontoDate(DAY));
    expect(await page.getByTestId('calendar-move-status').innerText()).toBe('');
    expect((await stored()).version).toBe(before.version);
  });
});

describe('moving a lesson with the mouse', () => {
  /** Presses on the block (or its bottom edge), moves by `dy` pixels in a few steps, and lets go unless told not to. */
  async function drag(dy: number, options: { edge?: boolean; release?: boolean } = {}) {
    // Where the desk would start: the lesson in the middle of the calendar's view, with room below to drag into.
    await block().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await block().boundingBox())!;
    const x = box.x + box.width / 2;
    const y = options.edge ? box.y + box.height - 3 : box.y + 12;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y + dy / 2, { steps: 4 });
    await page.mouse.move(x, y + dy, { steps: 4 });
    if (options.release !== false) await page.mouse.up();
  }
  const startsAt = async () => new Date((await stored()).starts_at).toISOString();
  let hour = 0;

  beforeAll(async () => {
    hour = (await block().boundingBox())!.height; // the lesson is an hour long
  });

  it('drags the lesson an hour later: the block follows, and letting go saves it through the same rules', async () => {
    await drag(hour, { release: false });
    await expect.poll(() => page.getByTestId('calendar-move-status').innerText()).toContain('12:00–1:00 p.m.');
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('calendar-notice').innerText()).toMatch(/Moved Maya Singh’s lesson to .*12:00–1:00 p\.m\./);
    expect(await startsAt()).toBe(torontoInstant(DAY, 12 * 60));
    // The drop is not a click: no lesson dialog opened.
    expect(await page.getByRole('dialog').count()).toBe(0);
    await axeIdle(page);
  });

  it('refuses a drop onto another student’s lesson in words, and the block snaps back', async () => {
    await drag(hour); // 1:00–2:00 p.m.: Noah's
    const refused = page.getByTestId('calendar-move-refused');
    await expect.poll(() => refused.innerText()).toContain('Maya Singh’s lesson was not moved');
    expect(await refused.innerText()).toMatch(/Noah Tremblay/);
    await expect.poll(() => block().innerText()).toContain('12:00–1:00 p.m.');
    expect(await startsAt()).toBe(torontoInstant(DAY, 12 * 60));
  });

  it('puts a drag back with Esc before letting go, and saves nothing', async () => {
    const before = await stored();
    await drag(hour / 2, { edge: true, release: false });
    await expect.poll(() => page.getByTestId('calendar-move-status').innerText()).toContain('12:00–1:30 p.m.');
    await page.keyboard.press('Escape');
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('calendar-move-status').innerText()).toBe('');
    expect((await stored()).version).toBe(before.version);
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('makes the lesson shorter by dragging its bottom edge up', async () => {
    await drag(-hour / 4, { edge: true });
    await expect.poll(() => page.getByTestId('calendar-notice').innerText()).toMatch(/12:00–12:45 p\.m\./);
    const lesson = await stored();
    expect(new Date(lesson.ends_at).toISOString()).toBe(torontoInstant(DAY, 12 * 60 + 45));
  });

  it('still opens the lesson on a plain click', async () => {
    await block().click();
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
  });
});
