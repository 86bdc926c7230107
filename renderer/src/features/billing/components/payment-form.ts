import type { TakePayment } from '../api/billing';
import type { Invoice, Payment, PaymentMethod } from '../types';
import { money, parseAmount } from './money';

/** The Take payment form as typed: amounts are the dollars text the desk sees. */
export type PaymentFormValues = {
  amount: string;
  method: PaymentMethod;
  reference: string;
  receivedOn: string;
  reason: string;
  /** false: oldest open invoice first (the backend places it); true: the amounts in `placed`. */
  chooseInvoices: boolean;
  /** Invoice id -> dollars text ('' places nothing on it). */
  placed: Record<number, string>;
};

/** An issued invoice that still owes something: where a payment can go. */
export type OpenInvoice = { id: number; label: string; owingCents: number };

/** The form's own field keys: the request's paths, and one per invoice for a chosen amount. */
export const invoiceField = (invoiceId: number) => `invoice-${invoiceId}`;
export const PAYMENT_FIELDS = ['amount_cents', 'method', 'reference', 'received_on', 'reason', 'allocations'] as const;
const MAX_REFERENCE = 100;

export function openInvoices(invoices: readonly Invoice[]): OpenInvoice[] {
  return invoices
    .filter((invoice) => invoice.kind === 'invoice' && invoice.status === 'issued' && invoice.owing_cents > 0)
    .sort((a, b) => a.invoice_date.localeCompare(b.invoice_date) || a.id - b.id)
    .map((invoice) => ({ id: invoice.id, label: `${invoice.document_number ?? 'Invoice'} · ${invoice.lines[0]?.description ?? ''}`, owingCents: invoice.owing_cents }));
}

/** Amount prefilled with what is owed (blank when nothing is), cash, today, oldest first. */
export function initialPaymentValues(owingCents: number, today: string): PaymentFormValues {
  return { amount: owingCents > 0 ? (owingCents / 100).toFixed(2) : '', method: 'cash', reference: '', receivedOn: today, reason: '', chooseInvoices: false, placed: {} };
}

export type PaymentCheck = { ok: true; body: TakePayment } | { ok: false; errors: Record<string, string> };

/** The form checked before it is sent: every problem named under its field, or the request in integer cents. */
export function checkPayment(studentId: number, values: PaymentFormValues, open: readonly OpenInvoice[], today: string): PaymentCheck {
  const errors: Record<string, string> = {};
  const amount = parseAmount(values.amount);
  if (!amount.ok) errors.amount_cents = amount.problem;
  if (values.reference.trim().length > MAX_REFERENCE) errors.reference = `At most ${MAX_REFERENCE} characters.`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.receivedOn)) errors.received_on = 'Enter the date the payment was received.';
  else if (values.receivedOn > today) errors.received_on = 'The date can’t be after today.';

  const allocations: { invoice_id: number; amount_cents: number }[] = [];
  if (values.chooseInvoices) {
    for (const invoice of open) {
      const text = values.placed[invoice.id] ?? '';
      if (text.trim() === '') continue;
      const part = parseAmount(text, invoice.owingCents);
      if (part.ok) allocations.push({ invoice_id: invoice.id, amount_cents: part.cents });
      else errors[invoiceField(invoice.id)] = part.problem;
    }
    const placed = allocations.reduce((sum, item) => sum + item.amount_cents, 0);
    const anyInvalid = open.some((invoice) => errors[invoiceField(invoice.id)]);
    if (allocations.length === 0 && !anyInvalid) errors.allocations = 'Put an amount on at least one invoice, or let the payment go on the oldest invoices first.';
    else if (amount.ok && placed > amount.cents) errors.allocations = `The amounts on invoices add up to ${money(placed)}, more than the payment of ${money(amount.cents)}.`;
  }
  if (Object.keys(errors).length > 0 || !amount.ok) return { ok: false, errors };

  const reason = values.reason.trim();
  return {
    ok: true,
    body: {
      student_id: studentId,
      method: values.method,
      reference: values.reference.trim() || null,
      amount_cents: amount.cents,
      received_on: values.receivedOn,
      allocations: values.chooseInvoices ? allocations : null,
      reason: reason || null,
    },
  };
}

/**
 * A backend field path of the request as the form's field: `allocations.1.amount_cents` is the chosen
 * invoice sent second.
 */
export function formFieldOf(path: string, sent: TakePayment | null): string {
  const match = /^allocations\.(\d+)\./.exec(path);
  if (match && sent?.allocations) {
    const invoiceId = sent.allocations[Number(match[1])]?.invoice_id;
    return invoiceId === undefined ? 'allocations' : invoiceField(invoiceId);
  }
  return match ? 'allocations' : path;
}

/** What a saved payment did: how much went on invoices, and what is left as credit on the account. */
export function paymentOutcome(payment: Payment): { placedCents: number; creditCents: number } {
  const placedCents = payment.allocations.reduce((sum, item) => sum + item.amount_cents, 0);
  return { placedCents, creditCents: payment.unallocated_cents };
}
