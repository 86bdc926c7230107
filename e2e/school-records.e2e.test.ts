// The flow end to end, in Chromium through the real preload, bridge, backend and SQLite:
// book a lesson in the calendar, hit an instructor double-booking and see it explained, complete
// lessons and classes until the student is ready, certify, then see the record locked and the
// audit chain verified. Most hours are seeded through the bridge; one lesson is booked and completed in the UI.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../shared-contracts/openapi';
import { repoRoot } from './repo-root';
import { expectOk, startHarness, type Harness } from './harness';
import { torontoDate, torontoInstant } from './school-time';

type Id = { id: number };
type Enrollment = components['schemas']['EnrollmentDetail'];
type Lesson = components['schemas']['LessonRead'];

const SCREENSHOTS = join(repoRoot, 'test-results/e2e');
const YESTERDAY = torontoDate(-1);

let harness: Harness;
let page: Page;
let studentId: number;
let enrollmentId: number;
let instructorId: number;

async function invoke<T>(channel: string, payload?: unknown): Promise<T> {
  return expectOk(await harness.invoke<T>(channel, payload));
}

async function shot(name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A school with one BDE student who has everything but 2 h of in-car and a final mark. */
async function seedSchool() {
  instructorId = (
    await invoke<Id>('db:instructors:create', {
      body: {
        first_name: 'Priya',
        last_name: 'Sharma',
        di_licence_number: 'DI-40021',
        di_licence_expiry: '2028-03-31',
        criminal_check_date: torontoDate(-300),
        driver_abstract_date: torontoDate(-200),
        authorised_in_car: true,
        authorised_classroom: true,
        phone: '416-555-0170',
        availability: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start_minute: 8 * 60, end_minute: 18 * 60 })),
      },
    })
  ).id;
  // The owner, who certifies students on the MTO site: a staff account (sign-in stays off).
  await invoke('db:staff:create', { body: { name: 'Dana Front-Desk', login: 'dana', role: 'owner', password: 'dana-password-1' } });
  await invoke('db:instructors:create', {
    body: { first_name: 'Tom', last_name: 'Kowalski', di_licence_number: 'DI-40388', di_licence_expiry: torontoDate(20), criminal_check_date: torontoDate(-400) },
  });
  const car = await invoke<Id>('db:vehicles:create', {
    body: { plate: 'CDEF 123', vin: '2HGFC2F59JH000001', make: 'Honda', model: 'Civic', year: 2022, transmission: 'automatic', insurance_expiry: torontoDate(300), inspection_expiry: torontoDate(25), odometer_km: 41200 },
  });
  await invoke('db:vehicles:create', {
    body: { plate: 'CDEF 456', vin: '2T1BURHE5JC000002', make: 'Toyota', model: 'Corolla', year: 2021, transmission: 'manual', insurance_expiry: torontoDate(400), inspection_expiry: torontoDate(200), odometer_km: 63010 },
  });
  studentId = (
    await invoke<Id>('db:students:create', {
      body: { first_name: 'Maya', last_name: 'Singh', date_of_birth: '2008-05-14', phone: '647-555-0131', licence_number: 'S1234-56780-80514', licence_class: 'G1', consent_to_share: true, guardian_name: 'Ravi Singh', guardian_phone: '647-555-0132' },
    })
  ).id;
  await invoke('db:students:create', { body: { first_name: 'Noah', last_name: 'Tremblay', date_of_birth: '2007-09-02', phone: '905-555-0190', licence_number: 'T1234-56780-70902', licence_class: 'G1' } });
  const course = await invoke<Id>('db:courses:create', { body: { name: 'BDE Standard', kind: 'bde', price_cents: 69500 } });
  enrollmentId = (await invoke<Id>('db:enrollments:create', { body: { student_id: studentId, course_id: course.id, enrolled_on: torontoDate(-40) } })).id;

  // The history is entered after the fact: each back-dated record carries the reason.
  const PAPER = 'Entered from the paper register';
  // 20 h of classroom: four 5-hour classes on past days.
  for (const daysAgo of [30, 29, 28, 27]) {
    const session = await invoke<Id>('db:classroom:create', {
      body: { instructor_id: instructorId, starts_at: torontoInstant(-daysAgo, 9 * 60), ends_at: torontoInstant(-daysAgo, 14 * 60), room: 'A', topic: 'Rules of the road', capacity: 24, reason: PAPER },
    });
    await invoke('db:classroom:recordAttendance', { session_id: session.id, body: { entries: [{ enrollment_id: enrollmentId, minutes: 300 }], reason: PAPER } });
  }
  // 10 h of flex (home-link).
  await invoke('db:enrollments:addHours', { enrollment_id: enrollmentId, body: { minutes: 600, occurred_on: torontoDate(-20), reason: 'Home-link modules 1-10' } });
  // 8 h of in-car: four 2-hour lessons, completed.
  let km = 41200;
  for (const daysAgo of [12, 10, 8, 6]) {
    const lesson = await invoke<Lesson>('db:lessons:book', {
      body: { student_id: studentId, enrollment_id: enrollmentId, instructor_id: instructorId, vehicle_id: car.id, starts_at: torontoInstant(-daysAgo, 10 * 60), ends_at: torontoInstant(-daysAgo, 12 * 60), pickup_location: '120 Bloor St W', reason: PAPER },
    });
    await invoke('db:lessons:complete', {
      lesson_id: lesson.id,
      body: { version: lesson.version, actual_start: lesson.starts_at, actual_end: lesson.ends_at, odometer_start: km, odometer_end: km + 38, skills_covered: ['Lane changes'], reason: PAPER },
    });
    km += 38;
  }
  const enrollment = await invoke<Enrollment>('db:enrollments:get', { enrollment_id: enrollmentId });
  await invoke('db:enrollments:recordResult', { enrollment_id: enrollmentId, body: { version: enrollment.version, final_mark_percent: 86 } });
  await invoke('db:settings:update', { body: { version: 1, name: 'Maple Leaf Driving School', mto_school_number: 'DS-1187', address: '455 Spadina Ave, Toronto ON' } });
}

beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 1400, height: 900 } });
  page = harness.page;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await seedSchool();
  await harness.openApp(page, 'calendar');
});

afterAll(async () => {
  await harness?.close();
});

const dialog = () => page.getByTestId('lesson-dialog');

async function openBookingForYesterday() {
  await page.getByTestId('view-day').click();
  await page.getByLabel('Go to date').fill(YESTERDAY);
  await page.getByTestId('new-lesson').click();
  await dialog().waitFor();
}

async function pickStudent(name: string) {
  await dialog().getByTestId('lesson-student-search').fill(name);
  await dialog().getByTestId('student-option').filter({ hasText: name }).first().click();
}

describe('school records, end to end in Chromium', () => {
  it('1. books a lesson in the calendar after the live rule check passes', async () => {
    await page.getByTestId('calendar-resource').selectOption(String(instructorId));
    await shot('calendar-week');
    await openBookingForYesterday();
    await pickStudent('Singh');
    await dialog().getByLabel('Vehicle').selectOption({ label: 'CDEF 123 · Honda Civic (automatic)' });
    await dialog().getByLabel('Start').fill('10:00');
    await dialog().getByLabel('Length').selectOption('120');
    await dialog().getByLabel('Pickup location').fill('120 Bloor St W');
    // Yesterday is back-dating: the check asks for a reason, and the form has a field for it.
    await dialog().locator('[data-testid="lesson-conflict"][data-code="lesson.backdated_without_reason"]').waitFor();
    await dialog().getByLabel('Reason (needed for a past date)').fill('Booked by phone, entered late');
    await dialog().getByTestId('lesson-check-ok').waitFor();
    await shot('calendar-booking');
    await dialog().getByTestId('save-lesson').click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByTestId('calendar-notice').waitFor();
    const block = page.getByTestId('calendar-lesson').filter({ hasText: 'Maya Singh' });
    await block.waitFor();
    expect(await block.textContent()).toContain('10:00 a.m.–12:00 p.m.');
  });

  it('2. explains an instructor double-booking inline, with the clashing booking’s time, and refuses to save', async () => {
    await page.getByTestId('new-lesson').click();
    await dialog().waitFor();
    await pickStudent('Tremblay');
    await dialog().getByLabel('Vehicle').selectOption({ label: 'CDEF 456 · Toyota Corolla (manual)' });
    await dialog().getByLabel('Start').fill('11:00');
    await dialog().getByLabel('Reason (needed for a past date)').fill('Booked by phone, entered late');
    const conflict = dialog().locator('[data-testid="lesson-conflict"][data-code="lesson.instructor_double_booked"]');
    await conflict.waitFor();
    expect(await conflict.getByTestId('conflict-message').textContent()).toMatch(/already booked with Maya Singh 10:00 a\.m\.–12:00 p\.m\. on /);
    expect(await dialog().getByTestId('save-lesson').isDisabled()).toBe(true);
    await shot('calendar-conflict');

    // Moving it after the first lesson clears the conflict.
    await dialog().getByLabel('Start').fill('13:00');
    await dialog().getByTestId('lesson-check-ok').waitFor();
    expect(await dialog().getByTestId('lesson-conflict').count()).toBe(0);
    await dialog().locator('.dialog__footer').getByRole('button', { name: 'Close' }).click();
  });

  it('3. completes the booked lesson in the UI, which makes the student ready to certify', async () => {
    await page.getByTestId('calendar-lesson').filter({ hasText: 'Maya Singh' }).click();
    await dialog().waitFor();
    await dialog().getByTestId('complete-lesson').click();
    const complete = page.getByTestId('complete-lesson-dialog');
    await complete.waitFor();
    expect(await complete.getByLabel('At start (km)').inputValue()).toBe('41352');
    await complete.getByLabel('At end (km)').fill('41391');
    await complete.getByLabel('Skills covered').fill('Highway merging, Parallel parking');
    await complete.getByTestId('confirm-complete').click();
    await complete.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('calendar-lesson').filter({ hasText: 'Maya Singh' }).getAttribute('data-status')).toBe('completed');
    await shot('calendar-day');

    await page.getByTestId('open-day-sheet').click();
    await page.getByTestId('day-sheet-row').first().waitFor();
    expect(await page.getByTestId('day-sheet').textContent()).toContain('Priya Sharma');
    await page.emulateMedia({ media: 'print' });
    await shot('day-sheet-print');
    await page.emulateMedia({ media: 'screen' });
    await shot('day-sheet');
    await page.getByRole('button', { name: '‹ Back to calendar' }).click();
    await page.getByTestId('calendar-grid').waitFor();
  });

  it('4. shows the student as ready on the dashboard and certifies through the Certification screen', async () => {
    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('dash-ready').textContent()).toContain('1');
    await page.getByTestId('dash-today').waitFor();
    await shot('home');

    await page.getByTestId('nav-certification').click();
    const row = page.getByTestId('ready-row').filter({ hasText: 'Maya Singh' });
    await row.waitFor();
    expect(await row.textContent()).toContain('In-car 10 h / 10 h');
    await shot('certification');
    await row.getByTestId('certify').click();
    const certify = page.getByTestId('certify-dialog');
    await certify.waitFor();
    expect(await certify.getByLabel('MTO fee ($)').inputValue()).toBe('15.00');
    await certify.getByLabel('MTO reference').fill('MTO-2026-884213');
    await certify.getByLabel('Certified by').selectOption({ label: 'Dana Front-Desk (Owner)' });
    await shot('certification-dialog');
    await certify.getByTestId('confirm-certify').click();
    await certify.waitFor({ state: 'detached' });
    await page.getByTestId('certify-notice').waitFor();
    await expect.poll(() => page.getByTestId('ready-row').count()).toBe(0);
    const enrollment = await invoke<Enrollment>('db:enrollments:get', { enrollment_id: enrollmentId });
    expect(enrollment).toMatchObject({ status: 'certified', mto_reference: 'MTO-2026-884213', certified_by: 'Dana Front-Desk', certification_fee_cents: 1500 });
  });

  it('5. shows the record locked: adding hours answers enrollment.locked, and so does booking against it', async () => {
    await page.getByTestId('nav-students').click();
    // The student's page: the Overview tab holds the course's progress, History the audit in words.
    await page.getByTestId('open-student').filter({ hasText: 'Singh, Maya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maya Singh' }).waitFor();
    const progress = page.getByTestId('enrollment-progress');
    await progress.waitFor();
    // The page may show the cached enrollment for a moment while it refetches the certified one.
    await expect.poll(() => progress.getAttribute('data-status')).toBe('certified');
    await page.getByTestId('certified-chip').waitFor();
    await progress.getByLabel('Home-link hours').fill('1');
    await progress.getByTestId('add-hours').click();
    await page.getByTestId('enrollment-locked').waitFor();
    await shot('student-progress-locked');

    await page.getByTestId('student-tab-history').click();
    await page.getByTestId('history-line').first().waitFor();
    await shot('student-history');

    const refused = await harness.invoke('db:lessons:book', {
      body: { student_id: studentId, enrollment_id: enrollmentId, instructor_id: instructorId, vehicle_id: 1, starts_at: torontoInstant(3, 10 * 60), ends_at: torontoInstant(3, 11 * 60) },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'enrollment.locked' } });
  });

  it('6. verifies the audit chain in the UI', async () => {
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('verify-chain').click();
    const result = page.getByTestId('chain-result');
    await result.waitFor();
    expect(await result.getAttribute('class')).toContain('banner--success');
    expect(await result.textContent()).toMatch(/intact: [\d,]+ entries checked/);
    await shot('audit');
  });

  it('6b. exports the audit log to a file that carries the anchored head', async () => {
    await page.getByTestId('export-audit').click();
    const saved = page.getByTestId('export-result');
    await saved.waitFor();
    expect(await saved.getAttribute('class')).toContain('banner--success');
    const text = (await saved.textContent()) ?? '';
    const [, count] = /Saved ([\d,]+) entries/.exec(text) ?? [];
    const files = readdirSync(harness.savedDir);
    expect(files).toEqual([expect.stringMatching(/^audit-log-\d{4}-\d{2}-\d{2}\.json$/)]);
    const file = JSON.parse(readFileSync(join(harness.savedDir, files[0]!), 'utf8')) as { entries: { id: number; hash: string }[]; anchor: { entry_id: number; entry_hash: string } };
    expect(file.entries.length.toLocaleString('en-CA')).toBe(count);
    expect(file.anchor).toEqual({ entry_id: file.entries.at(-1)!.id, entry_hash: file.entries.at(-1)!.hash });
    expect(text).toContain(`anchored head (entry #${file.anchor.entry_id})`);
    await shot('audit-exported');
  });

  it('7. shows credential warnings: instructors, vehicles and the dashboard list', async () => {
    await page.getByTestId('nav-instructors').click();
    const tom = page.getByTestId('instructor-row').filter({ hasText: 'Kowalski' });
    await tom.waitFor();
    expect(await tom.getByTestId('chip-di_licence').getAttribute('data-tone')).toBe('warning');
    expect(await tom.getByTestId('chip-criminal_check').getAttribute('data-tone')).toBe('danger');
    await shot('instructors');
    await tom.getByRole('button', { name: 'Edit Tom Kowalski' }).click();
    await page.getByTestId('instructor-form').getByTestId('tab-availability').click();
    await shot('instructor-availability');
    await page.getByTestId('instructor-form').getByRole('button', { name: 'Cancel' }).click();

    await page.getByTestId('nav-vehicles').click();
    const civic = page.getByTestId('vehicle-row').filter({ hasText: 'CDEF 123' });
    await civic.waitFor();
    expect(await civic.getByTestId('chip-inspection').getAttribute('data-tone')).toBe('warning');
    await civic.getByRole('button', { name: 'Odometer' }).click();
    await page.getByTestId('odometer-row').first().waitFor();
    await shot('vehicle-odometer');
    await page.getByTestId('vehicle-form').locator('.dialog__footer').getByRole('button', { name: 'Close' }).click();

    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-form').waitFor();
    expect(await page.getByLabel('In-car hours required').inputValue()).toBe('10');
    await shot('settings');

    await page.getByTestId('nav-home').click();
    await expect.poll(() => page.getByTestId('expiring-credential').count()).toBeGreaterThanOrEqual(2);
  });
});
