import { QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { reactRootPerTest } from '../../../test/react-root';
import type { Invoice, Payment, Statement } from '../types';
import { TakePaymentDialog } from './take-payment-dialog';

type Host = { odsm?: unknown };
const host = globalThis as unknown as Host;
const view = reactRootPerTest();
const TODAY = '2026-12-02';

afterEach(() => {
  delete host.odsm;
});

const aging = { current_cents: 0, days_31_60_cents: 0, days_61_90_cents: 0, over_90_cents: 0 };
function aStatement(balance: number): Statement {
  return { student_id: 7, as_of: TODAY, lines: [], charges_cents: balance, credits_cents: 0, payments_cents: 0, refunds_cents: 0, balance_cents: balance, owing_cents: balance, account_credit_cents: 0, aging, prepaid_minutes: 0 };
}
function anInvoice(id: number, owing: number, on: string): Invoice {
  return {
    id, kind: 'invoice', status: 'issued', number: id, document_number: `INV-00000${id}`, student_id: 7, credit_of_id: null, enrollment_id: null, lesson_id: null,
    invoice_date: on, due_on: on, bill_to_name: 'Maya Singh', bill_to_kind: 'student', hst_registered: false, hst_number: '', subtotal_cents: owing, tax_cents: 0, total_cents: owing,
    taxes: [], tax_note: '', paid_cents: 0, credited_cents: 0, owing_cents: owing, notes: null, reason: null, issued_at: null,
    lines: [{ position: 1, product_id: null, description: `Lesson ${id}`, quantity: 1, unit_price_cents: owing, tax_rate_basis_points: 0, amount_cents: owing, prepaid_minutes: 0 }], version: 1,
  };
}
function aPayment(amount: number, placed: number): Payment {
  return { id: 1, kind: 'payment', student_id: 7, refers_to_id: null, method: 'debit', reference: null, amount_cents: amount, received_on: TODAY, reason: null, allocations: placed ? [{ invoice_id: 1, amount_cents: placed, allocated_on: TODAY }] : [], unallocated_cents: amount - placed, refunded_cents: 0, version: 1 };
}

function stub(balance: number, invoices: Invoice[], take = vi.fn()) {
  host.odsm = {
    billing: { statement: vi.fn().mockResolvedValue({ ok: true, data: aStatement(balance) }) },
    invoices: { list: vi.fn().mockResolvedValue({ ok: true, data: { items: invoices, total: invoices.length } }) },
    payments: { take },
  };
  return take;
}

async function settle() {
  for (let i = 0; i < 5; i += 1) await act(async () => new Promise((done) => setTimeout(done, 0)));
}

async function open() {
  view.render(
    <QueryClientProvider client={createQueryClient()}>
      <TakePaymentDialog studentId={7} studentName="Maya Singh" today={TODAY} onClose={() => {}} />
    </QueryClientProvider>,
  );
  await settle();
}

const field = <T extends HTMLElement = HTMLInputElement>(id: string) => document.querySelector<T>(`[id="${id}"]`)!;
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`);

function type(id: string, value: string) {
  const input = field(id);
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
}

function tick(id: string) {
  act(() => field(id).click());
}

async function submit() {
  await act(async () => void field<HTMLFormElement>('take-payment-form').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await settle();
}

describe('the Take payment dialog', () => {
  it('opens with what is owed typed in, cash, today, and the amount field focused', async () => {
    stub(4520, [anInvoice(1, 4520, '2026-11-30')]);
    await open();
    expect(field('amount_cents').value).toBe('45.20');
    expect(field<HTMLSelectElement>('method').value).toBe('cash');
    expect(field('received_on').value).toBe(TODAY);
    expect(document.activeElement).toBe(field('amount_cents'));
  });

  it('names a bad amount under its field and sends nothing', async () => {
    const take = stub(4520, []);
    await open();
    for (const [typed, words] of [
      ['45.205', 'Enter dollars and cents with at most two decimals, e.g. 45.20.'],
      ['', 'Enter an amount, e.g. 45.20.'],
      ['0', 'The amount must be more than $0.00.'],
    ] as const) {
      type('amount_cents', typed);
      await submit();
      expect(byTestId('field-error-amount_cents')?.textContent).toBe(words);
      expect(field('amount_cents').getAttribute('aria-invalid')).toBe('true');
    }
    type('received_on', '2099-01-01');
    await submit();
    expect(byTestId('field-error-received_on')?.textContent).toBe('The date can’t be after today.');
    expect(take).not.toHaveBeenCalled();
  });

  it('sends dollars as integer cents, oldest first, and shows an overpayment as credit', async () => {
    const take = stub(4520, [anInvoice(1, 4520, '2026-11-30')], vi.fn().mockResolvedValue({ ok: true, data: aPayment(6000, 4520) }));
    await open();
    type('amount_cents', '60');
    act(() => {
      const select = field<HTMLSelectElement>('method');
      select.value = 'debit';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await submit();
    expect(take).toHaveBeenCalledWith({ body: { student_id: 7, method: 'debit', reference: null, amount_cents: 6000, received_on: TODAY, allocations: null, reason: null } });
    expect(byTestId('payment-result')?.textContent).toContain('$45.20 paid on invoices.');
    expect(byTestId('payment-credit')?.textContent).toBe('$14.80 is credit on the account, kept for later.');
  });

  it('checks chosen invoices: none chosen, more than an invoice owes, more than the payment', async () => {
    const take = stub(7000, [anInvoice(2, 3000, '2026-11-01'), anInvoice(1, 4000, '2026-11-30')]);
    await open();
    tick('choose-invoices');
    await submit();
    expect(byTestId('field-error-allocations')?.textContent).toBe('Put an amount on at least one invoice, or let the payment go on the oldest invoices first.');
    type('invoice-2', '31');
    await submit();
    expect(byTestId('field-error-invoice-2')?.textContent).toBe('The amount can be at most $30.00.');
    type('amount_cents', '50');
    type('invoice-2', '30');
    type('invoice-1', '25');
    await submit();
    expect(byTestId('field-error-allocations')?.textContent).toBe('The amounts on invoices add up to $55.00, more than the payment of $50.00.');
    expect(take).not.toHaveBeenCalled();
  });

  it('shows a backend refusal in words under the invoice it names', async () => {
    const take = vi.fn().mockResolvedValue({
      ok: false,
      error: { code: 'payment.exceeds_invoice_balance', message: 'More is placed on an invoice than it still owes.', requestId: 'r-1', details: { field: 'allocations.1.amount_cents', invoice_id: 1, owing_cents: 1000, amount_cents: 2000 } },
    });
    stub(7000, [anInvoice(2, 3000, '2026-11-01'), anInvoice(1, 4000, '2026-11-30')], take);
    await open();
    tick('choose-invoices');
    type('invoice-2', '10');
    type('invoice-1', '20');
    await submit();
    expect(take).toHaveBeenCalledWith({ body: expect.objectContaining({ amount_cents: 7000, allocations: [{ invoice_id: 2, amount_cents: 1000 }, { invoice_id: 1, amount_cents: 2000 }] }) });
    expect(byTestId('field-error-invoice-1')?.textContent).toBe('That invoice still owes only $10.00: $20.00 can’t go on it. Put the rest on another invoice or leave it as credit.');
  });

  it('shows a refusal that names no field in a banner, in words', async () => {
    const take = vi.fn().mockResolvedValue({ ok: false, error: { code: 'payment.other_students_invoice', message: 'x', requestId: 'r-2', details: { invoice_id: 9 } } });
    stub(4520, [], take);
    await open();
    await submit();
    expect(byTestId('payment-error')?.textContent).toContain('That invoice belongs to another student');
  });
});
