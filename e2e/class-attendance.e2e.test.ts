// A class's attendance from its roster, keyboard only, at 1366×768, in Chromium through the real preload,
// bridge and backend: the demo school (48 students) gives Home its day and a registered cohort; a class
// that began half an hour ago has 24 students on its roster. The desk marks everyone present and notes
// three exceptions; the test counts every key it presses. A class still ahead offers no attendance.
// axe-core checks every screen and dialog opened (axe-watch.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeIdle, expectOk, repoRoot, startHarness, type Harness } from './harness';

const SHOTS = process.env.ODSM_SHOTS_DIR ?? join(repoRoot, 'test-results/e2e');
const PAPER = 'Entered from the paper register';

type Session = { id: number; instructor_id: number; starts_at: string; roster: { enrollment_id: number; student_name: string }[] };

let harness: Harness;
let page: Page;
let enrollments: number[] = [];
let keys = 0;

/** One key press, counted. */
async function press(key: string) {
  keys += 1;
  await page.keyboard.press(key);
}

async function shot(name: string) {
  await axeIdle(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = harness.page;
  expectOk(await harness.invoke('db:demo:load', { body: { students: 48 } }));
  // expect.poll belongs to a test: the loading is waited for by hand here.
  for (let state = ''; state !== 'done'; ) {
    state = expectOk(await harness.invoke<{ state: string }>('db:demo:status')).state;
    if (state === 'failed') throw new Error('the demo school did not load');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The newest cohort is registered for its classes to come: take its 24 students and their teacher.
  const now = Date.now();
  const ahead = expectOk(
    await harness.invoke<{ items: Session[] }>('db:classroom:list', { start: new Date(now).toISOString(), end: new Date(now + 40 * 86_400_000).toISOString() }),
  );
  const registered = ahead.items.find((session) => session.roster.length >= 24);
  if (!registered) throw new Error('the demo school has no class with its cohort registered');
  enrollments = registered.roster.slice(0, 24).map((member) => member.enrollment_id);
  // A class that began half an hour ago, with those 24 registered ahead of time.
  const begins = new Date(now - 30 * 60_000);
  const session = expectOk(
    await harness.invoke<Session>('db:classroom:create', {
      body: { instructor_id: registered.instructor_id, starts_at: begins.toISOString(), ends_at: new Date(begins.getTime() + 120 * 60_000).toISOString(), room: 'Room C', topic: 'Sharing the road', capacity: 24, reason: PAPER },
    }),
  );
  for (const enrollmentId of enrollments) {
    expectOk(await harness.invoke('db:classroom:addToRoster', { session_id: session.id, body: { enrollment_id: enrollmentId } }));
  }
}, 900_000);

afterAll(async () => {
  await harness?.close();
});

describe('a class’s attendance from its roster, keyboard only', () => {
  it('shows Home with today, tomorrow and what needs attention in the demo school', async () => {
    await harness.openApp(page, 'students');
    await page.getByTestId('nav-home').click();
    await page.getByTestId('dash-today').waitFor();
    await expect.poll(() => page.getByTestId('dash-today').getByTestId('today-item').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('dash-tomorrow').getByTestId('today-item').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('unfinished-lesson').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('dash-today').textContent()).not.toContain('Nothing booked today');
    await shot('home');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await shot('home-scrolled');
  });

  it('takes the attendance of 24 students: everyone present, then two absent and one late', async () => {
    await page.getByTestId('nav-classes').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('class-session').filter({ hasText: 'Sharing the road' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    keys = 0; // counted from the Classes screen, its heading focused as after any navigation

    // Heading → ‹ → This week → › → + New class → the table (one Tab stop: the class's Roster…) → Attendance…
    for (let i = 0; i < 5; i += 1) await press('Tab');
    await press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-attendance');
    await press('Enter');
    const dialog = page.getByTestId('attendance-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('attendance-row').count()).toBe(24);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('mark-all-present');
    await shot('attendance-opened');
    await press('Enter');
    await expect.poll(() => dialog.getByTestId('attendance-tally').textContent()).toContain('24 present');

    // The exceptions: row 3 absent, row 10 absent, row 17 came late (100 of 120 minutes).
    for (let i = 0; i < 3; i += 1) await press('Tab');
    await press('a');
    for (let i = 0; i < 7; i += 1) await press('Tab');
    await press('a');
    for (let i = 0; i < 7; i += 1) await press('Tab');
    await press('l');
    await press('Tab');
    for (const digit of '100') await press(digit);
    await expect.poll(() => dialog.getByTestId('attendance-tally').textContent()).toContain('21 present · 2 absent · 1 late or left early');
    const marks = await dialog.getByTestId('attendance-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-mark')));
    expect([marks[2], marks[9], marks[16]]).toEqual(['absent', 'absent', 'partial']);
    await shot('attendance-exceptions');
    await press('Control+Enter');
    await page.getByTestId('attendance-dialog').waitFor({ state: 'detached' });
    console.log(`[class-attendance] keys to take the attendance of a 24-student class: ${keys}`);
    expect(keys).toBeLessThan(50);

    const saved = page.getByTestId('class-session').filter({ hasText: 'Sharing the road' });
    await expect.poll(() => saved.textContent()).toContain('22'); // present: 21 whole + 1 late
    const session = expectOk(
      await harness.invoke<{ items: (Session & { attendance: { enrollment_id: number; minutes: number }[] })[] }>('db:classroom:list', {
        start: new Date(Date.now() - 86_400_000).toISOString(),
        end: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    ).items.find((item) => item.roster.length === 24 && item.attendance.length > 0);
    // Saved as minutes present: 21 whole classes, two absences, one late arrival.
    const tally = new Map<number, number>();
    for (const row of session?.attendance ?? []) tally.set(row.minutes, (tally.get(row.minutes) ?? 0) + 1);
    expect(Object.fromEntries(tally)).toEqual({ 0: 2, 100: 1, 120: 21 });
  });

  it('offers no attendance for a class still ahead, only its roster', async () => {
    await page.getByRole('button', { name: 'Next week' }).click();
    const ahead = page.getByTestId('class-session').filter({ hasText: 'BDE module' }).first();
    await ahead.waitFor();
    expect(await ahead.getByTestId('open-attendance').count()).toBe(0);
    expect(await ahead.getByTestId('attendance-not-yet').textContent()).toBe('Attendance opens when the class begins');
    await ahead.getByTestId('open-roster').click();
    const roster = page.getByTestId('roster-dialog');
    await roster.waitFor();
    expect(await roster.getByTestId('roster-row').count()).toBeGreaterThanOrEqual(24);
    await shot('roster-ahead');
    await page.keyboard.press('Escape');
    await shot('classes-next-week');
  });
});
