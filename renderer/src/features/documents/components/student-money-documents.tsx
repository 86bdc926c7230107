import { QueryStates } from '../../../components/ui/query-states';
import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import { useStudentInvoiceDocuments, useStudentPaymentDocuments } from '../api/money-documents';
import type { Invoice, Payment } from '../types';
import { DocumentActions } from './document-actions';
import { invoiceName, METHOD_WORDS } from './money-figures';

/** One line of what an invoice is: "INV-000012 · Dec 2, 2026 · $1,117.00 · $617.00 owing". */
function invoiceSummary(invoice: Invoice): string {
  const parts = [invoiceName(invoice), formatDate(invoice.invoice_date), formatMoney(invoice.total_cents)];
  if (invoice.kind === 'credit_note') parts.push('credit note');
  else if (invoice.status === 'draft') parts.push('draft');
  else parts.push((invoice.owing_cents ?? 0) > 0 ? `${formatMoney(invoice.owing_cents ?? 0)} owing` : 'paid');
  return parts.join(' · ');
}

/** What a screen reader hears on the row's buttons: "invoice INV-000012", "draft invoice of Dec 2, 2026". */
function invoiceLabel(invoice: Invoice): string {
  const word = invoice.kind === 'credit_note' ? 'credit note' : 'invoice';
  return invoice.document_number ? `${word} ${invoice.document_number}` : `draft ${word} of ${formatDate(invoice.invoice_date)}`;
}

const PAYMENT_WORDS: Record<Payment['kind'], string> = { payment: 'Payment', refund: 'Refund', reversal: 'Reversal' };

function paymentSummary(payment: Payment): string {
  const parts = [`${PAYMENT_WORDS[payment.kind]} no. ${payment.id}`, formatDate(payment.received_on), METHOD_WORDS[payment.method], formatMoney(payment.amount_cents)];
  if (payment.reference) parts.push(`ref. ${payment.reference}`);
  return parts.join(' · ');
}

/** The student's invoices and payments, one short row each, with the invoice's or receipt's Print and Save as PDF. */
export function StudentMoneyDocuments({ studentId }: { studentId: number }) {
  const invoices = useStudentInvoiceDocuments(studentId);
  const payments = useStudentPaymentDocuments(studentId);
  return (
    <>
      <section className="student-documents__list" aria-labelledby="student-invoices-heading" data-testid="student-invoice-documents">
        <h3 id="student-invoices-heading">Invoices and credit notes</h3>
        <QueryStates query={invoices} errorTitle="Could not load the invoices." loading="Loading invoices…" isEmpty={invoices.data?.items.length === 0} empty="No invoice yet." tone="plain">
          <ul>
            {invoices.data?.items.map((invoice) => (
              <li key={invoice.id} className="student-documents__item" data-testid={`invoice-document-${invoice.id}`}>
                <span>{invoiceSummary(invoice)}</span>
                <DocumentActions kind="invoice" id={invoice.id} name={invoiceLabel(invoice)} />
              </li>
            ))}
          </ul>
        </QueryStates>
      </section>
      <section className="student-documents__list" aria-labelledby="student-payments-heading" data-testid="student-payment-documents">
        <h3 id="student-payments-heading">Payments (receipts)</h3>
        <QueryStates query={payments} errorTitle="Could not load the payments." loading="Loading payments…" isEmpty={payments.data?.items.length === 0} empty="No payment yet." tone="plain">
          <ul>
            {payments.data?.items.map((payment) => (
              <li key={payment.id} className="student-documents__item" data-testid={`payment-document-${payment.id}`}>
                <span>{paymentSummary(payment)}</span>
                <DocumentActions kind="receipt" id={payment.id} name={`receipt for payment no. ${payment.id}`} />
              </li>
            ))}
          </ul>
        </QueryStates>
      </section>
    </>
  );
}
