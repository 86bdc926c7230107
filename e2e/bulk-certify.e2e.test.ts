// Certifying several students in one keyboard flow, in Chromium at 1366×768 through the real preload, bridge and
// backend: type part of a name to filter the worklist, tick three of the four students it shows with Tab, ↓ and
// Space, open the dialog, type three MTO references (Enter moves to the next), Ctrl+Enter; the keys are
// counted. "Certified by" is the school's one licensed instructor, already chosen. axe-watch.ts checks each
// screen (0 serious or critical findings).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeIdle, expectOk, repoRoot, startHarness, type Harness } from './harness';
import { instructorPriya } from './school-seed';

const SHOTS = process.env.ODSM_SHOTS_DIR ?? join(repoRoot, 'test-results/e2e');
type Id = { id: number };
type Enrollment = { id: number; version: number; status: string; certified_by: string | null; mto_reference: string | null; totals: { category: string; required_minutes: number }[] };

let harness: Harness;
let page: Page;
const enrollments: Record<string, number> = {};

async function invoke<T>(channel: string, payload: unknown): Promise<T> {
  return expectOk(await harness.invoke<T>(channel, payload));
}

/** The keyboard, with every key the desk presses counted (a typed character is a key). */
let keys = 0;
async function press(key: string) {
  keys += 1;
  await page.keyboard.press(key);
}
async function type(text: string) {
  keys += text.length;
  await page.keyboard.type(text);
}

const focusedLabel = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.getAttribute('data-testid') ?? '');

/** Tab until the control named `label` has the focus (at most 20 Tabs). */
async function tabTo(label: string) {
  for (let tabs = 0; tabs < 20 && (await focusedLabel()) !== label; tabs += 1) await press('Tab');
  expect(await focusedLabel()).toBe(label);
}

/** A student who has done every hour (entered from the paper file) and passed: ready to certify. */
async function readyStudent(first: string, last: string, courseId: number) {
  const student = await invoke<Id>('db:students:create', { body: { first_name: first, last_name: last, date_of_birth: '2007-03-15', licence_class: 'G1', consent_to_share: true } });
  const enrollment = await invoke<Enrollment>('db:enrollments:create', { body: { student_id: student.id, course_id: courseId, enrolled_on: '2026-01-05' } });
  for (const total of enrollment.totals) {
    await invoke('db:enrollments:addCorrection', {
      enrollment_id: enrollment.id,
      body: { category: total.category, minutes: total.required_minutes, occurred_on: '2026-02-03', reason: 'Hours transferred from the paper file' },
    });
  }
  const current = await invoke<Enrollment>('db:enrollments:get', { enrollment_id: enrollment.id });
  await invoke('db:enrollments:recordResult', { enrollment_id: enrollment.id, body: { version: current.version, final_mark_percent: 88 } });
  enrollments[`${first} ${last}`] = enrollment.id;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = harness.page;
  await invoke('db:instructors:create', { body: instructorPriya() });
  const weekday = await invoke<Id>('db:courses:create', { body: { name: 'BDE Weekday', kind: 'bde' } });
  const weekend = await invoke<Id>('db:courses:create', { body: { name: 'BDE Weekend', kind: 'bde' } });
  await readyStudent('Marc', 'Tremblay', weekday.id);
  await readyStudent('Maria', 'Lopez', weekday.id);
  await readyStudent('Chloe', 'Martin', weekend.id);
  await readyStudent('Marek', 'Nowak', weekday.id);
  await readyStudent('Ben', 'Okafor', weekday.id);
  await harness.openApp(page, 'certification');
  await page.getByTestId('ready-row').first().waitFor();
});

afterAll(async () => {
  await harness?.close();
});

const readyNames = () => page.getByTestId('ready-row').locator('th').allInnerTexts();

describe('certifying several students at once', () => {
  it('narrows the worklist by course and by list', async () => {
    await page.locator('#worklist-course').selectOption({ label: 'BDE Weekend' });
    await expect.poll(readyNames).toEqual(['Chloe Martin']);
    await page.locator('#worklist-state').selectOption({ label: 'At risk' });
    await page.getByTestId('at-risk-section').waitFor();
    expect(await page.getByTestId('ready-section').count()).toBe(0);
    await page.locator('#worklist-state').selectOption({ label: 'Every list' });
    await page.locator('#worklist-course').selectOption({ label: 'Every course' });
    await expect.poll(readyNames).toEqual(['Marc Tremblay', 'Maria Lopez', 'Chloe Martin', 'Marek Nowak', 'Ben Okafor']);
  });

  it('filters by name, ticks three students, types three references and certifies them with Ctrl+Enter', async () => {
    await page.getByTestId('worklist-search').focus();
    keys = 0;
    await type('mar');
    await expect.poll(readyNames).toEqual(['Marc Tremblay', 'Maria Lopez', 'Chloe Martin', 'Marek Nowak']);
    // The table is one Tab stop: Tab reaches Marc's box, ↓ the box on the row below.
    await tabTo('Select Marc Tremblay');
    await press('Space');
    await press('ArrowDown');
    expect(await focusedLabel()).toBe('Select Maria Lopez');
    await press('Space');
    await press('ArrowDown'); // Chloe Martin, left unticked
    await press('ArrowDown');
    expect(await focusedLabel()).toBe('Select Marek Nowak');
    await press('Space');
    await expect.poll(() => page.getByTestId('selected-count').innerText()).toBe('3 of 4 shown selected.');
    await tabTo('certify-selected');
    await press('Enter');

    const dialog = page.getByTestId('bulk-certify-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Certified by').locator('option:checked').innerText()).toBe('Priya Sharma (Instructor)');
    expect(await focusedLabel()).toBe('MTO reference for Marc Tremblay');
    await type('MTO-7001');
    await press('Enter');
    expect(await focusedLabel()).toBe('MTO reference for Maria Lopez');
    await type('MTO-7002');
    await press('Enter');
    expect(await focusedLabel()).toBe('MTO reference for Marek Nowak');
    await type('MTO-7003');
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'bulk-certify-dialog.png') });
    await press('Control+Enter');

    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('certify-notice').innerText()).toContain('3 students are certified.');
    console.log(`[bulk-certify] keys to filter the worklist, tick three students and certify them with their MTO references: ${keys}`);
    expect(keys).toBeLessThanOrEqual(48); // 42 here: "mar", 5 Tabs, 3 ↓, 3 Spaces, Enter, 24 characters of references, 2 Enters, Ctrl+Enter
    await expect.poll(readyNames).toEqual(['Chloe Martin']);
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'bulk-certify-done.png') });

    const stored = await Promise.all(['Marc Tremblay', 'Maria Lopez', 'Marek Nowak'].map((name) => invoke<Enrollment>('db:enrollments:get', { enrollment_id: enrollments[name] })));
    expect(stored.map((e) => [e.status, e.certified_by, e.mto_reference])).toEqual([
      ['certified', 'Priya Sharma', 'MTO-7001'],
      ['certified', 'Priya Sharma', 'MTO-7002'],
      ['certified', 'Priya Sharma', 'MTO-7003'],
    ]);
  });

  it('shows a refused row in words, certifies the others, and writes nothing for the refused one', async () => {
    await page.getByTestId('worklist-search').fill('');
    await expect.poll(readyNames).toEqual(['Chloe Martin', 'Ben Okafor']);
    await page.getByLabel('Select all shown').check();
    await page.getByTestId('certify-selected').click();
    const dialog = page.getByTestId('bulk-certify-dialog');
    await dialog.getByLabel('MTO reference for Chloe Martin').fill('MTO-7001'); // Marc Tremblay's
    await dialog.getByLabel('MTO reference for Ben Okafor').fill('MTO-7005');
    await dialog.getByLabel('MTO reference for Ben Okafor').press('Control+Enter');
    const refusal = dialog.getByTestId('bulk-certify-refusal');
    await expect.poll(() => refusal.innerText()).toContain('This MTO reference is already recorded for another student.');
    expect(await dialog.locator('[data-outcome="certified"]').locator('th').innerText()).toContain('Ben Okafor');
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'bulk-certify-refused.png') });
    const chloe = await invoke<Enrollment>('db:enrollments:get', { enrollment_id: enrollments['Chloe Martin'] });
    expect([chloe.status, chloe.mto_reference]).toEqual(['active', null]);
    await expect.poll(focusedLabel).toBe('MTO reference for Chloe Martin');
    await dialog.getByLabel('MTO reference for Chloe Martin').fill('MTO-7004');
    await dialog.getByLabel('MTO reference for Chloe Martin').press('Control+Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('certify-notice').innerText()).toContain('2 students are certified.');
  });
});
