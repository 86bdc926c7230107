// The figures an invoice, a receipt and a statement print, worked out from what the backend answered and
// kept apart from the layouts so each rule can be tested without a page: HST per rate only for a school
// that was registered when the invoice was issued, paid and balance only once it was issued, and so on.
// The arithmetic is the backend's (integer cents, HST rounded half-up per rate); this only arranges it.
import { formatMoney, formatTaxRate } from '../../../lib/money';
import type { Invoice, Payment, Statement, StatementLine } from '../types';

export interface Figure {
  label: string;
  cents: number;
  /** A total or a balance: bold, ruled above (what the rows before it add up to). */
  strong?: boolean;
  /** Bold without the rule: the figure the rest are taken from (a receipt's amount received). */
  lead?: boolean;
  /** A part of the row above it (the subtotal at one rate), set in under it. */
  detail?: boolean;
  /** Printed instead of the plain amount ("$12.00 credit"). */
  text?: string;
}

export const METHOD_WORDS: Record<Payment['method'], string> = {
  cash: 'Cash',
  debit: 'Debit',
  credit_card: 'Credit card',
  e_transfer: 'E-transfer',
  cheque: 'Cheque',
};

/** "INV-000012", "CN-000003"; a draft has no number yet. */
export function invoiceName(invoice: Pick<Invoice, 'kind' | 'document_number' | 'status'>): string {
  if (invoice.document_number) return invoice.document_number;
  return invoice.kind === 'credit_note' ? 'Draft credit note' : 'Draft invoice';
}

/** Whether the lines get an HST column and the totals HST lines: only when the invoice charged tax. */
export function chargesTax(invoice: Pick<Invoice, 'hst_registered'>): boolean {
  return invoice.hst_registered;
}

/**
 * The totals under the lines. A registered school's invoice breaks the subtotal down by rate when there is
 * more than one (what was not taxed too), then gives each rate's HST; a school that is not registered shows
 * no tax line at all. Paid, credited and the balance due come only with an issued invoice, never a draft or
 * a credit note.
 */
export function invoiceFigures(invoice: Invoice): Figure[] {
  const rows: Figure[] = [];
  const taxes = chargesTax(invoice) ? (invoice.taxes ?? []).filter((t) => t.rate_basis_points > 0) : [];
  const untaxed = invoice.subtotal_cents - taxes.reduce((sum, t) => sum + t.taxable_cents, 0);
  const groups = taxes.length + (untaxed !== 0 && taxes.length > 0 ? 1 : 0);
  rows.push({ label: 'Subtotal', cents: invoice.subtotal_cents });
  if (groups > 1) {
    for (const t of taxes) rows.push({ label: `Taxable at ${formatTaxRate(t.rate_basis_points)}`, cents: t.taxable_cents, detail: true });
    if (untaxed !== 0) rows.push({ label: 'Not taxed', cents: untaxed, detail: true });
  }
  for (const t of taxes) rows.push({ label: `HST ${formatTaxRate(t.rate_basis_points)}`, cents: t.tax_cents });
  const credit = invoice.kind === 'credit_note';
  rows.push({ label: credit ? 'Total credited' : 'Total', cents: invoice.total_cents, strong: true });
  if (!credit && invoice.status === 'issued') {
    rows.push({ label: 'Paid', cents: invoice.paid_cents ?? 0 });
    if ((invoice.credited_cents ?? 0) > 0) rows.push({ label: 'Credited (credit notes)', cents: invoice.credited_cents ?? 0 });
    rows.push({ label: 'Balance due', cents: invoice.owing_cents ?? 0, strong: true });
  }
  return rows;
}

/** The HST column of a line: its rate, or a dash when the line is not taxed. */
export function lineTax(rateBasisPoints: number): string {
  return rateBasisPoints > 0 ? formatTaxRate(rateBasisPoints) : '—';
}

export interface AppliedRow {
  invoiceId: number;
  invoice: string;
  invoiceDate: string | null;
  invoiceTotal: number | null;
  applied: number;
  /** What the invoice still owes now, after this payment and everything since. */
  stillOwing: number | null;
}

/** A receipt's invoices, in the order the payment was placed on them. */
export function appliedRows(payment: Payment, invoices: ReadonlyMap<number, Invoice>): AppliedRow[] {
  return payment.allocations.map((a) => {
    const invoice = invoices.get(a.invoice_id);
    return {
      invoiceId: a.invoice_id,
      invoice: invoice ? invoiceName(invoice) : `Invoice #${a.invoice_id}`,
      invoiceDate: invoice?.invoice_date ?? null,
      invoiceTotal: invoice?.total_cents ?? null,
      applied: a.amount_cents,
      stillOwing: invoice ? (invoice.owing_cents ?? 0) : null,
    };
  });
}

/** Received, placed on invoices, refunded, and what is left on the account as credit. */
export function receiptFigures(payment: Payment): Figure[] {
  const applied = payment.allocations.reduce((sum, a) => sum + a.amount_cents, 0);
  if (payment.kind !== 'payment') return [{ label: payment.kind === 'refund' ? 'Amount refunded' : 'Amount reversed', cents: payment.amount_cents, lead: true }];
  const rows: Figure[] = [
    { label: 'Amount received', cents: payment.amount_cents, lead: true },
    { label: 'Applied to invoices', cents: applied },
  ];
  if ((payment.refunded_cents ?? 0) > 0) rows.push({ label: 'Refunded or reversed', cents: payment.refunded_cents ?? 0 });
  rows.push({ label: 'Left on account as credit', cents: payment.unallocated_cents ?? 0, strong: true });
  return rows;
}

/** A statement line as printed: a payment, refund or reversal names its number, which its receipt carries. */
export function statementDescription(line: StatementLine): string {
  return line.kind === 'invoice' || line.kind === 'credit_note' ? line.description : `${line.description} (no. ${line.record_id})`;
}

/** A statement's balance as a bookkeeper writes it: what is owed, or "… credit" when the school owes. */
export function balanceText(cents: number): string {
  return cents < 0 ? `${formatMoney(-cents)} credit` : formatMoney(cents);
}

/**
 * The summary under a statement's lines, as it adds up: charges, less credit notes and payments, plus
 * refunds, make the balance. Where credit sits on the account unplaced, the balance is then split into
 * what the open invoices owe and that credit, so the two figures a bookkeeper asks about are both there.
 */
export function statementFigures(statement: Statement): Figure[] {
  const rows: Figure[] = [
    { label: 'Charges (invoices)', cents: statement.charges_cents },
    { label: 'Credit notes', cents: -statement.credits_cents },
    { label: 'Payments received', cents: -statement.payments_cents },
  ];
  if (statement.refunds_cents > 0) rows.push({ label: 'Refunds and reversals', cents: statement.refunds_cents });
  rows.push({ label: statement.balance_cents < 0 ? 'Balance (in your favour)' : 'Balance due', cents: statement.balance_cents, strong: true, text: balanceText(statement.balance_cents) });
  if (statement.account_credit_cents > 0) {
    rows.push({ label: 'Owing on open invoices', cents: statement.owing_cents, detail: true });
    rows.push({ label: 'Credit on account, not yet applied', cents: -statement.account_credit_cents, detail: true });
  }
  return rows;
}

/** What is owed by age of the invoice, and their total (which is what open invoices owe). */
export function agingRows(statement: Statement): Figure[] {
  const a = statement.aging;
  return [
    { label: 'Current (0–30 days)', cents: a.current_cents },
    { label: '31–60 days', cents: a.days_31_60_cents },
    { label: '61–90 days', cents: a.days_61_90_cents },
    { label: 'Over 90 days', cents: a.over_90_cents },
    { label: 'Total owing', cents: a.current_cents + a.days_31_60_cents + a.days_61_90_cents + a.over_90_cents, strong: true },
  ];
}
