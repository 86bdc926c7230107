// The Billing screen end to end in Chromium through the real preload, bridge and backend, at 1366×768:
// invoices and payments are entered through the bridge, the desk filters the unpaid and the overdue ones,
// opens today's cash-up, checks its figures, and saves it as PDF; pdftotext reads the totals back.
// axe-core checks every screen opened (axe-watch.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeIdle, expectOk, repoRoot, startHarness, type Harness } from './harness';
import { torontoDate } from './school-time';

const SHOTS = process.env.ODSM_SHOTS_DIR ?? join(repoRoot, 'test-results/e2e');
const PAPER = 'Entered from the paper register';
const LESSON = { description: 'In-car lesson, 60 minutes', unit_price_cents: 6_500, tax_rate_basis_points: 1300 }; // $73.45 with HST

type Id = { id: number };

let harness: Harness;
let page: Page;
let maya: number;

async function invoke<T>(channel: string, payload?: unknown): Promise<T> {
  return expectOk(await harness.invoke<T>(channel, payload));
}

async function shot(name: string) {
  await axeIdle(page);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const invoice = (student: number, lines: unknown[], extra: object = {}) => invoke<Id>('db:invoices:create', { body: { student_id: student, lines, issue: true, ...extra } });
const pay = (student: number, method: string, amount: number, allocations?: { invoice_id: number; amount_cents: number }[]) =>
  invoke<Id>('db:payments:take', { body: { student_id: student, method, amount_cents: amount, ...(allocations ? { allocations } : {}) } });

async function seed() {
  await invoke('db:settings:update', { body: { version: 1, name: 'Maple Leaf Driving School' } });
  maya = (await invoke<Id>('db:students:create', { body: { first_name: 'Maya', last_name: 'Singh', date_of_birth: '1998-05-14', licence_class: 'G1' } })).id;
  const noah = (await invoke<Id>('db:students:create', { body: { first_name: 'Noah', last_name: 'Tremblay', date_of_birth: '1995-09-02', licence_class: 'G2' } })).id;
  // INV-000001: 45 days old and unpaid, past the school's 30-day terms.
  await invoice(maya, [LESSON], { invoice_date: torontoDate(-45), reason: PAPER });
  // INV-000002: two lessons today ($146.90), $75.00 of it paid.
  const twoLessons = await invoice(maya, [{ ...LESSON, quantity: 2 }]);
  // INV-000003: paid in full by debit.
  const noahsLesson = await invoice(noah, [LESSON]);
  await pay(maya, 'cash', 5_000, [{ invoice_id: twoLessons.id, amount_cents: 5_000 }]);
  await pay(noah, 'debit', 7_345, [{ invoice_id: noahsLesson.id, amount_cents: 7_345 }]);
  const card = await pay(noah, 'credit_card', 12_000); // nothing open: a credit on account
  await pay(maya, 'e_transfer', 2_500, [{ invoice_id: twoLessons.id, amount_cents: 2_500 }]);
  const cheque = await pay(noah, 'cheque', 4_000);
  await invoke('db:payments:refund', { payment_id: card.id, body: { amount_cents: 2_000, reason: 'Part of the credit returned' } });
  await invoke('db:payments:reverse', { payment_id: cheque.id, body: { reason: 'Cheque returned NSF' } });
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

const rowNumbers = () => page.getByTestId('invoice-row').locator('th').allTextContents();

describe('the Billing screen', () => {
  it('is reached from the navigation by keyboard and lists the school’s invoices, newest first', async () => {
    await page.getByTestId('nav-billing').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Billing', exact: true }).waitFor();
    await expect.poll(rowNumbers).toEqual(['INV-000003', 'INV-000002', 'INV-000001']);
    await shot('billing-desk-invoices');
  });

  it('filters the unpaid invoices, with what is left on each, and the overdue ones past the terms', async () => {
    await page.getByTestId('invoice-show-unpaid').click();
    await expect.poll(rowNumbers).toEqual(['INV-000002', 'INV-000001']);
    const partPaid = page.getByTestId('invoice-row').filter({ hasText: 'INV-000002' });
    await expect.poll(() => partPaid.textContent()).toMatch(/Maya Singh.*\$146\.90\$75\.00\$71\.90Part paid/);
    expect(await page.getByTestId('invoices-owing').textContent()).toBe('Left to pay on these 2 invoices: $145.35');
    await shot('billing-desk-unpaid');

    await page.getByTestId('invoice-show-overdue').click();
    await expect.poll(rowNumbers).toEqual(['INV-000001']);
    expect(await page.getByTestId('invoice-status').textContent()).toBe('Overdue');

    await page.getByTestId('invoice-show-unpaid').click();
    await page.getByTestId('invoice-from').fill(torontoDate(-10));
    await expect.poll(rowNumbers).toEqual(['INV-000002']);
    expect(await page.getByTestId('pagination-summary').textContent()).toBe('Showing 1–1 of 1');
  });

  it('opens the student from an invoice row', async () => {
    await page.getByTestId('invoice-student').first().click();
    await page.getByRole('heading', { level: 1, name: 'Maya Singh' }).waitFor();
    expect(await page.evaluate(() => window.location.hash)).toBe(`#student?id=${maya}`);
  });

  it('shows today’s cash-up: payments by method with counts and totals, refunds and reversals apart', async () => {
    await page.getByTestId('nav-billing').click();
    await page.getByTestId('billing-tab-invoices').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByTestId('cash-up-payments').waitFor();
    const cells = async (testId: string) => (await page.getByTestId(testId).locator('td').allTextContents()).join(' ');
    expect(await cells('cash-up-payments-cash')).toBe('1 $50.00');
    expect(await cells('cash-up-payments-debit')).toBe('1 $73.45');
    expect(await cells('cash-up-payments-credit_card')).toBe('1 $120.00');
    expect(await cells('cash-up-payments-e_transfer')).toBe('1 $25.00');
    expect(await cells('cash-up-payments-cheque')).toBe('1 $40.00');
    expect(await cells('cash-up-payments-total')).toBe('5 $308.45');
    expect(await page.getByTestId('cash-up-taken-back').locator('caption').textContent()).toBe('Refunds: 1, $20.00 · Reversals: 1, $40.00');
    expect(await page.getByTestId('cash-up-taken-back-row').allTextContents()).toEqual([
      'RefundNoah TremblayCredit card−$20.00Part of the credit returned',
      'ReversalNoah TremblayCheque−$40.00Cheque returned NSF',
    ]);
    expect(await page.getByTestId('cash-up-net').textContent()).toContain('$248.45');
    await shot('billing-desk-cash-up');
  });

  it('saves the cash-up as PDF, and the PDF holds the same totals', async () => {
    await page.getByTestId('save-cash-up-pdf').click();
    const saved = page.getByTestId('cash-up-saved');
    await saved.waitFor();
    const file = (await saved.locator('.banner__text').textContent())?.trim() ?? '';
    const day = torontoDate(0);
    expect(harness.ipcCalls.find((c) => c.channel === 'app:document:save-pdf')?.payload).toEqual({ kind: 'cash-up', id: Number(day.replaceAll('-', '')) });
    expect(harness.dialogs.requests.at(-1)).toMatchObject({ title: 'Save the cash-up as PDF', defaultName: `cash-up-${day}.pdf` });
    const text = pdfText(file);
    expect(text).toContain('Maple Leaf Driving School');
    expect(text).toMatch(/Cash-up: \w+day, /);
    expect(text).toMatch(/Cash\s+1\s+\$50\.00/);
    expect(text).toMatch(/Debit\s+1\s+\$73\.45/);
    expect(text).toMatch(/Credit card\s+1\s+\$120\.00/);
    expect(text).toMatch(/E-transfer\s+1\s+\$25\.00/);
    expect(text).toMatch(/Cheque\s+1\s+\$40\.00/);
    expect(text).toMatch(/Total\s+5\s+\$308\.45/);
    expect(text).toContain('Refunds: 1, $20.00 · Reversals: 1, $40.00');
    expect(text).toMatch(/Net for the day[^\n]*\$248\.45/);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', file, join(SHOTS, 'billing-desk-cash-up-pdf')]);
    await shot('billing-desk-cash-up-saved');
  });

  it('shows a quiet day before as zeros, with nothing taken back', async () => {
    await page.getByTestId('cash-up-previous').click();
    await expect.poll(async () => (await page.getByTestId('cash-up-payments-total').locator('td').allTextContents()).join(' ')).toBe('0 $0.00');
    await page.getByTestId('cash-up-nothing-back').waitFor();
  });
});
