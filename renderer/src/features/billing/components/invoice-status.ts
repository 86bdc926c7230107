import type { Invoice } from '../types';

export type InvoiceStatusText = { label: string; tone: 'neutral' | 'info' | 'ok' | 'warning' | 'danger' };

/** Draft, issued, paid, credited: what an invoice's figures say, in one word or two. */
export function invoiceStatus(invoice: Invoice, today: string): InvoiceStatusText {
  if (invoice.kind === 'credit_note') return { label: 'Credit note', tone: 'neutral' };
  if (invoice.status === 'draft') return { label: 'Draft', tone: 'info' };
  if (invoice.credited_cents >= invoice.total_cents) return { label: 'Credited', tone: 'neutral' };
  if (invoice.owing_cents === 0) return { label: invoice.credited_cents > 0 ? 'Paid, part credited' : 'Paid', tone: 'ok' };
  if (invoice.due_on < today) return { label: 'Overdue', tone: 'danger' };
  if (invoice.credited_cents > 0) return { label: 'Part credited', tone: 'warning' };
  if (invoice.paid_cents > 0) return { label: 'Part paid', tone: 'warning' };
  return { label: 'Issued', tone: 'warning' };
}

/** "INV-000012", or "Draft" before a number is taken. */
export function invoiceName(invoice: Invoice): string {
  return invoice.document_number ?? 'Draft';
}

/** What a credit can still take back: the invoice's total less the credit notes already on it. */
export function creditable(invoice: Invoice): number {
  return Math.max(0, invoice.total_cents - invoice.credited_cents);
}

/** A late-cancel or no-show fee not yet waived or credited. */
export function isWaivableFee(invoice: Invoice): boolean {
  return invoice.kind === 'invoice' && invoice.status === 'issued' && invoice.lesson_id !== null && invoice.credited_cents === 0;
}
