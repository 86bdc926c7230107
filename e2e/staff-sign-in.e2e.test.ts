// Staff sign-in end to end, in Chromium at 1366×768 through the real preload, bridge and backend on the
// demo school: the owner switches sign-in on in Settings and adds an office and an instructor account; the
// instructor sees only their own calendar, completes their own lesson, finds only their screens in the
// sidebar and their own day on Home, and a hidden screen by its address is one plain page (the backend still
// refuses the worklist); the office sees the worklist without Certify, in words; the owner certifies; the audit names both, beside the workstation's OS account; the
// idle lock keeps a half-filled form. axe-core checks every screen opened (axe-watch.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeIdle, expectOk, repoRoot, startHarness, type Harness } from './harness';

// The screenshots a person looks at; the test run keeps them with the others unless told where.
const SHOTS = process.env.ODSM_SHOTS_DIR ?? join(repoRoot, 'test-results/e2e');

type Lesson = { id: number; student_id: number; instructor_id: number; instructor_name: string; vehicle_id: number; starts_at: string; ends_at: string; status: string; version: number };
type Instructor = { id: number; first_name: string; last_name: string };

let harness: Harness;
let page: Page;
let teacher: Instructor;
let unfinished: Lesson;
let odometer: number;
let readyStudent: string;

async function shot(name: string) {
  await axeIdle(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

async function signInAs(login: string, password: string) {
  const screen = page.getByTestId('sign-in-screen');
  await screen.waitFor();
  await screen.getByLabel(/^Login/).fill(login);
  await screen.getByLabel(/^Password/).fill(password);
  await screen.getByTestId('sign-in-submit').click();
  await screen.waitFor({ state: 'detached' });
}

async function switchUser() {
  await page.getByTestId('switch-user').click();
  await page.getByTestId('sign-in-screen').waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // argon2id at a test's cost: at the shipped cost each hash takes about a second on a busy machine.
  process.env.ODSM_PASSWORD_HASH_MEMORY_KIB = '64';
  process.env.ODSM_PASSWORD_HASH_PASSES = '1';
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = harness.page;
  expectOk(await harness.invoke('db:demo:load', { body: { students: 72 } }));
  for (let state = ''; state !== 'done'; ) {
    state = expectOk(await harness.invoke<{ state: string }>('db:demo:status')).state;
    if (state === 'failed') throw new Error('the demo school did not load');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // A lesson from the last week that its instructor has not completed yet: theirs to complete once signed in.
  const now = Date.now();
  const past = expectOk(await harness.invoke<{ items: Lesson[] }>('db:lessons:list', { start: new Date(now - 7 * 86_400_000).toISOString(), end: new Date(now - 3_600_000).toISOString(), limit: 1000 }));
  const found = past.items.find((lesson) => lesson.status === 'scheduled' && Date.parse(lesson.ends_at) < now);
  if (!found) throw new Error('the demo school has no unfinished lesson');
  unfinished = found;
  const instructors = expectOk(await harness.invoke<{ items: Instructor[] }>('db:instructors:list', {})).items;
  if (instructors.length < 2) throw new Error('the demo school has one instructor');
  teacher = instructors.find((instructor) => instructor.id === found.instructor_id)!;
  const car = expectOk(await harness.invoke<{ odometer_km: number | null; last_odometer_km: number | null }>('db:vehicles:get', { vehicle_id: found.vehicle_id }));
  odometer = Math.max(car.last_odometer_km ?? 0, car.odometer_km ?? 0);
  const worklist = expectOk(await harness.invoke<{ ready: { student_name: string }[] }>('db:certification:worklist', {}));
  if (worklist.ready.length === 0) throw new Error('the demo school has nobody ready to certify');
  readyStudent = worklist.ready[0]!.student_name;
  // The page's timers under the test's hand: the idle lock comes at a fast-forward, not after a real minute.
  await page.clock.install();
}, 900_000);

afterAll(async () => {
  await harness?.close();
});

describe('staff sign-in, end to end', () => {
  it('1. the owner switches sign-in on, keeps the recovery code, and adds an office and an instructor account', async () => {
    await harness.openApp(page, 'settings');
    const section = page.getByTestId('sign-in-section');
    await section.getByLabel('Owner’s name').fill('Dana Owner');
    await section.getByLabel(/^Login/).fill('dana');
    await section.getByLabel(/^Password/).fill('dana-password-1');
    await section.getByTestId('enable-sign-in').click();
    await expect.poll(() => section.getByTestId('recovery-code').textContent()).toMatch(/[0-9A-F]{5}(-[0-9A-F]{5}){3}/);
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('Dana Owner');

    const add = async (name: string, login: string, role: string) => {
      await section.getByLabel(/^Name/).fill(name);
      await section.getByLabel(/^Login/).fill(login);
      await section.getByLabel(/^Role/).selectOption(role);
      if (role === 'instructor') await section.getByLabel(/^Instructor/).selectOption(String(teacher.id));
      await section.getByLabel(/^Password/).fill(`${login}-password-1`);
      await section.getByTestId('add-staff').click();
      await expect.poll(() => section.getByTestId('staff-list').textContent()).toContain(name);
    };
    await add('Olive Front', 'olive', 'office');
    await add(`${teacher.first_name} ${teacher.last_name}`, 'ines', 'instructor');

    // A short idle lock, for step 6: a minute without a key or a click.
    await section.getByLabel('Lock an idle desk after (minutes)').fill('1');
    await section.getByTestId('save-sign-in-settings').click();
    await section.getByText('Sign-in settings saved.').waitFor();
    await expect.poll(() => section.getByTestId('permission-table').textContent()).toContain('See students and their lessons');
    await shot('staff-settings');
  });

  it('2. the instructor sees their own calendar only, and completes their own lesson', async () => {
    await switchUser();
    await shot('sign-in-screen');
    await signInAs('ines', 'ines-password-1');
    await page.getByTestId('nav-calendar').click();
    const resource = page.getByTestId('calendar-resource');
    await expect.poll(() => resource.locator('option').allTextContents()).toEqual([`${teacher.first_name} ${teacher.last_name}`]);
    await page.getByTestId('calendar-grid').waitFor();
    expect(await page.getByTestId('mode-vehicle').count()).toBe(0);
    // Completing is theirs: the call goes through main, which attaches the instructor's session.
    const done = await harness.invoke<{ status: string }>('db:lessons:complete', {
      lesson_id: unfinished.id,
      body: { version: unfinished.version, actual_start: unfinished.starts_at, actual_end: unfinished.ends_at, odometer_start: odometer, odometer_end: odometer + 24, skills_covered: ['Lane changes'], reason: 'Entered from the paper log' },
    });
    expect(done.ok ? done.data.status : done.error).toBe('completed');
  });

  it('3. the instructor sees only their screens and their own day; a hidden screen by its address is one plain page', async () => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('button').allTextContents()).toEqual(['Home', 'Calendar', 'Classes', 'Students']);
    await page.getByTestId('nav-home').click();
    await page.getByTestId('dash-today').getByText(/booked/).waitFor();
    await page.getByTestId('dash-tomorrow').getByText(/booked/).waitFor();
    // Nothing school-wide on their Home: no "needs attention", no worklist counts, and no refusal anywhere.
    expect(await page.getByTestId('dash-attention').count()).toBe(0);
    expect(await page.getByTestId('dash-ready').count()).toBe(0);
    expect(await page.getByText('Your account may not do this').count()).toBe(0);
    await shot('instructor-home');

    await page.getByTestId('nav-classes').click();
    await page.getByRole('heading', { name: 'Classes' }).waitFor();
    expect(await page.getByTestId('new-class').count()).toBe(0);
    expect(await page.getByText('Your account may not do this').count()).toBe(0);

    // Their students, read-only: no New student, Import, Edit or Archive.
    await page.getByTestId('nav-students').click();
    await page.getByText(/^\d+ active students?$/).waitFor();
    expect(await page.getByTestId('new-student').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(Edit|Archive) / }).count()).toBe(0);

    // Their own student: the lessons, without the desk's tabs and buttons.
    await page.evaluate((id) => {
      window.location.hash = `#student?id=${id}`;
    }, unfinished.student_id);
    await page.getByTestId('student-header').waitFor();
    await expect.poll(() => page.locator('[data-testid^="student-tab-"]').allTextContents()).toEqual(['Lessons']);
    await page.getByTestId('student-lessons').waitFor();
    for (const hidden of ['edit-student', 'road-test-student', 'book-for-student']) expect(await page.getByTestId(hidden).count()).toBe(0);
    expect(await page.getByText('Your account may not do this').count()).toBe(0);
    await shot('instructor-student');

    for (const screen of ['certification', 'billing', 'settings']) {
      await page.evaluate((hash) => {
        window.location.hash = hash;
      }, `#${screen}`);
      const plain = page.getByTestId('not-allowed');
      await plain.and(page.locator(`[data-screen="${screen}"]`)).waitFor();
      expect(await plain.textContent()).toContain('Your account can’t open this screen; ask the school’s owner.');
      expect(await page.getByText('Your account may not do this').count()).toBe(0);
    }
    await shot('instructor-not-allowed');
    // Hiding is courtesy: the backend still refuses the instructor the worklist, naming the permission.
    const refused = await harness.invoke('db:certification:worklist', {});
    expect(refused.ok ? 'allowed' : refused.error.code).toBe('permission_denied');
  });

  it('3b. the office desk sees the worklist without Certify, and no Settings, with the reason in words', async () => {
    await switchUser();
    await signInAs('olive', 'olive-password-1');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.getByRole('button').allTextContents()).toEqual(['Home', 'Calendar', 'Classes', 'Students', 'Instructors', 'Vehicles', 'Certification', 'Billing', 'Money reports', 'Reminders', 'Audit']);
    await page.getByTestId('nav-certification').click();
    await page.getByTestId('ready-section').getByText(readyStudent).first().waitFor();
    expect(await page.getByTestId('certify').count()).toBe(0);
    expect(await page.getByTestId('certify-owner-only').textContent()).toContain('Only the school’s owner can certify students');
    await shot('office-certification');
  });

  it('4. the owner signs in and certifies', async () => {
    await switchUser();
    await signInAs('dana', 'dana-password-1');
    await page.getByTestId('nav-certification').click();
    const row = page.getByRole('button', { name: `Certify ${readyStudent}` });
    await row.click();
    const certify = page.getByTestId('certify-dialog');
    await certify.waitFor();
    await certify.getByLabel('MTO reference').fill('MTO-2026-551902');
    await certify.getByLabel('Certified by').selectOption({ label: 'Dana Owner (Owner)' });
    await certify.getByTestId('confirm-certify').click();
    await certify.waitFor({ state: 'detached' });
  });

  it('5. the audit names both, beside the workstation’s OS account', async () => {
    await page.getByTestId('nav-audit').click();
    const entries = page.getByTestId('audit-entries');
    await entries.waitFor();
    await expect.poll(() => entries.textContent()).toMatch(/Dana Owner \(at [^)]+\)/);
    await expect.poll(() => entries.textContent()).toContain(`${teacher.first_name} ${teacher.last_name} (at `);
  });

  it('6. the idle lock keeps a half-filled form, and the same person picks up where they were', async () => {
    await page.getByTestId('nav-students').click();
    await page.getByTestId('new-student').click();
    await page.getByLabel('Legal first name').fill('Half-filled');
    await page.clock.fastForward('01:05');
    const screen = page.getByTestId('sign-in-screen');
    await screen.getByTestId('idle-locked').waitFor();
    await signInAs('dana', 'dana-password-1');
    expect(await page.getByLabel('Legal first name').inputValue()).toBe('Half-filled');
  });
});
