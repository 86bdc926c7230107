// Money shapes come from the backend's contracts: every amount is integer cents.
import type { components } from '../../../../shared-contracts/openapi';

export type Statement = components['schemas']['Statement'];
export type StatementLine = components['schemas']['StatementLine'];
type InvoiceRead = components['schemas']['InvoiceRead'];
type PaymentRead = components['schemas']['PaymentRead'];

/** An invoice as the screens use it: the figures the backend fills in by default are always there. */
export type Invoice = Omit<InvoiceRead, 'paid_cents' | 'credited_cents' | 'owing_cents'> & { paid_cents: number; credited_cents: number; owing_cents: number };
export type Payment = Omit<PaymentRead, 'unallocated_cents' | 'refunded_cents'> & { unallocated_cents: number; refunded_cents: number };

export function invoiceOf(raw: InvoiceRead): Invoice {
  return { ...raw, paid_cents: raw.paid_cents ?? 0, credited_cents: raw.credited_cents ?? 0, owing_cents: raw.owing_cents ?? 0 };
}

export function paymentOf(raw: PaymentRead): Payment {
  return { ...raw, unallocated_cents: raw.unallocated_cents ?? 0, refunded_cents: raw.refunded_cents ?? 0 };
}
export type PaymentCreate = components['schemas']['PaymentCreate'];
export type PaymentMethod = PaymentCreate['method'];
export type PrepaidBalance = components['schemas']['PrepaidBalance'];

export const METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash',
  debit: 'Debit',
  credit_card: 'Credit card',
  e_transfer: 'E-transfer',
  cheque: 'Cheque',
};
export const METHODS = Object.keys(METHOD_LABELS) as PaymentMethod[];

export const STATEMENT_KIND_LABELS: Record<StatementLine['kind'], string> = {
  invoice: 'Invoice',
  credit_note: 'Credit note',
  payment: 'Payment',
  refund: 'Refund',
  reversal: 'Reversal',
};

export type Product = components['schemas']['ProductRead'];
export type BillingSettings = components['schemas']['BillingSettingsRead'];

export const PRODUCT_KIND_LABELS: Record<Product['kind'], string> = {
  course: 'Course',
  lesson: 'Single lesson',
  pack: 'Prepaid lesson pack',
  road_test_car: 'School car for a road test',
  late_cancel_fee: 'Late-cancel fee',
  no_show_fee: 'No-show fee',
};
