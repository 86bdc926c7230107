// Invoice, receipt and statement end to end in Chromium: from the student's Documents tab, "Save as PDF"
// goes through the real app:document:save-pdf channel; main lays the document out on its print route
// (Chromium's page.pdf() standing in for printToPDF), saves it where the save dialog says, and pdftotext
// reads it back. Every amount checked is worked out here from the seeded lines, not read from the app.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { components } from '../shared-contracts/openapi';
import { expectOk, startHarness, type Harness } from './harness';

type Id = { id: number };
type Invoice = components['schemas']['InvoiceRead'];
type Settings = components['schemas']['SchoolSettingsRead'];

let harness: Harness;
let page: Page;

async function invoke<T>(channel: string, payload?: unknown): Promise<T> {
  return expectOk(await harness.invoke<T>(channel, payload));
}

/** The PDF's text as pdftotext gives it (poppler-utils), laid out as printed. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The test's own arithmetic: dollars as the documents print them, and HST rounded half-up per rate. */
const dollars = (cents: number) => `${cents < 0 ? '-' : ''}$${Math.floor(Math.abs(cents) / 100).toLocaleString('en-CA')}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
const hstOn = (taxableCents: number, basisPoints: number) => Math.floor((2 * taxableCents * basisPoints + 10_000) / 20_000);
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An amount as a pattern: "\$965\.10", never matching the start of "$965.105". */
const amount = (cents: number) => `${escaped(dollars(cents))}(?!\\d)`;
/** A label and its amount on one printed line, whatever the space pdftotext leaves between them. */
const figure = (label: string, cents: number) => new RegExp(`(?<![A-Za-z])${escaped(label)}\\s+${amount(cents)}`);

const HST_NUMBER = '123456789 RT0001';

// Maya's invoice, issued while the school is registered: two lines at 13 % and a fee passed through untaxed.
const MAYA_LINES = [
  { description: 'BDE course', quantity: 1, unit_price_cents: 69_500, tax_rate_basis_points: 1300 },
  { description: 'In-car lesson, 1 h', quantity: 2, unit_price_cents: 5_575, tax_rate_basis_points: 1300 },
  { description: 'MTO G2 road test fee (paid for the student)', quantity: 1, unit_price_cents: 5_375, tax_rate_basis_points: 0 },
];
const mayaTaxable = 69_500 + 2 * 5_575; // 80,650: 13 % of it is 10,484.5 cents, which rounds half-up to 10,485
const mayaUntaxed = 5_375;
const mayaSubtotal = mayaTaxable + mayaUntaxed;
const mayaHst = hstOn(mayaTaxable, 1300);
const mayaTotal = mayaSubtotal + mayaHst;
const mayaPaid = 50_000;
const mayaBalance = mayaTotal - mayaPaid;

// Noah's, issued after the school stopped being registered: no tax, and he pays more than he owes.
const noahTotal = 69_500;
const noahPaid = 80_000;
const noahCredit = noahPaid - noahTotal;

let maya: { studentId: number; invoice: Invoice; paymentId: number };
let noah: { studentId: number; invoice: Invoice; paymentId: number };

async function student(first: string, last: string, born: string): Promise<number> {
  return (await invoke<Id>('db:students:create', { body: { first_name: first, last_name: last, date_of_birth: born, address: '4 Elm St, Toronto ON M4W 1A1' } })).id;
}

async function bill(studentId: number, lines: typeof MAYA_LINES, paid: number, method: string, reference: string | null) {
  const invoice = await invoke<Invoice>('db:invoices:create', { body: { student_id: studentId, lines, issue: true } });
  const payment = await invoke<Id>('db:payments:take', { body: { student_id: studentId, method, amount_cents: paid, ...(reference ? { reference } : {}) } });
  return { studentId, invoice, paymentId: payment.id };
}

async function seed() {
  const settings = await invoke<Settings>('db:settings:get');
  await invoke('db:settings:update', { body: { version: settings.version, name: 'Maple Leaf Driving School', address: '12 King St W, Toronto ON M5H 1A1', hst_registered: true, hst_number: HST_NUMBER } });
  maya = await bill(await student('Maya', 'Singh', '1998-05-14'), MAYA_LINES, mayaPaid, 'e_transfer', 'CA7741');
  const now = await invoke<Settings>('db:settings:get');
  await invoke('db:settings:update', { body: { version: now.version, hst_registered: false } });
  noah = await bill(await student('Noah', 'Tremblay', '1997-09-02'), [{ description: 'BDE course', quantity: 1, unit_price_cents: noahTotal, tax_rate_basis_points: 1300 }], noahPaid, 'cash', null);
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

async function openDocuments(name: string) {
  const [first, last] = name.split(' ');
  await page.getByTestId('open-student').filter({ hasText: `${last}, ${first}` }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByTestId('student-tab-documents').click();
  await page.getByTestId('student-documents').waitFor();
}

async function backToStudents() {
  await harness.openApp(page, 'students');
}

/** Clicks Save as PDF in one row (or the tab) and reads back the file the banner names. */
async function savePdf(scope: ReturnType<Page['getByTestId']>, kind: 'invoice' | 'receipt' | 'statement'): Promise<string> {
  await scope.getByTestId(`save-${kind}-pdf`).click();
  const saved = scope.getByTestId(`${kind}-saved`);
  await saved.waitFor();
  const file = (await saved.locator('.banner__text').textContent())?.trim() ?? '';
  expect(file.startsWith(harness.savedDir)).toBe(true);
  return pdfText(file);
}

describe('invoice, receipt and statement as PDF, for a school registered for HST', () => {
  it('lists the student\'s invoice and payment on the Documents tab, each with Print and Save as PDF', async () => {
    await openDocuments('Maya Singh');
    const row = page.getByTestId(`invoice-document-${maya.invoice.id}`);
    await expect.poll(() => row.textContent()).toContain(maya.invoice.document_number!);
    expect(await row.getByRole('button', { name: `Print invoice ${maya.invoice.document_number}` }).count()).toBe(1);
    expect(await page.getByTestId(`payment-document-${maya.paymentId}`).getByRole('button', { name: /Save as PDF \(receipt/ }).count()).toBe(1);
  });

  it('saves the invoice: BN/RT, each line, subtotal, HST at 13% rounded half-up, total, paid and balance', async () => {
    const text = await savePdf(page.getByTestId(`invoice-document-${maya.invoice.id}`), 'invoice');
    expect(harness.dialogs.requests.at(-1)).toMatchObject({ title: 'Save the invoice as PDF', defaultName: expect.stringMatching(new RegExp(`^invoice-${maya.invoice.id}-`)) });
    expect(text).toContain('Maple Leaf Driving School');
    expect(text).toContain(`HST registration no. ${HST_NUMBER}`);
    expect(text).toMatch(new RegExp(`Invoice no\\.\\s+${maya.invoice.document_number}`));
    expect(text).toMatch(/Bill to\s+Maya Singh/i);
    expect(text).toMatch(/In-car lesson, 1 h\s+2\s+\$55\.75\s+13%\s+\$111\.50/);
    expect(text).toMatch(/MTO G2 road test fee \(paid for the student\)\s+1\s+\$53\.75\s+—\s+\$53\.75/);
    expect(text).toMatch(figure('Subtotal', mayaSubtotal));
    expect(text).toMatch(figure('Taxable at 13%', mayaTaxable));
    expect(text).toMatch(figure('HST 13%', mayaHst));
    expect(mayaHst).toBe(10_485);
    expect(text).toMatch(figure('Not taxed', mayaUntaxed));
    expect(text).toMatch(figure('Total', mayaTotal));
    expect(text).toMatch(figure('Paid', mayaPaid));
    expect(text).toMatch(figure('Balance due', mayaBalance));
    expect(text).toMatch(/rounded half-up to the cent/);
    expect(text).not.toContain('DRAFT');
  });

  it('saves the receipt: payment number, date, method, reference, amount, the invoice it paid and no credit left', async () => {
    const text = await savePdf(page.getByTestId(`payment-document-${maya.paymentId}`), 'receipt');
    expect(text).toContain('Receipt');
    expect(text).toMatch(new RegExp(`Payment no\\.\\s+${maya.paymentId}`));
    expect(text).toMatch(/Method\s+E-transfer/);
    expect(text).toMatch(/Reference\s+CA7741/);
    expect(text).toMatch(/Received from\s+Maya Singh/i);
    expect(text).toMatch(figure('Amount received', mayaPaid));
    expect(text).toMatch(figure('Applied to invoices', mayaPaid));
    expect(text).toMatch(figure('Left on account as credit', 0));
    // The invoice it paid: its number, total, what this payment put on it and what it still owes.
    expect(text).toMatch(new RegExp(`${maya.invoice.document_number}\\s+\\S+ \\d+, \\d{4}\\s+${amount(mayaTotal)}\\s+${amount(mayaPaid)}\\s+${amount(mayaBalance)}`));
  });

  it('saves the statement: the charge, the payment, the running balance and the aging', async () => {
    const text = await savePdf(page.getByTestId('student-documents'), 'statement');
    expect(text).toContain('Statement of account');
    expect(text).toMatch(new RegExp(`Invoice ${maya.invoice.document_number}\\s+${amount(mayaTotal)}\\s+${amount(mayaTotal)}`));
    expect(text).toMatch(new RegExp(`Payment, e-transfer \\(no\\. ${maya.paymentId}\\)\\s+${amount(mayaPaid)}\\s+${amount(mayaBalance)}`));
    expect(text).toMatch(figure('Charges (invoices)', mayaTotal));
    expect(text).toMatch(figure('Credit notes', 0));
    expect(text).toMatch(figure('Payments received', -mayaPaid));
    expect(text).toMatch(figure('Balance due', mayaBalance));
    expect(text).toMatch(/Current \(0–30 days\)\s+31–60 days\s+61–90 days\s+Over 90 days\s+Total owing/);
    expect(text).toMatch(new RegExp(`${amount(mayaBalance)}\\s+${amount(0)}\\s+${amount(0)}\\s+${amount(0)}\\s+${amount(mayaBalance)}`));
  });

  it('prints the invoice from the same layout', async () => {
    await page.getByTestId(`invoice-document-${maya.invoice.id}`).getByTestId('print-invoice').click();
    await expect.poll(() => harness.printPages.printed.length, { timeout: 60_000 }).toBe(1);
    const [printed] = harness.printPages.printed;
    expect(printed!.page).toEqual({ kind: 'invoice', id: maya.invoice.id, paper: 'letter' });
    const file = join(harness.savedDir, 'printed-invoice.pdf');
    writeFileSync(file, printed!.pdf);
    expect(pdfText(file)).toMatch(figure('Balance due', mayaBalance));
  });
});

describe('a school that is not registered for HST', () => {
  it('prints no HST line and no BN/RT number on the invoice, and the overpayment as credit on the receipt and statement', async () => {
    await backToStudents();
    await openDocuments('Noah Tremblay');
    const invoice = await savePdf(page.getByTestId(`invoice-document-${noah.invoice.id}`), 'invoice');
    expect(invoice).not.toMatch(/HST|RT0001|Taxable|tax/i);
    expect(invoice).toMatch(figure('Subtotal', noahTotal));
    expect(invoice).toMatch(figure('Total', noahTotal));
    expect(invoice).toMatch(figure('Paid', noahTotal));
    expect(invoice).toMatch(figure('Balance due', 0));

    const receipt = await savePdf(page.getByTestId(`payment-document-${noah.paymentId}`), 'receipt');
    expect(receipt).toMatch(/Method\s+Cash/);
    expect(receipt).toMatch(figure('Amount received', noahPaid));
    expect(receipt).toMatch(figure('Applied to invoices', noahTotal));
    expect(receipt).toMatch(figure('Left on account as credit', noahCredit));

    const statement = await savePdf(page.getByTestId('student-documents'), 'statement');
    expect(statement).toMatch(figure('Owing on open invoices', 0));
    expect(statement).toMatch(figure('Credit on account, not yet applied', -noahCredit));
    expect(statement).toMatch(new RegExp(`${escaped('Balance (in your favour)')}\\s+${escaped(dollars(noahCredit))} credit`));
  });

  it('marks a draft DRAFT with no number, and a credit note names the invoice it corrects', async () => {
    const draft = await invoke<Invoice>('db:invoices:create', { body: { student_id: noah.studentId, lines: [{ description: 'In-car lesson, 1 h', quantity: 1, unit_price_cents: 5_575 }] } });
    const note = await invoke<Invoice>('db:invoices:credit', { invoice_id: noah.invoice.id, body: { reason: 'Two classes missed for illness', lines: [{ description: 'Classes not given', amount_cents: 2_500, tax_rate_basis_points: 1300 }] } });
    await backToStudents();
    await openDocuments('Noah Tremblay');
    const drafted = await savePdf(page.getByTestId(`invoice-document-${draft.id}`), 'invoice');
    expect(drafted).toContain('DRAFT');
    expect(drafted).toMatch(/Invoice no\.\s+Not yet issued/);
    expect(drafted).toMatch(figure('Total', 5_575));
    expect(drafted).not.toMatch(/Balance due/);
    const credited = await savePdf(page.getByTestId(`invoice-document-${note.id}`), 'invoice');
    expect(credited).toMatch(new RegExp(`Credit note no\\.\\s+${note.document_number}`));
    expect(credited).toMatch(new RegExp(`Corrects\\s+${noah.invoice.document_number} of`));
    expect(credited).toContain('Reason: Two classes missed for illness');
    expect(credited).toMatch(figure('Total credited', 2_500));
    expect(credited).not.toMatch(/HST/);
  });

  it('refuses an invoice or payment not on file by its code, before any save dialog', async () => {
    const asked = harness.dialogs.requests.length;
    expect(await harness.invoke('app:document:save-pdf', { kind: 'invoice', id: 999_999 })).toMatchObject({ ok: false, error: { code: 'invoice.not_found' } });
    expect(await harness.invoke('app:document:save-pdf', { kind: 'receipt', id: 999_999 })).toMatchObject({ ok: false, error: { code: 'payment.not_found' } });
    expect(await harness.invoke('app:document:save-pdf', { kind: 'statement', id: 999_999 })).toMatchObject({ ok: false, error: { code: 'student.not_found' } });
    expect(harness.dialogs.requests.length).toBe(asked);
  });
});
