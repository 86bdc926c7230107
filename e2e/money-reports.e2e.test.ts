// Money reports: money entered through the bridge, then the screen's revenue table, HST return and
// receivables read back against sums worked out here, and the accountant's CSV saved where the save
// dialog points. Built renderer in Chromium, the real preload, main's handler and the real backend.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelResponse } from '../shared-contracts/channels';
import { newStudentBody } from '../electron/test/contract/samples/students-samples';
import { axeIdle, expectOk, startHarness, type Harness } from './harness';

// Looked at by a person, not committed: the owner's view at the desk's usual screen size.
const SHOTS = process.env.ODSM_SHOTS_DIR ?? join(process.cwd(), 'test-results/e2e');
let harness: Harness;

type Invoice = ChannelResponse<'db:invoices:create'>;

const money = (cents: number) => new Intl.NumberFormat('en-CA', { style: 'currency', currency: 'CAD', currencyDisplay: 'narrowSymbol' }).format(cents / 100);
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });
const daysBack = (n: number) => new Date(Date.now() - n * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'America/Toronto' });

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ viewport: { width: 1366, height: 768 } });
  await harness.openApp(harness.page, 'students');
});

afterAll(async () => {
  await harness?.close();
});

async function seed() {
  const student = async (last: string) => expectOk(await harness.invoke<{ id: number; first_name: string; last_name: string }>('db:students:create', { body: { ...newStudentBody(), last_name: last } }));
  const products = expectOk(await harness.invoke<ChannelResponse<'db:billing:listProducts'>>('db:billing:listProducts', {})).items;
  const id = (code: string) => products.find((p) => p.code === code)!.id;
  const maya = await student('Chen');
  const omar = await student('Haddad');
  const lessons = expectOk(await harness.invoke<Invoice>('db:invoices:create', { body: { student_id: maya.id, lines: [{ product_id: id('lesson_60'), quantity: 2 }], issue: true } }));
  const car = expectOk(
    await harness.invoke<Invoice>('db:invoices:create', {
      body: { student_id: omar.id, lines: [{ product_id: id('road_test_car'), quantity: 1 }], issue: true, invoice_date: daysBack(40), reason: 'Entered from the paper register' },
    }),
  );
  expectOk(await harness.invoke('db:payments:take', { body: { student_id: maya.id, method: 'cash', amount_cents: 10_000 } }));
  return { maya, omar, lessons, car };
}

describe('the money reports screen', () => {
  it('shows the month’s sales and HST, the return’s lines, what is owed by age, and saves the accountant’s CSV', async () => {
    const { maya, omar, lessons, car } = await seed();
    const page = harness.page;
    await page.getByTestId('nav-money-reports').click();
    await page.getByRole('heading', { level: 1, name: 'Money reports' }).waitFor();

    // This month's row and the HST return for it (the period the screen opens on), summed from what was entered.
    const now = today();
    const inMonth = [lessons, car].filter((i) => i.invoice_date.slice(0, 7) === now.slice(0, 7));
    const sales = inMonth.reduce((n, i) => n + i.subtotal_cents, 0);
    const tax = inMonth.reduce((n, i) => n + i.tax_cents, 0);
    const row = page.getByTestId(`revenue-row-${MONTHS[Number(now.slice(5, 7)) - 1]}`);
    await expect.poll(() => row.textContent()).toContain(money(sales));
    expect(await row.textContent()).toContain(money(tax));
    const line101 = page.getByTestId('hst-line-101');
    await expect.poll(() => line101.textContent()).toContain(money(sales));
    expect(await page.getByTestId('hst-line-103').textContent()).toContain(money(tax));
    expect(await page.getByTestId('hst-line-105').textContent()).toContain(money(tax));

    // Receivables: Maya paid 100.00 of 146.90 today; Omar owes his 197.75 from 40 days ago.
    const mayaOwes = lessons.total_cents - 10_000;
    expect(await page.getByTestId('aging-current_cents').textContent()).toContain(money(mayaOwes));
    expect(await page.getByTestId('aging-days_31_60_cents').textContent()).toContain(money(car.total_cents));
    const owing = page.getByTestId('top-owing-row');
    expect(await owing.count()).toBe(2);
    expect(await owing.nth(0).textContent()).toContain(`${omar.first_name} ${omar.last_name}`);
    expect(await owing.nth(1).textContent()).toContain(`${maya.first_name} ${maya.last_name}`);
    await axeIdle(page);
    await page.screenshot({ path: join(SHOTS, 'money-reports.png') });
    await page.screenshot({ path: join(SHOTS, 'money-reports-full.png'), fullPage: true });

    // By quarter: the chart and table change, the keyboard reaches the grouping buttons.
    await page.getByTestId('money-grouping-quarter').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('revenue-row-Q1').waitFor();
    await page.screenshot({ path: join(SHOTS, 'money-reports-quarters.png') });
    await page.getByTestId('money-grouping-month').click();

    // The accountant's CSV for this month, where the save dialog points.
    await page.getByTestId('export-accountant-csv').click();
    const result = page.getByTestId('accountant-csv-result');
    await result.waitFor();
    const files = readdirSync(harness.savedDir).filter((name) => name.endsWith('.csv'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^invoices-and-payments-\d{4}-\d{2}-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(await result.textContent()).toContain(files[0]);
    await page.screenshot({ path: join(SHOTS, 'money-reports-exported.png') });
    const rows = readFileSync(join(harness.savedDir, files[0]!), 'utf8').trimEnd().split('\r\n');
    expect(rows[0]).toBe('Date,Type,Number,Refers to,Student ID,Student,Bill to,Description,Method,Reference,Net,HST,Total,Due date');
    expect(rows).toHaveLength(1 + inMonth.length + 1);
    expect(rows.find((r) => r.includes(`,Invoice,${lessons.document_number},`))).toContain(',130.00,16.90,146.90,');
    expect(rows.find((r) => r.includes(',Payment,'))).toMatch(new RegExp(`^${now},Payment,PMT-\\d{6},${lessons.document_number},${maya.id},.*,Cash,,,,100\\.00,$`));
  });
});
