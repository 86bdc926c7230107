import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import type { Invoice, Payment, SchoolSettings, Student } from '../types';
import { AddressBlock, Figures, MoneyFooter, MoneySheetHeader, MoneyTable, studentLines } from './money-sheet';
import { appliedRows, METHOD_WORDS, receiptFigures } from './money-figures';

export interface ReceiptDocumentData {
  payment: Payment;
  school: SchoolSettings;
  student: Student | null;
  /** The invoices the payment was placed on, by id. */
  invoices: ReadonlyMap<number, Invoice>;
}

/** A receipt: what was received, how, which invoices it paid and what is left on the account as credit. */
export function ReceiptLayout({ data }: { data: ReceiptDocumentData }) {
  const { payment, school, student, invoices } = data;
  const refund = payment.kind !== 'payment';
  const title = payment.kind === 'refund' ? 'Refund receipt' : payment.kind === 'reversal' ? 'Payment reversal' : 'Receipt';
  const facts: Array<[string, string]> = [
    ['Payment no.', String(payment.id)],
    ['Date', formatDate(payment.received_on)],
    ['Method', METHOD_WORDS[payment.method] ?? payment.method],
    ['Reference', payment.reference || '—'],
  ];
  if (refund && payment.refers_to_id !== null) facts.push(['Of payment no.', String(payment.refers_to_id)]);
  const studentName = student ? `${student.first_name} ${student.last_name}` : `Student #${payment.student_id}`;
  const applied = appliedRows(payment, invoices);
  return (
    <article className="print-sheet money-sheet" aria-labelledby="receipt-title">
      <MoneySheetHeader school={school} title={title} titleId="receipt-title" facts={facts} />
      <AddressBlock heading={refund ? 'Paid to' : 'Received from'} name={studentName} lines={studentLines(student)} />
      {refund && payment.reason ? <p className="money-sheet__reason">Reason: {payment.reason}</p> : null}
      <section className="print-sheet__section">
        <Figures rows={receiptFigures(payment)} label="Receipt amounts" testId="receipt-figures" />
      </section>
      {refund ? null : (
        <section className="print-sheet__section">
          <h2>Applied to</h2>
          <MoneyTable
            head={['Invoice', 'Invoice date', 'Invoice total', 'Applied', 'Still owing']}
            amountColumns={3}
            rows={applied.map((row) => [row.invoice, formatDate(row.invoiceDate), row.invoiceTotal === null ? '—' : formatMoney(row.invoiceTotal), formatMoney(row.applied), row.stillOwing === null ? '—' : formatMoney(row.stillOwing)])}
            empty="Not applied to any invoice: all of it is credit on the account."
          />
          <p className="print-sheet__note">&ldquo;Still owing&rdquo; is what each invoice owes as this receipt is printed.</p>
        </section>
      )}
      {refund ? null : <p className="money-sheet__thanks">Thank you.</p>}
      <MoneyFooter />
    </article>
  );
}
