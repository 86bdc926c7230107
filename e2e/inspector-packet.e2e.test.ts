// The inspector packet end to end in Chromium: from the student's screen, "Save as PDF" goes through the
// real app:document:save-pdf channel; main lays the packet out on its print route (Chromium's page.pdf()
// standing in for printToPDF), saves it where the save dialog says, and pdftotext reads it back.
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../shared-contracts/openapi';
import { expectOk, startHarness, type Harness } from './harness';
import { torontoDate, torontoInstant } from './school-time';

type Id = { id: number };
type Lesson = components['schemas']['LessonRead'];
type Enrollment = components['schemas']['EnrollmentDetail'];
type AuditHead = components['schemas']['AuditHead'];

let harness: Harness;
let page: Page;
let studentId: number;

async function invoke<T>(channel: string, payload?: unknown): Promise<T> {
  return expectOk(await harness.invoke<T>(channel, payload));
}

/** The PDF's text as pdftotext gives it (poppler-utils), one line per printed line. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

async function seed() {
  const PAPER = 'Entered from the paper register';
  await invoke('db:settings:update', { body: { version: 1, name: 'Maple Leaf Driving School', mto_school_number: 'DS-1187' } });
  const instructor = await invoke<Id>('db:instructors:create', {
    body: { first_name: 'Priya', last_name: 'Sharma', di_licence_number: 'DI-40021', di_licence_expiry: '2099-03-31', authorised_in_car: true, authorised_classroom: true },
  });
  const car = await invoke<Id>('db:vehicles:create', {
    body: { plate: 'CDEF 123', vin: '2HGFC2F59JH000001', make: 'Honda', model: 'Civic', year: 2022, transmission: 'automatic', insurance_expiry: '2099-06-30', inspection_expiry: '2099-06-30', odometer_km: 41200 },
  });
  studentId = (
    await invoke<Id>('db:students:create', {
      body: { first_name: 'Maya', last_name: 'Singh', date_of_birth: '2008-05-14', licence_number: 'S1234-56780-80514', licence_class: 'G1', consent_to_share: true },
    })
  ).id;
  await invoke('db:students:create', { body: { first_name: 'Noah', last_name: 'Tremblay', date_of_birth: '2007-09-02', licence_number: 'T1234-56780-70902', licence_class: 'G1' } });
  const course = await invoke<Id>('db:courses:create', { body: { name: 'BDE Standard', kind: 'bde' } });
  const enrollmentId = (await invoke<Id>('db:enrollments:create', { body: { student_id: studentId, course_id: course.id, enrolled_on: torontoDate(-40) } })).id;
  const session = await invoke<Id>('db:classroom:create', {
    body: { instructor_id: instructor.id, starts_at: torontoInstant(-30, 9 * 60), ends_at: torontoInstant(-30, 14 * 60), room: 'A', topic: 'Rules of the road', capacity: 24, reason: PAPER },
  });
  await invoke('db:classroom:recordAttendance', { session_id: session.id, body: { entries: [{ enrollment_id: enrollmentId, minutes: 300 }], reason: PAPER } });
  await invoke('db:enrollments:addHours', { enrollment_id: enrollmentId, body: { minutes: 90, occurred_on: torontoDate(-20), reason: 'Home-link modules 1-2' } });
  const lesson = await invoke<Lesson>('db:lessons:book', {
    body: { student_id: studentId, enrollment_id: enrollmentId, instructor_id: instructor.id, vehicle_id: car.id, starts_at: torontoInstant(-10, 10 * 60), ends_at: torontoInstant(-10, 12 * 60), pickup_location: '120 Bloor St W', reason: PAPER },
  });
  await invoke('db:lessons:complete', {
    lesson_id: lesson.id,
    body: { version: lesson.version, actual_start: lesson.starts_at, actual_end: lesson.ends_at, odometer_start: 41200, odometer_end: 41238, skills_covered: ['Lane changes'], reason: PAPER },
  });
  const enrollment = await invoke<Enrollment>('db:enrollments:get', { enrollment_id: enrollmentId });
  await invoke('db:enrollments:recordResult', { enrollment_id: enrollmentId, body: { version: enrollment.version, final_mark_percent: 86 } });
}

beforeAll(async () => {
  harness = await startHarness();
  page = harness.page;
  await seed();
  await harness.openApp(page, 'students');
});

afterAll(async () => {
  await harness?.close();
});

/** The student's page, from the Students list (which reads "Singh, Maya"), on its Documents tab. */
async function openStudent(name: string) {
  const [first, last] = name.split(' ');
  await page.getByTestId('open-student').filter({ hasText: `${last}, ${first}` }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByTestId('student-tab-documents').click();
  await page.getByTestId('student-documents').waitFor();
}

describe('the inspector packet, printed to PDF in Chromium', () => {
  it('saves the packet from the student screen, and its text names the student, hours, lesson times and the chain head', async () => {
    await openStudent('Maya Singh');
    await page.getByTestId('save-inspector-packet-pdf').click();
    const saved = page.getByTestId('inspector-packet-saved');
    await saved.waitFor();
    const file = (await saved.locator('.banner__text').textContent())?.trim() ?? '';
    expect(file.startsWith(harness.savedDir)).toBe(true);
    expect(file.endsWith('.pdf')).toBe(true);
    expect(harness.dialogs.requests.at(-1)).toMatchObject({ title: 'Save the inspector packet as PDF', defaultName: expect.stringMatching(new RegExp(`^inspector-packet-${studentId}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`)) });
    const call = harness.ipcCalls.find((c) => c.channel === 'app:document:save-pdf');
    expect(call?.payload).toEqual({ kind: 'inspector-packet', id: studentId });

    const text = pdfText(file);
    const head = await invoke<AuditHead>('db:audit:head');
    expect(text).toContain('Inspector packet: Maya Singh');
    expect(text).toContain('Maple Leaf Driving School');
    expect(text).toContain('S1234-56780-80514');
    expect(text).toMatch(/Consented to share with MTO/);
    expect(text).not.toContain('Noah Tremblay');
    // Hours against the requirement: 5 h of classroom, 2 h in-car, 1.5 h flex credited.
    // (pdftotext may drop the space before "h" where the layout set the columns tight.)
    expect(text).toMatch(/Classroom\s+20\s?h\s+5\s?h\s+15\s?h/);
    expect(text).toMatch(/In-car\s+10\s?h\s+2\s?h\s+8\s?h/);
    expect(text).toMatch(/Flex\s+10\s?h\s+1\.5\s?h\s+8\.5\s?h/);
    // The lesson's times in the school's zone and 12-hour format, its instructor, car and odometer.
    expect(text).toMatch(/10:00 a\.m\. – 12:00 p\.m\.\s+10:00 a\.m\. – 12:00 p\.m\./);
    expect(text).toMatch(/Priya Sharma\s+CDEF 123\s+41200 → 41238 \(38\)\s+completed/);
    expect(text).toContain('DI licence DI-40021 · Honda Civic · Skills: Lane changes');
    expect(text).toMatch(/9:00 a\.m\.\s+–\s+2:00 p\.m\./);
    expect(text).toContain('86%');
    expect(head.entry_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(text).toContain(head.entry_hash!);
    expect(text).toContain(`#${head.entry_id}`);
    expect(text).toMatch(/Verified: \d+ entries, chain intact/);
    // The audit entries name people and records, not stored ids and table names.
    expect(text).not.toMatch(/student #|students #|;staff=/);
    expect(text).toMatch(/Classroom session \d+/);
  });

  it('prints from the same layout', async () => {
    await page.getByTestId('print-inspector-packet').click();
    await expect.poll(() => harness.printPages.printed.length, { timeout: 60_000 }).toBe(1);
    const [printed] = harness.printPages.printed;
    expect(printed!.page).toEqual({ kind: 'inspector-packet', id: studentId, paper: 'letter' });
    const file = join(harness.savedDir, 'printed.pdf');
    writeFileSync(file, printed!.pdf);
    expect(pdfText(file)).toContain('Inspector packet: Maya Singh');
  });

  it('saves the progress report: hours against the requirement, lessons with their skills', async () => {
    await page.getByTestId('save-progress-report-pdf').click();
    const saved = page.getByTestId('progress-report-saved');
    await saved.waitFor();
    const text = pdfText((await saved.locator('.banner__text').textContent())?.trim() ?? '');
    expect(text).toContain('Progress report: Maya Singh');
    expect(text).toMatch(/In-car\s+10\s?h\s+2\s?h\s+8\s?h/);
    expect(text).toMatch(/10:00 a\.m\. – 12:00 p\.m\.\s+Priya Sharma\s+Lane changes/);
    expect(text).toContain('Nothing booked.');
  });

  it('refuses a student not on file by name, before any save dialog, and saves nothing', async () => {
    const asked = harness.dialogs.requests.length;
    const before = readdirSync(harness.savedDir).length;
    const result = await harness.invoke('app:document:save-pdf', { kind: 'inspector-packet', id: 999_999 });
    expect(result).toMatchObject({ ok: false, error: { code: 'student.not_found' } });
    expect(harness.dialogs.requests.length).toBe(asked);
    expect(readdirSync(harness.savedDir).length).toBe(before);
  });

  it('refuses a renderer that names a file path or an unknown document', async () => {
    const withPath = await harness.invoke('app:document:save-pdf', { kind: 'inspector-packet', id: studentId, path: '/tmp/x.pdf' });
    expect(withPath).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    const unknown = await harness.invoke('app:document:save-pdf', { kind: 'payroll', id: studentId });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});
