// Issue 9's flow end to end, in Chromium at 1366×768 through the real preload, bridge and backend: a G1
// student whose BDE course is certified sees the G2 date in the road-test dialog, books the test with the
// school car, finds it on the calendar (where it opens its cancellation), records the fail in the
// dialog and sees the retest date; then the inspector packet and
// the school's BDE completion certificate are saved as PDF (Chromium's page.pdf() standing in for
// printToPDF, as in the app) and read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../renderer/src/lib/dates';
import type { components } from '../shared-contracts/openapi';
import { rawSql, testEngine } from '../electron/test/support/real-backend';
import { APP_ORIGIN, expectOk, startHarness, type Harness } from './harness';
import { torontoDate, torontoInstant } from './school-time';

const SHOTS = process.env.ODSM_SHOTS_DIR ?? '/tmp/shots/road-test-flow';
const SETTLE = { timeout: 30_000 };
type Id = { id: number };
type Lesson = components['schemas']['LessonRead'];
type Enrollment = components['schemas']['EnrollmentDetail'];
type RoadTest = components['schemas']['RoadTestRead'];
type AuditHead = components['schemas']['AuditHead'];

let harness: Harness;
let page: Page;
let studentId: number;
let enrollmentId: number;
let roadTest: RoadTest;

// The legal dates of the flow, in the school's zone: G1 held ~10 months, the course certified 2 days ago
// (so the G2 test is possible from then: 8 months after the G1 with a certified course), the test booked
// for 3 days ahead, then taken (moved 4 days back) yesterday: the retest is 10 days after that.
const G1_ISSUED = torontoDate(-300);
const CERTIFIED_ON = torontoDate(-2);
const TEST_DAY = torontoDate(3);

async function invoke<T>(channel: string, payload?: unknown): Promise<T> {
  return expectOk(await harness.invoke<T>(channel, payload));
}

/** The PDF's text as pdftotext gives it (poppler-utils), laid out as printed. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function seed() {
  const PAPER = 'Entered from the paper register';
  await invoke('db:settings:update', { body: { version: 1, name: 'Maple Leaf Driving School', mto_school_number: 'DS-1187', address: '12 King St W, Toronto, ON M5H 1A1' } });
  const priya = await invoke<Id>('db:instructors:create', {
    body: {
      first_name: 'Priya',
      last_name: 'Sharma',
      di_licence_number: 'DI-40021',
      di_licence_expiry: '2099-03-31',
      criminal_check_date: torontoDate(-300),
      driver_abstract_date: torontoDate(-200),
      authorised_in_car: true,
      authorised_classroom: true,
      availability: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start_minute: 8 * 60, end_minute: 18 * 60 })),
    },
  });
  const car = await invoke<Id>('db:vehicles:create', {
    body: { plate: 'CDEF 123', vin: '2HGFC2F59JH000001', make: 'Honda', model: 'Civic', year: 2022, transmission: 'automatic', insurance_expiry: '2099-06-30', inspection_expiry: '2099-06-30', odometer_km: 41200 },
  });
  studentId = (
    await invoke<Id>('db:students:create', {
      body: { first_name: 'Maya', last_name: 'Singh', date_of_birth: '2008-05-14', licence_number: 'S1234-56780-80514', licence_class: 'G1', g1_issue_date: G1_ISSUED, consent_to_share: true },
    })
  ).id;
  await invoke('db:students:create', { body: { first_name: 'Noah', last_name: 'Tremblay', date_of_birth: '2007-09-02', licence_number: 'T1234-56780-70902', licence_class: 'G1', g1_issue_date: G1_ISSUED, consent_to_share: true } });
  const course = await invoke<Id>('db:courses:create', { body: { name: 'BDE Standard', kind: 'bde' } });
  enrollmentId = (await invoke<Id>('db:enrollments:create', { body: { student_id: studentId, course_id: course.id, enrolled_on: torontoDate(-60) } })).id;
  // The whole course: one in-car lesson taught here, the rest carried over from the paper register.
  const lesson = await invoke<Lesson>('db:lessons:book', {
    body: { student_id: studentId, enrollment_id: enrollmentId, instructor_id: priya.id, vehicle_id: car.id, starts_at: torontoInstant(-20, 10 * 60), ends_at: torontoInstant(-20, 12 * 60), pickup_location: '120 Bloor St W', reason: PAPER },
  });
  await invoke('db:lessons:complete', {
    lesson_id: lesson.id,
    body: { version: lesson.version, actual_start: lesson.starts_at, actual_end: lesson.ends_at, odometer_start: 41200, odometer_end: 41238, skills_covered: ['Lane changes'], reason: PAPER },
  });
  for (const [category, minutes] of [['classroom', 20 * 60], ['in_car', 8 * 60]] as const) {
    await invoke('db:enrollments:addCorrection', { enrollment_id: enrollmentId, body: { category, minutes, occurred_on: torontoDate(-15), reason: PAPER } });
  }
  await invoke('db:enrollments:addHours', { enrollment_id: enrollmentId, body: { minutes: 10 * 60, occurred_on: torontoDate(-15), reason: 'Home-link modules 1-10' } });
  const marked = await invoke<Enrollment>('db:enrollments:get', { enrollment_id: enrollmentId });
  await invoke('db:enrollments:recordResult', { enrollment_id: enrollmentId, body: { version: marked.version, final_mark_percent: 86 } });
  const ready = await invoke<Enrollment>('db:enrollments:get', { enrollment_id: enrollmentId });
  // The owner certified on the MTO site: a staff account (sign-in stays off).
  const dana = await invoke<Id>('db:staff:create', { body: { name: 'Dana Front-Desk', login: 'dana', role: 'owner', password: 'dana-password-1' } });
  await invoke('db:certification:certify', {
    enrollment_id: enrollmentId,
    body: { version: ready.version, certified_on: CERTIFIED_ON, reason: 'Certified on the MTO site on Monday, entered today', certifier: { kind: 'staff', id: dana.id }, mto_reference: 'MTO-2026-884213' },
  });
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = harness.page;
  await seed();
  await harness.openApp(page, 'students');
});

afterAll(async () => {
  await harness?.close();
});

async function openStudent(name: string) {
  const [first, last] = name.split(' ');
  await harness.openApp(page, 'students');
  await page.getByTestId('open-student').filter({ hasText: `${last}, ${first}` }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const dialog = () => page.getByTestId('road-test-dialog');
const g2 = () => dialog().getByTestId('eligibility-G2');

async function openRoadTestDialog() {
  await page.getByTestId('road-test-student').click();
  await dialog().waitFor();
  await expect.poll(() => g2().count(), SETTLE).toBe(1);
}

describe('a G1 student with a certified BDE course, to the road test and the certificate', () => {
  it('1-2. shows the G2 road test date, with the certified course as the reason', async () => {
    await openStudent('Maya Singh');
    await openRoadTestDialog();
    expect(await g2().getByRole('heading').textContent()).toBe(`G2 test: from ${formatDate(CERTIFIED_ON)}`);
    expect(await g2().textContent()).toMatch(/with the BDE course certified on .*, the G2 test can be taken 8 months after the G1/);
    await page.screenshot({ path: join(SHOTS, 'road-test-eligibility.png') });
  });

  it('3. books the G2 test with the school car and its instructor', async () => {
    await dialog().getByLabel('Day').fill(TEST_DAY);
    await dialog().getByLabel('Time').fill('10:00');
    await dialog().getByLabel('School car').selectOption({ label: 'CDEF 123 (Honda Civic)' });
    await dialog().getByLabel('Instructor going along').selectOption({ label: 'Priya Sharma' });
    await dialog().getByTestId('book-road-test').click();
    const booked = dialog().getByTestId('road-test-booked');
    await booked.waitFor(SETTLE);
    expect(await booked.textContent()).toMatch(/^Booked: G2 test at .+, with the school car CDEF 123 \(\$[\d.]+ charged\)\.$/);
    const tests = await invoke<{ items: RoadTest[] }>('db:road-tests:list', { student_id: studentId });
    expect(tests.items).toHaveLength(1);
    roadTest = tests.items[0]!;
    expect(roadTest).toMatchObject({ status: 'booked', licence_class: 'G2', vehicle_plate: 'CDEF 123' });
    // A warm-up lesson from the same dialog: the lesson form opens in its place with the test's car and
    // instructor, the hour before the car is held for the test. Closing it comes back to the road test.
    await dialog().getByTestId('book-warm-up').click();
    const lesson = page.getByTestId('lesson-dialog');
    await lesson.waitFor(SETTLE);
    expect(await dialog().count()).toBe(0);
    const heldFrom = new Date(roadTest.blocked_from);
    const warmUpStart = new Date(heldFrom.getTime() - 60 * 60_000);
    const hhmm = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(warmUpStart);
    expect(await lesson.locator('#lesson-instructor').inputValue()).toBe(String(roadTest.instructor_id));
    expect(await lesson.locator('#lesson-vehicle').inputValue()).toBe(String(roadTest.vehicle_id));
    expect(await lesson.locator('#lesson-date').inputValue()).toBe(TEST_DAY);
    expect(await lesson.locator('#lesson-start').inputValue()).toBe(hhmm);
    expect(await lesson.locator('#lesson-duration').inputValue()).toBe('60');
    await lesson.locator('.dialog__footer').getByRole('button', { name: 'Close' }).click();
    await dialog().getByTestId('road-test-booked').waitFor(SETTLE);
    await dialog().locator('.dialog__footer').getByRole('button', { name: 'Close' }).click();
  });

  it('4. shows the test on the calendar, holding the car and the instructor', async () => {
    await page.goto(`${APP_ORIGIN}/index.html#calendar?date=${TEST_DAY}`);
    await page.getByRole('heading', { level: 1, name: 'Calendar', exact: true }).waitFor();
    const block = page.locator(`[data-testid="calendar-road-test"][data-road-test-id="${roadTest.id}"]`);
    await block.waitFor(SETTLE);
    expect(await block.textContent()).toContain('G2 road test: Maya Singh');
    await page.screenshot({ path: join(SHOTS, 'calendar-road-test.png') });
    // The block is a button: reached by the keyboard, it opens the test's actions. Three days ahead, it
    // may be cancelled, and in time: the fee is not lost.
    await block.focus();
    await page.keyboard.press('Enter');
    const actions = page.getByTestId('road-test-actions-dialog');
    await actions.waitFor(SETTLE);
    await actions.getByRole('button', { name: 'Cancel test…' }).click();
    expect(await actions.getByTestId('road-test-cancel-warning').textContent()).toMatch(/^The test is more than 48 hours away: the \$[\d.]+ fee is not lost, and the school car’s rental is taken off the student’s charges\.$/);
    await page.screenshot({ path: join(SHOTS, 'calendar-road-test-cancel.png') });
    await actions.getByRole('button', { name: 'Keep the test' }).click();
    await actions.locator('.dialog__footer').getByRole('button', { name: 'Close' }).click();
    expect(await invoke<RoadTest>('db:road-tests:get', { road_test_id: roadTest.id })).toMatchObject({ status: 'booked' });
  });

  it('5. records a fail in the road-test dialog, which shows the earliest retest date', async () => {
    // The test is taken in the past: moved there behind the app's back, as if booked back then (the
    // backend's own tests do the same); recording the result then writes its audited state again.
    const shift = testEngine === 'sqlite' ? (column: string) => `${column} = datetime(${column}, '-4 days')` : (column: string) => `${column} = ${column} - interval '4 days'`;
    rawSql({ dir: harness.dataDir, env: process.env }, `UPDATE road_tests SET ${['starts_at', 'ends_at', 'blocked_from', 'blocked_until'].map(shift).join(', ')} WHERE id = ${roadTest.id};`);
    // No change event tells the open window: it reads the moved test afresh, as when the app starts.
    await page.reload();

    await openStudent('Maya Singh');
    await openRoadTestDialog();
    const row = dialog().locator(`[data-testid="road-test-row"][data-road-test-id="${roadTest.id}"]`);
    await row.waitFor(SETTLE);
    expect(await row.textContent()).toMatch(/G2CDEF 123Booked/);
    await row.getByRole('button', { name: /^Record result/ }).click();
    await dialog().getByRole('button', { name: 'Fail', exact: true }).click();
    await page.screenshot({ path: join(SHOTS, 'road-test-record-result.png') });
    await dialog().getByTestId('road-test-save-result').click();
    const saved = dialog().getByTestId('road-test-result-saved');
    await saved.waitFor(SETTLE);
    expect(await saved.textContent()).toBe(`Failed. The earliest retest is ${formatDate(torontoDate(9))}.`);
    const failed = await invoke<RoadTest>('db:road-tests:get', { road_test_id: roadTest.id });
    expect(failed).toMatchObject({ status: 'failed', retest_from: torontoDate(9) });
    await expect.poll(() => row.getAttribute('data-status'), SETTLE).toBe('failed');
    expect(await row.textContent()).toContain(`Failed · retest from ${formatDate(torontoDate(9))}`);

    await expect.poll(() => g2().getByRole('heading').textContent(), SETTLE).toBe(`G2 test: from ${formatDate(torontoDate(9))}`);
    expect(await g2().textContent()).toMatch(/Failed the G2 test on \w{3} \d{1,2}, \d{4}; a retest needs 10 days: from \w{3} \d{1,2}, \d{4}\./);
    await page.screenshot({ path: join(SHOTS, 'road-test-retest.png') });
    await dialog().locator('.dialog__footer').getByRole('button', { name: 'Cancel' }).click();
  });

  it('6. saves the inspector packet as PDF: the student, hours, certification and the chain head', async () => {
    await page.getByTestId('student-tab-documents').click();
    await page.getByTestId('student-documents').waitFor();
    await page.getByTestId('save-inspector-packet-pdf').click();
    const saved = page.getByTestId('inspector-packet-saved');
    await saved.waitFor(SETTLE);
    const text = pdfText((await saved.locator('.banner__text').textContent())?.trim() ?? '');
    const head = await invoke<AuditHead>('db:audit:head');
    expect(text).toContain('Inspector packet: Maya Singh');
    expect(text).toContain('Maple Leaf Driving School');
    expect(text).toContain('S1234-56780-80514');
    expect(text).toMatch(/In-car\s+10\s?h\s+10\s?h\s+0\s?h/);
    expect(text).toContain('MTO-2026-884213');
    expect(text).not.toContain('Noah Tremblay');
    expect(text).toContain(head.entry_hash!);
    expect(text).toMatch(/Verified: \d+ entries, chain intact/);
  });

  it('7. saves the BDE completion certificate as PDF, and it reads as the family would want it', async () => {
    await page.getByTestId('save-certificate-pdf').click();
    const saved = page.getByTestId('certificate-saved');
    await saved.waitFor(SETTLE);
    const file = (await saved.locator('.banner__text').textContent())?.trim() ?? '';
    expect(harness.dialogs.requests.at(-1)).toMatchObject({ title: 'Save the BDE completion certificate as PDF', defaultName: expect.stringMatching(new RegExp(`^certificate-${studentId}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`)) });
    await page.screenshot({ path: join(SHOTS, 'student-documents.png') });
    const text = pdfText(file);
    const longDate = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${CERTIFIED_ON}T12:00:00Z`));
    expect(text).toContain('Maple Leaf Driving School');
    expect(text).toContain('12 King St W, Toronto, ON M5H 1A1');
    expect(text).toContain('driving school number DS-1187');
    expect(text).toContain('Certificate of Completion');
    expect(text).toContain('Maya Singh');
    expect(text).toContain('S1234-56780-80514 · born May 14, 2008');
    expect(text).toContain('BDE Standard');
    expect(text).toContain(`on ${longDate}.`);
    expect(text).toMatch(/Classroom\s+20\s?h\s+20\s?h/);
    expect(text).toMatch(/In-car driving\s+10\s?h\s+10\s?h/);
    expect(text).toMatch(/Home-link \(flexible\)\s+10\s?h\s+10\s?h/);
    expect(text).toMatch(new RegExp(`Certificate number\\s+BDE-${CERTIFIED_ON.slice(0, 4)}-${String(enrollmentId).padStart(6, '0')}`));
    expect(text).toMatch(/MTO reference\s+MTO-2026-884213/);
    expect(text).toMatch(/Final mark\s+86%/);
    expect(text).toMatch(/Dana Front-Desk[\s\S]*Certified for Maple Leaf Driving School/);
    expect(text).toMatch(/Priya Sharma[\s\S]*DI licence DI-40021/);
    expect(text).not.toContain('Noah');
    copyFileSync(file, join(SHOTS, 'certificate.pdf'));
    execFileSync('pdftoppm', ['-png', '-scale-to-x', '1366', '-scale-to-y', '-1', file, join(SHOTS, 'certificate')]);
    // The certificate is one page, for the family to keep.
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
  });

  it('saves the inspection bundle for the period from the Audit screen: her packet, the index and the chain', async () => {
    await harness.openApp(page, 'audit');
    await page.getByTestId('open-inspection-bundle').click();
    const bundle = page.getByTestId('inspection-bundle-dialog');
    await bundle.getByLabel('First day').fill(torontoDate(-30));
    await bundle.getByLabel('Last day').fill(torontoDate(0));
    await bundle.getByTestId('make-inspection-bundle').click();
    const saved = bundle.getByTestId('inspection-bundle-saved');
    await saved.waitFor(SETTLE);
    expect(await saved.textContent()).toContain('Saved the inspection bundle: 1 student.');
    await page.screenshot({ path: join(SHOTS, 'inspection-bundle.png') });
    const folder = join(harness.savedDir, `inspection-bundle-${torontoDate(-30)}-to-${torontoDate(0)}`);
    const files = readdirSync(folder).sort();
    expect(files).toEqual(['audit-chain.txt', 'index.csv', `inspector-packet-${studentId}-maya-singh.pdf`]);
    expect(readFileSync(join(folder, 'index.csv'), 'utf8')).toContain(`Maya Singh,S1234-56780-80514,inspector-packet-${studentId}-maya-singh.pdf,20,10,10,40`);
    expect(pdfText(join(folder, files[2]!))).toContain('Inspector packet: Maya Singh');
    expect(readFileSync(join(folder, 'audit-chain.txt'), 'utf8')).toMatch(/Verify: {8}chain intact/);
    await bundle.locator('.dialog__footer').getByRole('button', { name: 'Close' }).click();
  });

  it('refuses the certificate of a student whose course is not certified, in words', async () => {
    await openStudent('Noah Tremblay');
    await page.getByTestId('student-tab-documents').click();
    await page.getByTestId('save-certificate-pdf').click();
    const refusal = page.getByTestId('certificate-actions').getByRole('alert');
    await refusal.waitFor(SETTLE);
    expect(await refusal.textContent()).toContain('no certified BDE course yet');
    const result = await harness.invoke('app:document:save-pdf', { kind: 'certificate', id: studentId + 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'document.not_certified' } });
  });
});
