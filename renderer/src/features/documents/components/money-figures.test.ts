import { describe, expect, it } from 'vitest';
import type { Invoice, Payment, Statement } from '../types';
import { agingRows, appliedRows, balanceText, invoiceFigures, invoiceName, receiptFigures, statementDescription, statementFigures } from './money-figures';

function invoice(over: Partial<Invoice> = {}): Invoice {
  return {
    id: 12,
    kind: 'invoice',
    status: 'issued',
    number: 12,
    document_number: 'INV-000012',
    student_id: 7,
    credit_of_id: null,
    enrollment_id: null,
    lesson_id: null,
    invoice_date: '2026-11-30',
    due_on: '2026-12-30',
    bill_to_name: 'Maya Singh',
    bill_to_kind: 'student',
    hst_registered: true,
    hst_number: '123456789 RT0001',
    subtotal_cents: 0,
    tax_cents: 0,
    total_cents: 0,
    taxes: [],
    tax_note: 'HST is worked out on the taxable total at each rate and rounded half-up to the cent.',
    paid_cents: 0,
    credited_cents: 0,
    owing_cents: 0,
    notes: null,
    reason: null,
    issued_at: '2026-11-30T15:00:00Z',
    lines: [],
    version: 2,
    ...over,
  };
}

const labels = (rows: { label: string; cents: number }[]) => rows.map((r) => `${r.label} ${r.cents}`);

describe('the totals an invoice prints', () => {
  it('gives one HST line, after the subtotal, when every line is at one rate', () => {
    const rows = invoiceFigures(invoice({ subtotal_cents: 80650, tax_cents: 10485, total_cents: 91135, taxes: [{ rate_basis_points: 1300, taxable_cents: 80650, tax_cents: 10485 }], paid_cents: 50000, owing_cents: 41135 }));
    expect(labels(rows)).toEqual(['Subtotal 80650', 'HST 13% 10485', 'Total 91135', 'Paid 50000', 'Balance due 41135']);
  });

  it('breaks the subtotal down by rate, and what was not taxed, then gives HST at each rate, when rates differ', () => {
    const rows = invoiceFigures(
      invoice({
        subtotal_cents: 110000,
        tax_cents: 11700 + 500,
        total_cents: 122200,
        taxes: [
          { rate_basis_points: 500, taxable_cents: 10000, tax_cents: 500 },
          { rate_basis_points: 1300, taxable_cents: 90000, tax_cents: 11700 },
        ],
        owing_cents: 122200,
      }),
    );
    expect(labels(rows)).toEqual(['Subtotal 110000', 'Taxable at 5% 10000', 'Taxable at 13% 90000', 'Not taxed 10000', 'HST 5% 500', 'HST 13% 11700', 'Total 122200', 'Paid 0', 'Balance due 122200']);
    expect(rows.filter((r) => r.detail).map((r) => r.label)).toEqual(['Taxable at 5%', 'Taxable at 13%', 'Not taxed']);
  });

  it('prints no tax line at all for a school that was not registered', () => {
    const rows = invoiceFigures(invoice({ hst_registered: false, hst_number: '', subtotal_cents: 69500, total_cents: 69500, taxes: [], owing_cents: 69500 }));
    expect(rows.some((r) => /HST|tax/i.test(r.label))).toBe(false);
    expect(labels(rows)).toEqual(['Subtotal 69500', 'Total 69500', 'Paid 0', 'Balance due 69500']);
  });

  it('ignores tax lines the backend might list when the invoice was not registered', () => {
    const rows = invoiceFigures(invoice({ hst_registered: false, taxes: [{ rate_basis_points: 1300, taxable_cents: 100, tax_cents: 13 }] }));
    expect(rows.some((r) => r.label.startsWith('HST'))).toBe(false);
  });

  it('shows what credit notes took off before the balance', () => {
    const rows = invoiceFigures(invoice({ subtotal_cents: 10000, tax_cents: 1300, total_cents: 11300, taxes: [{ rate_basis_points: 1300, taxable_cents: 10000, tax_cents: 1300 }], paid_cents: 5000, credited_cents: 1130, owing_cents: 5170 }));
    expect(labels(rows).slice(-3)).toEqual(['Paid 5000', 'Credited (credit notes) 1130', 'Balance due 5170']);
  });

  it('gives a draft and a credit note no paid or balance line', () => {
    const draft = invoiceFigures(invoice({ status: 'draft', number: null, document_number: null, total_cents: 100, subtotal_cents: 100 }));
    expect(draft.map((r) => r.label)).toEqual(['Subtotal', 'Total']);
    const credit = invoiceFigures(invoice({ kind: 'credit_note', document_number: 'CN-000001', credit_of_id: 12, subtotal_cents: 1000, tax_cents: 130, total_cents: 1130, taxes: [{ rate_basis_points: 1300, taxable_cents: 1000, tax_cents: 130 }] }));
    expect(labels(credit)).toEqual(['Subtotal 1000', 'HST 13% 130', 'Total credited 1130']);
  });

  it('names a draft by what it is, an issued one by its number', () => {
    expect(invoiceName(invoice())).toBe('INV-000012');
    expect(invoiceName(invoice({ status: 'draft', document_number: null }))).toBe('Draft invoice');
  });
});

const payment: Payment = {
  id: 5,
  kind: 'payment',
  student_id: 7,
  refers_to_id: null,
  method: 'e_transfer',
  reference: 'CA1234',
  amount_cents: 100000,
  received_on: '2026-12-01',
  reason: null,
  allocations: [{ invoice_id: 12, amount_cents: 91135, allocated_on: '2026-12-01' }],
  unallocated_cents: 8865,
  refunded_cents: 0,
  version: 1,
};

describe('the figures a receipt prints', () => {
  it('gives what was received, what went on invoices and the credit left on account', () => {
    expect(labels(receiptFigures(payment))).toEqual(['Amount received 100000', 'Applied to invoices 91135', 'Left on account as credit 8865']);
  });

  it('names the invoices it paid by number, with what each still owes', () => {
    const paid = invoice({ total_cents: 91135, owing_cents: 0 });
    expect(appliedRows(payment, new Map([[12, paid]]))).toEqual([{ invoiceId: 12, invoice: 'INV-000012', invoiceDate: '2026-11-30', invoiceTotal: 91135, applied: 91135, stillOwing: 0 }]);
  });

  it('says what a refund gave back, with no invoice lines', () => {
    expect(labels(receiptFigures({ ...payment, kind: 'refund', refers_to_id: 5, amount_cents: 2000, allocations: [] }))).toEqual(['Amount refunded 2000']);
  });
});

describe('the statement', () => {
  const statement: Statement = {
    student_id: 7,
    as_of: '2026-12-02',
    lines: [],
    charges_cents: 91135,
    credits_cents: 0,
    payments_cents: 100000,
    refunds_cents: 0,
    balance_cents: -8865,
    owing_cents: 0,
    account_credit_cents: 8865,
    aging: { current_cents: 1000, days_31_60_cents: 2000, days_61_90_cents: 3000, over_90_cents: 4000 },
    prepaid_minutes: 0,
  };

  it('writes a balance in the student\'s favour as credit, not as a minus sign', () => {
    expect(balanceText(-8865)).toBe('$88.65 credit');
    expect(balanceText(41135)).toBe('$411.35');
    const balance = statementFigures(statement).find((r) => r.strong)!;
    expect(balance).toMatchObject({ label: 'Balance (in your favour)', cents: -8865, text: '$88.65 credit' });
  });

  it('adds up: charges less credit notes and payments, plus refunds, make the balance', () => {
    const owing = { ...statement, charges_cents: 96510, credits_cents: 1130, payments_cents: 50000, refunds_cents: 2000, balance_cents: 47380, owing_cents: 47380, account_credit_cents: 0 };
    const rows = statementFigures(owing);
    expect(labels(rows)).toEqual(['Charges (invoices) 96510', 'Credit notes -1130', 'Payments received -50000', 'Refunds and reversals 2000', 'Balance due 47380']);
    expect(rows.slice(0, -1).reduce((sum, r) => sum + r.cents, 0)).toBe(owing.balance_cents);
  });

  it('splits the balance into what invoices owe and the credit not yet applied, when there is such credit', () => {
    const rows = statementFigures({ ...statement, balance_cents: 1135, owing_cents: 10000, account_credit_cents: 8865 });
    expect(labels(rows).slice(-2)).toEqual(['Owing on open invoices 10000', 'Credit on account, not yet applied -8865']);
  });

  it('names a payment on the statement by its number, as its receipt does', () => {
    expect(statementDescription({ on: '2026-12-01', kind: 'payment', record_id: 5, description: 'Payment, cash', charge_cents: 0, credit_cents: 100, balance_cents: 0 })).toBe('Payment, cash (no. 5)');
    expect(statementDescription({ on: '2026-12-01', kind: 'invoice', record_id: 12, description: 'Invoice INV-000012', charge_cents: 100, credit_cents: 0, balance_cents: 100 })).toBe('Invoice INV-000012');
  });

  it('ages what is owed in four buckets and totals them', () => {
    expect(labels(agingRows(statement))).toEqual(['Current (0–30 days) 1000', '31–60 days 2000', '61–90 days 3000', 'Over 90 days 4000', 'Total owing 10000']);
  });
});
