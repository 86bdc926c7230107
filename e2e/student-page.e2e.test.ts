// A student's page end to end, in Chromium at 1366×768 through the real preload, bridge and backend:
// the desk finds a student by part of a name with the keyboard alone and reads the next lesson, counting
// the keys; the tabs, the history in words, "Book lesson" for this student and "Edit details" as its own
// mode. axe-watch.ts checks the page and each dialog as it opens (0 serious or critical findings).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../shared-contracts/channels';
import { axeIdle, expectOk, startHarness, type Harness } from './harness';
import { carCivic, instructorPriya } from './school-seed';
import { torontoDate, torontoInstant } from './school-time';

/** A busy build machine: a search's debounce and answer may take a few seconds. Not a speed test. */
const SETTLE = { timeout: 15_000 };
const SHOTS = process.env.ODSM_SHOTS_DIR ?? '/tmp/shots/studentpage';
type Id = { id: number };

let harness: Harness;
let page: Page;
let studentId = 0;

async function invoke<T>(channel: string, payload: unknown): Promise<T> {
  return expectOk((await harness.invoke<T>(channel, payload)) as IpcResult<T>);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = harness.page;
  const priya = await invoke<Id>('db:instructors:create', { body: instructorPriya() });
  const car = await invoke<Id>('db:vehicles:create', { body: carCivic() });
  studentId = (
    await invoke<Id>('db:students:create', {
      body: { first_name: 'Maya', last_name: 'Singh', date_of_birth: '2008-05-14', phone: '647-555-0131', licence_number: 'S1234-56780-80514', licence_class: 'G1', consent_to_share: true, guardian_name: 'Ravi Singh', guardian_phone: '647-555-0132' },
    })
  ).id;
  for (const [first, last, dob] of [
    ['Noah', 'Tremblay', '2007-09-02'],
    ['Mayra', 'Lopez', '2006-01-20'],
    ['Liam', 'Singer', '2009-03-03'],
  ] as const) {
    await invoke('db:students:create', { body: { first_name: first, last_name: last, date_of_birth: dob, licence_class: 'G1' } });
  }
  const PAPER = 'Entered from the paper register';
  await invoke('db:lessons:book', {
    body: { student_id: studentId, instructor_id: priya.id, vehicle_id: car.id, starts_at: torontoInstant(-6, 10 * 60), ends_at: torontoInstant(-6, 11 * 60), reason: PAPER },
  });
  await invoke('db:lessons:book', {
    body: { student_id: studentId, instructor_id: priya.id, vehicle_id: car.id, starts_at: torontoInstant(9, 14 * 60), ends_at: torontoInstant(9, 15 * 60) },
  });
  await invoke('db:lessons:book', {
    body: { student_id: studentId, instructor_id: priya.id, vehicle_id: car.id, starts_at: torontoInstant(3, 16 * 60), ends_at: torontoInstant(3, 17 * 60), pickup_location: 'Home' },
  });
  await harness.openApp(page, 'calendar');
});

afterAll(async () => {
  await harness?.close();
});

/** The keyboard, with every key the desk presses counted. */
let keys = 0;
async function press(key: string) {
  keys += 1;
  await page.keyboard.press(key);
}
async function typeKeys(text: string) {
  for (const letter of text) await press(letter);
}

const focusedText = () => page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));

describe('the student page, keyboard only at 1366×768', () => {
  it('finds a student by part of a name with Ctrl+K and reads the next lesson', async () => {
    await press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-page-search') ?? false)).toBe(true);
    await typeKeys('sing');
    await expect.poll(() => page.getByTestId('student-search').inputValue()).toBe('sing');
    // What a person does before Enter: sees the list settle on the two matches, Singer and Singh.
    await expect.poll(() => page.getByTestId('student-row').count(), SETTLE).toBe(2);
    await expect.poll(() => page.locator('.toolbar__hint').count(), SETTLE).toBe(0);
    // The list is ordered by last name: Singer first. Down arrows are not needed for a unique match, so
    // type one more letter to make it unique, as the desk would.
    await press('h');
    await expect.poll(() => page.getByTestId('student-row').count(), SETTLE).toBe(1);
    await expect.poll(() => page.locator('.toolbar__hint').count(), SETTLE).toBe(0);
    await press('Enter');

    await expect.poll(() => page.evaluate(() => location.hash), SETTLE).toBe(`#student?id=${studentId}`);
    await expect.poll(async () => (await focusedText()).tag, SETTLE).toBe('H1');
    expect((await focusedText()).text).toBe('Maya Singh');
    const next = page.getByTestId('next-lesson-text');
    await expect.poll(() => next.textContent(), SETTLE).toContain('Priya Sharma');
    expect(await next.textContent()).toMatch(/4:00–5:00 p\.m\..*with Priya Sharma in CDEF 123/);
    console.log(`[student-page] keys to find a student by part of a name and read the next lesson: ${keys}`);
    expect(keys).toBeLessThanOrEqual(8);
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'student-page-overview.png') });
  });

  it('shows the licence, age, phone and guardian in the header, with no Save button', async () => {
    const header = page.getByTestId('student-header');
    const text = (await header.textContent()) ?? '';
    expect(text).toContain('G1');
    expect(text).toContain('S1234-56780-80514');
    expect(text).toContain('647-555-0131');
    expect(text).toContain('Ravi Singh');
    expect(text).toMatch(/\d+ years old/);
    expect(await page.getByRole('button', { name: /save/i }).count()).toBe(0);
  });

  it('moves through the tabs with the arrow keys: lessons with instructor and car, history in words', async () => {
    await page.getByTestId('student-tab-overview').focus();
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('student-lessons').waitFor();
    expect(await page.getByTestId('upcoming-lessons').getByTestId('student-lesson-row').count()).toBe(2);
    expect(await page.getByTestId('past-lessons').getByTestId('student-lesson-row').count()).toBe(1);
    expect(await page.getByTestId('upcoming-lessons').textContent()).toContain('Priya Sharma');
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'student-page-lessons.png') });

    for (const tab of ['classes', 'account', 'documents', 'history']) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId(`student-tab-${tab}`).getAttribute('aria-selected')).toBe('true');
    }
    await page.getByTestId('student-history').waitFor();
    await expect.poll(() => page.getByTestId('history-line').count()).toBeGreaterThanOrEqual(4);
    const lines = await page.getByTestId('history-line').allTextContents();
    expect(lines.join('\n')).toMatch(/Booked a lesson with Priya Sharma in CDEF 123 for 4:00–5:00 p\.m\./);
    expect(lines.join('\n')).toContain('Added as a student');
    expect(lines.join('\n')).not.toMatch(/#\d+/);
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'student-page-history.png') });
  });

  it('books a lesson from the page with the keys alone: the student, their instructor and car are already chosen', async () => {
    const day = torontoDate(5);
    const [year, month, date] = day.split('-');
    await page.locator('#main-content h1').focus(); // where focus is after opening the page
    keys = 0;
    const focusedId = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-testid') || '');
    for (let tabs = 0; tabs < 25 && (await focusedId()) !== 'book-for-student'; tabs += 1) await press('Tab');
    await press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('picked-student').textContent()).toContain('Maya Singh');
    // Behind the dialog the page is inert: no clicks, no Tab, nothing a screen reader reads.
    expect(await page.evaluate(() => document.querySelector('#main-content')?.closest('[inert]') != null)).toBe(true);
    // Her lessons are with Priya Sharma in the Civic: the dialog starts with them.
    expect(await dialog.locator('#lesson-instructor option:checked').textContent()).toContain('Priya Sharma');
    expect(await dialog.locator('#lesson-vehicle option:checked').textContent()).toContain('CDEF 123');
    for (let tabs = 0; tabs < 10 && (await focusedId()) !== 'lesson-date'; tabs += 1) await press('Tab');
    expect(await focusedId()).toBe('lesson-date');
    await typeKeys(`${month}${date}${year}`); // the date field's segments, month first (en-US)
    // Chromium's Tab goes through the date field's parts first (month, day, year), then to the start time.
    for (let tabs = 0; tabs < 4 && (await focusedId()) !== 'lesson-start'; tabs += 1) await press('Tab');
    expect(await focusedId()).toBe('lesson-start');
    await typeKeys('0400p');
    expect(await dialog.locator('#lesson-date').inputValue()).toBe(day);
    expect(await dialog.locator('#lesson-start').inputValue()).toBe('16:00');
    // What the desk waits for before Enter: the rules checked, every one passed, "Book lesson" ready.
    await expect.poll(() => dialog.getByTestId('save-lesson').isEnabled(), SETTLE).toBe(true);
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'student-page-book.png') });
    await press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.querySelector('[inert]') != null)).toBe(false);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('book-for-student');
    console.log(`[student-page] keys to book a lesson from the student page: ${keys}`);
    expect(keys).toBeLessThanOrEqual(30);
    await page.getByTestId('student-tab-lessons').click();
    await expect.poll(() => page.getByTestId('upcoming-lessons').getByTestId('student-lesson-row').count(), SETTLE).toBe(3);
  });

  it('edits in its own mode, and asks before Escape throws a change away', async () => {
    await page.getByTestId('edit-student').click();
    const form = page.getByTestId('student-form');
    await form.waitFor();
    await form.getByLabel('Phone').fill('905-555-0111');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-confirm').waitFor();
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'student-form-discard.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-confirm').waitFor({ state: 'detached' });
    expect(await form.getByLabel('Phone').inputValue()).toBe('905-555-0111');
    // Keep editing puts the desk back in the field it was in.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('phone');

    // A birth date in the future: the backend refuses it, the summary takes focus and names the field.
    await form.getByLabel('Date of birth').fill('2031-01-01');
    await page.getByTestId('save-student').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('error-summary');
    expect(await page.getByTestId('field-error-date_of_birth').textContent()).toContain('in the future');
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'student-form-error-summary.png') });
    await page.getByTestId('error-summary-link-date_of_birth').click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('date_of_birth');
    await form.getByLabel('Date of birth').fill('2008-05-14');
    await page.getByTestId('save-student').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('student-header').textContent()).toContain('905-555-0111');
  });
});
