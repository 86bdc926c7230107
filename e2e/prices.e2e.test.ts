// Settings → Prices and billing end to end in Chromium through the real preload, bridge and backend, at
// 1366×768: the owner changes a lesson's price by keyboard and the next invoice is made at it; a stale edit
// (someone else changed the price first) is refused in words, the dialog shows the latest, and saving again
// lands; the billing terms are saved and read back. axe-core checks every screen and dialog (axe-watch.ts).
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeIdle, expectOk, repoRoot, startHarness, type Harness } from './harness';

const SHOTS = process.env.ODSM_SHOTS_DIR ?? join(repoRoot, 'test-results/e2e');

type Product = { id: number; code: string; name: string; price_cents: number; version: number };
type Invoice = { lines: Array<{ unit_price_cents: number; product_id: number | null }> };

let harness: Harness;
let page: Page;

async function invoke<T>(channel: string, payload?: unknown): Promise<T> {
  return expectOk(await harness.invoke<T>(channel, payload));
}

async function product(code: string): Promise<Product> {
  const list = await invoke<{ items: Product[] }>('db:billing:listProducts', { include_inactive: true });
  const found = list.items.find((p) => p.code === code);
  if (!found) throw new Error(`no product ${code}`);
  return found;
}

/** Opens a product's price dialog from its row by keyboard. */
async function openPrice(code: string) {
  await page.getByTestId(`edit-price-${code}`).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('price-dialog').waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  page = harness.page;
  await invoke('db:billing:getSettings'); // the school's price list is made on first use
  await harness.openApp(page, 'settings');
});

afterAll(async () => {
  await harness?.close();
});

describe('the price list', () => {
  it('lists every product with its price and tax, the road-test car at the price bookings charge', async () => {
    const table = page.getByTestId('price-list');
    await table.waitFor();
    const car = await product('road_test_car');
    await expect.poll(() => page.getByTestId('price-row-road_test_car').innerText()).toContain('$150.00');
    expect(car.price_cents).toBe(15_000);
    expect(await page.getByTestId('price-row-lesson_60').innerText()).toMatch(/In-car lesson, 1 hour[\s\S]*\$65\.00[\s\S]*13 %/);
  });

  it('changes a lesson’s price by keyboard, and the next invoice is made at the new price', async () => {
    await openPrice('lesson_60');
    // The price field has focus, its text selected for typing over.
    await page.keyboard.press('Control+A');
    await page.keyboard.type('70.00');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('price-saved').innerText()).toContain('In-car lesson, 1 hour now costs $70.00 before tax.');
    expect(await page.getByTestId('price-dialog').count()).toBe(0);
    await expect.poll(() => page.getByTestId('price-row-lesson_60').innerText()).toContain('$70.00');

    const lesson = await product('lesson_60');
    const student = await invoke<{ id: number }>('db:students:create', {
      body: { first_name: 'Maya', last_name: 'Singh', date_of_birth: '1998-05-14', licence_class: 'G1' },
    });
    const invoice = await invoke<Invoice>('db:invoices:create', { body: { student_id: student.id, lines: [{ product_id: lesson.id }] } });
    expect(invoice.lines[0]).toMatchObject({ product_id: lesson.id, unit_price_cents: lesson.price_cents });
    expect(lesson.price_cents).toBe(7_000);
  });

  it('refuses a price someone else changed first, shows the latest, and saves against it', async () => {
    await openPrice('lesson_90');
    const before = await product('lesson_90');
    // This desk starts typing; another desk raises the price while the dialog is open.
    await page.locator('#price-amount').fill('97.50');
    await invoke('db:billing:updateProduct', { product_id: before.id, body: { version: before.version, price_cents: 9_900 } });
    // The change arrives live and is pointed out, without touching what is typed here.
    await expect.poll(() => page.getByTestId('price-changed-elsewhere').innerText()).toContain('It now costs $99.00 before tax.');
    expect(await page.locator('#price-amount').inputValue()).toBe('97.50');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('price-error').innerText()).toContain('Someone else changed this price a moment ago');
    // The dialog now shows the other desk's price, not this desk's typing.
    await expect.poll(() => page.locator('#price-amount').inputValue()).toBe('99.00');
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'prices-conflict.png') });
    await page.locator('#price-amount').fill('97.50');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('price-saved').innerText()).toContain('now costs $97.50 before tax.');
    expect((await product('lesson_90')).price_cents).toBe(9_750);
  });

  it('names the field when a price can’t be read, and saves nothing', async () => {
    await openPrice('no_show_fee');
    await page.locator('#price-amount').fill('forty');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#price-amount').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('price-dialog').innerText()).toContain('Enter a price in dollars, like 65.00.');
    // Focus goes to the field the message is under, so the desk types the fix straight away.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('price-amount');
    await page.keyboard.press('Escape');
    expect((await product('no_show_fee')).price_cents).toBe(4_500);
  });

  it('saves the billing terms: the enrolment invoice issued at once, due in 14 days', async () => {
    await page.locator('#enrolment-invoice-status').selectOption('issued');
    await page.locator('#payment-terms-days').fill('14');
    await page.getByTestId('save-billing-terms').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('billing-terms-status').innerText()).toBe('Billing terms saved.');
    const terms = await invoke<{ enrolment_invoice_status: string; payment_terms_days: number }>('db:billing:getSettings');
    expect(terms).toMatchObject({ enrolment_invoice_status: 'issued', payment_terms_days: 14 });
    await page.getByTestId('prices-section').scrollIntoViewIfNeeded();
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'prices.png') });
  });
});
