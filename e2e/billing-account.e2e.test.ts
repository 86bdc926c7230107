// A student's money end to end, in Chromium at 1366×768 through the real preload, bridge and backend: enrol in a
// course (its invoice comes as a draft), issue it, take part of it with Alt+P, then the rest with too much, which
// stays as credit; book a lesson (the dialog shows the credit), late-cancel it and see the fee charged; place the
// credit on it; and credit the course invoice, first refused for too much (in words), then for part of it.
// axe-watch.ts checks the page and each dialog as it opens (0 serious or critical findings).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../shared-contracts/channels';
import { axeIdle, expectOk, startHarness, type Harness } from './harness';
import { carCivic, instructorPriya } from './school-seed';
import { torontoDate } from './school-time';

/** A busy build machine: an answer may take a few seconds. Not a speed test. */
const SETTLE = { timeout: 15_000 };
const SHOTS = process.env.ODSM_SHOTS_DIR ?? '/tmp/shots/billing-account';
type Id = { id: number };
type Lessons = { upcoming: { id: number; version: number }[] };

let harness: Harness;
let page: Page;
let studentId = 0;
let instructorId = 0;
let vehicleId = 0;

async function invoke<T>(channel: string, payload: unknown): Promise<T> {
  return expectOk((await harness.invoke<T>(channel, payload)) as IpcResult<T>);
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = harness.page;
  // HST-registered, and a week's notice: the lesson cancelled below is inside the window.
  await invoke('db:settings:update', { body: { version: 1, name: 'Maple Leaf Driving School', hst_registered: true, hst_number: '123456789RT0001', late_cancel_notice_hours: 168, late_cancel_fee_cents: 4500 } });
  instructorId = (
    await invoke<Id>('db:instructors:create', { body: instructorPriya() })
  ).id;
  vehicleId = (
    await invoke<Id>('db:vehicles:create', { body: carCivic() })
  ).id;
  await invoke('db:courses:create', { body: { name: 'BDE Class G', kind: 'bde', price_cents: 50000, tax_rate_basis_points: 1300 } });
  studentId = (
    await invoke<Id>('db:students:create', {
      body: { first_name: 'Maya', last_name: 'Singh', date_of_birth: '2008-05-14', phone: '647-555-0131', licence_number: 'S1234-56780-80514', licence_class: 'G1', consent_to_share: true },
    })
  ).id;
  await harness.openApp(page, 'students');
  await page.evaluate((id) => (window.location.hash = `#student?id=${id}`), studentId);
  await page.getByRole('heading', { level: 1, name: 'Maya Singh' }).waitFor();
});

afterAll(async () => {
  await harness?.close();
});

const balance = () => page.getByTestId('student-header').getByTestId('account-balance').textContent();
const invoiceRows = () => page.getByTestId('invoice-row');

async function openAccount() {
  await page.getByTestId('student-tab-account').click();
  await page.getByTestId('account-summary').waitFor();
}

/** The keyboard, with every key the desk presses to take a payment counted. */
let keys = 0;
async function press(key: string) {
  keys += 1;
  await page.keyboard.press(key);
}

describe('a student’s account at the front desk, 1366×768', () => {
  it('enrols the student: the course invoice comes as a draft, and Issue numbers it with HST', async () => {
    await page.getByTestId('enroll-bde-submit').click();
    await openAccount();
    await expect.poll(() => invoiceRows().count(), SETTLE).toBe(1);
    expect(await invoiceRows().first().getByTestId('invoice-status').textContent()).toBe('Draft');
    expect(await balance()).toBe('Paid up');

    await page.getByTestId('issue-invoice').click();
    await expect.poll(() => page.getByTestId('account-notice').textContent(), SETTLE).toMatch(/Invoice INV-\d+ issued for \$565\.00\./);
    await expect.poll(() => invoiceRows().first().getByTestId('invoice-left').textContent(), SETTLE).toBe('$565.00');
    expect(await invoiceRows().first().getByTestId('invoice-status').textContent()).toBe('Issued');
    await expect.poll(balance, SETTLE).toBe('$565.00 owing');
    expect(await page.getByTestId('account-owing').textContent()).toBe('$565.00');
    await axeIdle(page);
  });

  it('takes part of it from the keyboard: Alt+P, the amount, Enter', async () => {
    await page.getByRole('heading', { level: 1 }).focus();
    keys = 0;
    await press('Alt+p');
    const dialog = page.getByTestId('take-payment-dialog');
    await dialog.waitFor();
    // Reached in one keystroke; what is owed is typed in, so Enter alone would take it all.
    expect(keys).toBeLessThan(5);
    const amount = dialog.getByLabel('Amount ($)');
    await expect.poll(() => amount.inputValue(), SETTLE).toBe('565.00');
    expect(await dialog.getByLabel('Method').inputValue()).toBe('cash');
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'take-payment-dialog.png') });

    // A bad amount is named under its field, and nothing is sent.
    await page.keyboard.type('2O0');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByTestId('field-error-amount_cents').textContent()).toBe('Enter dollars and cents with at most two decimals, e.g. 45.20.');
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'take-payment-bad-amount.png') });
    await amount.fill('');
    for (const key of ['2', '0', '0', 'Enter']) await page.keyboard.press(key);
    const result = dialog.getByTestId('payment-result');
    await expect.poll(() => result.textContent(), SETTLE).toContain('$200.00 cash taken.');
    expect(await result.textContent()).toContain('$200.00 paid on invoices.');
    console.log(`[billing-account] keys from the student's page to the payment dialog: ${keys}`);
    await axeIdle(page);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(balance, SETTLE).toBe('$365.00 owing');
    expect(await invoiceRows().first().getByTestId('invoice-status').textContent()).toBe('Part paid');
  });

  it('takes the rest with too much: the overpayment is credit on the account', async () => {
    await page.keyboard.press('Alt+p');
    const dialog = page.getByTestId('take-payment-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByLabel('Amount ($)').inputValue(), SETTLE).toBe('365.00');
    await dialog.getByLabel('Amount ($)').fill('400');
    await dialog.getByLabel('Method').selectOption('e_transfer');
    await dialog.getByLabel('Reference').fill('ET-88412');
    await dialog.getByLabel('Reference').press('Enter');
    await expect.poll(() => dialog.getByTestId('payment-credit').textContent(), SETTLE).toBe('$35.00 is credit on the account, kept for later.');
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'take-payment-overpaid.png') });
    await dialog.getByTestId('payment-done').click();
    await dialog.waitFor({ state: 'detached' });

    await expect.poll(balance, SETTLE).toBe('$35.00 credit');
    await expect.poll(() => page.getByTestId('account-credit').textContent(), SETTLE).toBe('$35.00');
    expect(await page.getByTestId('account-owing').textContent()).toBe('$0.00');
    expect(await invoiceRows().first().getByTestId('invoice-status').textContent()).toBe('Paid');
    expect(await page.getByTestId('payment-row').count()).toBe(2);
    expect(await page.getByTestId('statement-line').count()).toBe(3);
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'account-tab-credit.png'), fullPage: true });
  });

  it('books a lesson with the credit in view, late-cancels it, and the fee is charged', async () => {
    await page.getByTestId('book-for-student').click();
    const dialog = page.getByTestId('lesson-dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByTestId('booking-account').getByTestId('account-balance').textContent(), SETTLE).toBe('$35.00 credit');
    await dialog.getByLabel('Counts toward').selectOption('');
    await dialog.getByLabel('Instructor').selectOption(String(instructorId));
    await dialog.getByLabel('Vehicle').selectOption(String(vehicleId));
    await dialog.locator('#lesson-date').fill(torontoDate(3));
    await dialog.locator('#lesson-start').fill('14:00');
    await dialog.getByTestId('lesson-check-ok').waitFor(SETTLE);
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'booking-dialog-balance.png') });
    await dialog.getByTestId('save-lesson').click();
    await dialog.waitFor({ state: 'detached' });

    // Cancelled three days ahead with a week's notice: late, so the fee is charged to the account.
    const lessons = await invoke<Lessons>('db:lessons:forStudent', { student_id: studentId });
    expect(lessons.upcoming).toHaveLength(1);
    const lesson = lessons.upcoming[0]!;
    await invoke('db:lessons:cancel', { lesson_id: lesson.id, body: { version: lesson.version, reason: 'Student called: exam at school' } });

    // Another seat's change, live: the fee appears without a reload.
    await expect.poll(() => invoiceRows().count(), SETTLE).toBe(2);
    const fee = invoiceRows().filter({ hasText: 'Late' });
    await expect.poll(() => fee.getByTestId('invoice-left').textContent(), SETTLE).toBe('$50.85');
    await expect.poll(() => page.getByTestId('account-owing').textContent(), SETTLE).toBe('$50.85');
    expect(await page.getByTestId('account-credit').textContent()).toBe('$35.00');
    expect(await balance()).toBe('$15.85 owing');

    await page.getByTestId('apply-credit').click();
    await expect.poll(() => page.getByTestId('account-owing').textContent(), SETTLE).toBe('$15.85');
    expect(await page.getByTestId('account-credit').textContent()).toBe('$0.00');
    // The live feed can refresh the figures before the write's own answer puts up the notice.
    await expect.poll(() => page.getByTestId('account-notice').textContent(), SETTLE).toContain('$15.85 is still owing.');
    await axeIdle(page);
  });

  it('credits the course invoice: too much is refused in words, part of it is credited', async () => {
    const course = invoiceRows().filter({ hasText: 'BDE Class G' }).first();
    await course.getByTestId('credit-invoice').click();
    const dialog = page.getByTestId('credit-dialog');
    await dialog.waitFor();
    await dialog.getByLabel('Amount to credit, before HST ($)').fill('600');
    await dialog.getByLabel('Reason').fill('Two classroom sessions cancelled by the school');
    await dialog.getByTestId('credit-dialog-confirm').click();
    await expect.poll(() => dialog.getByTestId('credit-dialog-error').textContent(), SETTLE).toContain(
      'At most $565.00, tax included, can still be credited on this invoice: it totals $565.00 and $0.00 is already credited.',
    );
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'credit-refused.png') });

    await dialog.getByLabel('Amount to credit, before HST ($)').fill('100');
    await dialog.getByTestId('credit-dialog-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('account-notice').textContent(), SETTLE).toMatch(/Credit note CN-\d+ issued on INV-\d+ for \$113\.00\./);
    await expect.poll(() => page.locator('[data-testid="invoice-row"][data-kind="credit_note"]').count(), SETTLE).toBe(1);
    await expect.poll(() => page.getByTestId('account-credit').textContent(), SETTLE).toBe('$113.00');
    expect(await balance()).toBe('$97.15 credit');
    expect(await page.locator('[data-testid="statement-line"][data-kind="credit_note"]').count()).toBe(1);
    await axeIdle(page);
    await page.getByTestId('student-header').scrollIntoViewIfNeeded();
    await page.getByRole('heading', { level: 1 }).evaluate((heading) => heading.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'account-tab.png') });
    await page.screenshot({ path: join(SHOTS, 'account-tab-full.png'), fullPage: true });
  });
});
