// Reminders end to end: Settings → Reminders and email pointed at a real SMTP server on loopback (aiosmtpd,
// with a login), the password kept by main, a student's consent recorded on their page, a lesson booked for
// tomorrow, and from the Reminders screen the rules checked, tomorrow's preview shown and the outbox sent;
// the message is read back from the server. Built renderer in Chromium, the real preload, main's handlers
// and the real backend.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newInstructorBody, newVehicleBody } from '../electron/test/contract/samples/school-records';
import { newStudentBody } from '../electron/test/contract/samples/students-samples';
import { expectOk, startHarness, type Harness } from './harness';
import { repoRoot } from './repo-root';
import { torontoInstant } from './school-time';

const SHOTS = process.env.ODSM_SHOTS_DIR ?? join(repoRoot, 'test-results/e2e');
const SMTP_USER = 'desk@maple.example';
const SMTP_PASSWORD = 'loopback-app-password-7';
let harness: Harness;
let page: Page;
let smtp: ChildProcess;
let smtpPort: number;
let inboxFile: string;

beforeAll(async () => {
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = harness.page;
  inboxFile = join(harness.savedDir, 'inbox.jsonl');
  // The same loopback server main's contract test uses: it asks for this login and appends each message to a file.
  smtp = spawn(join(repoRoot, '.venv/bin/python'), [join(repoRoot, 'electron/test/support/loopback_smtp.py'), inboxFile], {
    env: { ...process.env, SMTP_USER, SMTP_PASSWORD },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  smtpPort = Number(await new Promise<string>((done) => createInterface({ input: smtp.stdout! }).once('line', done)));
});

afterAll(async () => {
  smtp?.stdin?.end();
  await harness?.close();
});

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `reminders-${name}.png`), fullPage: false });

async function fill(id: string, value: string) {
  await page.locator(`#${id}`).fill(value);
}

/** The message body as sent: quoted-printable soft breaks joined and =XX decoded (long lines are encoded). */
function decoded(data: string): string {
  return data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe('reminders, from the settings to the inbox', () => {
  it('refuses a login over a plain connection to another computer, under Security, in the desk’s words', async () => {
    expectOk(await harness.invoke('db:settings:update', { body: { version: (expectOk(await harness.invoke<{ version: number }>('db:settings:get', {}))).version, name: 'Maple Driving School' } }));
    await harness.openApp(page, 'settings');
    const section = page.getByTestId('reminders-section');
    await section.scrollIntoViewIfNeeded();
    await fill('reminders-smtp_host', 'smtp.maple.example');
    await fill('reminders-smtp_from', 'desk@maple.example');
    await fill('reminders-smtp_user', SMTP_USER);
    await page.locator('#reminders-smtp_tls').selectOption('none');
    await page.getByTestId('save-reminder-settings').click();
    const error = page.getByTestId('field-error-reminders-smtp_tls');
    await error.waitFor();
    expect(await error.textContent()).toContain('Choose STARTTLS or SSL');
    await error.scrollIntoViewIfNeeded();
    await shot('settings-refusal');
  });

  it('keeps the SMTP settings and the password, showing only that one is kept', async () => {
    await fill('reminders-smtp_host', '127.0.0.1');
    await fill('reminders-smtp_port', String(smtpPort));
    await fill('reminders-lesson_tomorrow_send_minute', '00:00');
    await fill('reminders-quiet_start_minute', '00:00');
    await fill('reminders-quiet_end_minute', '00:00');
    for (const rule of ['bde_deadline_on', 'owner_di_licence_on', 'owner_vehicle_on']) await page.locator(`#reminders-${rule}`).uncheck();
    await page.getByTestId('save-reminder-settings').click();
    await page.getByTestId('reminders-saved').waitFor();

    await page.getByTestId('smtp-password-replace').click();
    await page.locator('#reminders-smtp_password').fill(SMTP_PASSWORD);
    await page.getByTestId('smtp-password-keep').click();
    await expect.poll(() => page.getByTestId('smtp-password-status').textContent()).toContain('A password is kept on this computer');
    expect(await page.getByTestId('smtp-password').locator('input').count()).toBe(0);
    await page.getByTestId('reminders-section').locator('fieldset').first().scrollIntoViewIfNeeded();
    await shot('settings-saved');

    await page.getByTestId('template-preview').click();
    const preview = page.getByTestId('template-preview-text');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('You receive this because you agreed to reminders from Maple Driving School');
    await preview.scrollIntoViewIfNeeded();
    await shot('settings-template-preview');
  });

  it('records the student’s consent on their page with its moment, fills and sends from the Reminders screen, and the server receives it', async () => {
    const instructor = expectOk(await harness.invoke<{ id: number }>('db:instructors:create', { body: newInstructorBody() }));
    const vehicle = expectOk(await harness.invoke<{ id: number }>('db:vehicles:create', { body: newVehicleBody() }));
    const student = expectOk(
      await harness.invoke<{ id: number }>('db:students:create', { body: { ...newStudentBody(), first_name: 'Priya', last_name: 'Sharma', email: 'priya.sharma@example.com', licence_class: 'G2' } }),
    );
    // Tomorrow 10:00-11:00 in Toronto, inside the instructor's hours.
    expectOk(
      await harness.invoke('db:lessons:book', {
        body: { student_id: student.id, instructor_id: instructor.id, vehicle_id: vehicle.id, starts_at: torontoInstant(1, 600), ends_at: torontoInstant(1, 660) },
      }),
    );

    await page.evaluate((id) => (window.location.hash = `#student?id=${id}`), student.id);
    const consent = page.getByTestId('reminder-consent');
    await consent.waitFor();
    await expect.poll(() => page.getByTestId('reminder-consent-text').textContent()).toContain('Not asked yet');
    await page.getByTestId('reminder-consent-agree').click();
    await expect.poll(() => page.getByTestId('reminder-consent-text').textContent()).toMatch(/^Agreed to reminders by email and text message on \w{3} \d{1,2}, \d{4}/);
    await consent.scrollIntoViewIfNeeded();
    await shot('student-consent');

    await page.getByTestId('nav-reminders').click();
    await page.getByRole('heading', { level: 1, name: 'Reminders', exact: true }).waitFor();
    await page.getByTestId('fill-outbox').click();
    await expect.poll(() => page.getByTestId('outbox-notice').locator('.banner__title').textContent()).toContain('Queued 1 new reminder.');
    const tomorrow = page.getByTestId('outbox-tomorrow');
    await expect.poll(() => tomorrow.textContent()).toContain('priya.sharma@example.com');
    expect(await tomorrow.textContent()).toContain('Your driving lesson tomorrow at 10:00 a.m.');
    await shot('outbox-tomorrow');

    // Send now by keyboard: Tab from the screen's heading reaches it.
    await page.locator('#reminders-title').focus();
    for (let i = 0; i < 6 && (await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) !== 'send-now'; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('send-now');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('outbox-notice').locator('.banner__title').textContent(), { timeout: 30_000 }).toBe('Sent 1 reminder.');
    await expect.poll(() => page.getByTestId('outbox-row').first().getAttribute('data-status')).toBe('sent');
    await shot('outbox-sent');

    await expect.poll(() => existsSync(inboxFile)).toBe(true);
    const mails = readFileSync(inboxFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { to: string[]; data: string });
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(['priya.sharma@example.com']);
    const text = decoded(mail.data);
    expect(text).toContain('Subject: Your driving lesson tomorrow at 10:00 a.m.');
    expect(text).toContain('From: Maple Driving School <desk@maple.example>');
    expect(text).toContain('Hello Priya,');
    expect(text).toContain('from 10:00 a.m. to 11:00 a.m.');
    expect(text).toContain('You receive this because you agreed to reminders from Maple Driving School.');
    expect(text).toContain('To stop them, reply with "unsubscribe" or write to desk@maple.example.');
  });
});
