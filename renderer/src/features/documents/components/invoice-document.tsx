import { formatDate } from '../../../lib/dates';
import { formatMoney } from '../../../lib/money';
import type { Invoice, SchoolSettings, Student } from '../types';
import { AddressBlock, Figures, MoneyFooter, MoneySheetHeader, MoneyTable, studentLines } from './money-sheet';
import { chargesTax, invoiceFigures, invoiceName, lineTax } from './money-figures';

export interface InvoiceDocumentData {
  invoice: Invoice;
  school: SchoolSettings;
  /** The student the invoice is about (for the address, and the name when a guardian is billed). */
  student: Student | null;
  /** For a credit note: the invoice it corrects. */
  corrects: Invoice | null;
}

/**
 * An invoice or credit note on paper. The HST registration, number and tax are the ones frozen when it was
 * issued (a draft follows the school's settings as they stand), so a reprint years later says what the
 * first print said.
 */
export function InvoiceLayout({ data }: { data: InvoiceDocumentData }) {
  const { invoice, school, student, corrects } = data;
  const credit = invoice.kind === 'credit_note';
  const draft = invoice.status === 'draft';
  const taxed = chargesTax(invoice);
  const studentName = student ? `${student.first_name} ${student.last_name}` : null;
  const facts: Array<[string, string]> = [
    [credit ? 'Credit note no.' : 'Invoice no.', draft ? 'Not yet issued' : invoiceName(invoice)],
    ['Date', formatDate(invoice.invoice_date)],
  ];
  if (credit && corrects) facts.push(['Corrects', `${invoiceName(corrects)} of ${formatDate(corrects.invoice_date)}`]);
  if (!credit && !draft) facts.push(['Due', formatDate(invoice.due_on)]);
  const billToLines = invoice.bill_to_kind === 'guardian' && studentName ? [`Parent or guardian of ${studentName}`, ...studentLines(student)] : studentLines(student);
  const head = taxed ? ['Description', 'Qty', 'Unit price', 'HST', 'Amount'] : ['Description', 'Qty', 'Unit price', 'Amount'];
  const rows = invoice.lines.map((line) => {
    const cells = [line.description, String(line.quantity), formatMoney(line.unit_price_cents)];
    if (taxed) cells.push(lineTax(line.tax_rate_basis_points));
    cells.push(formatMoney(line.amount_cents));
    return cells;
  });
  const title = credit ? 'Credit note' : 'Invoice';
  return (
    <article className="print-sheet money-sheet" aria-labelledby="invoice-title">
      {draft ? (
        <div className="money-sheet__draft" aria-hidden="true">
          DRAFT
        </div>
      ) : null}
      <MoneySheetHeader school={school} hstNumber={taxed ? invoice.hst_number : null} title={draft ? `${title} (draft)` : title} titleId="invoice-title" facts={facts} />
      {draft ? <p className="money-sheet__warning">DRAFT: not issued, not yet a demand for payment. Its number is given when it is issued.</p> : null}
      <AddressBlock heading={credit ? 'Credited to' : 'Bill to'} name={invoice.bill_to_name} lines={billToLines} />
      {credit && invoice.reason ? <p className="money-sheet__reason">Reason: {invoice.reason}</p> : null}
      <section className="print-sheet__section">
        <MoneyTable head={head} rows={rows} amountColumns={taxed ? 4 : 3} empty="No line." />
        <Figures rows={invoiceFigures(invoice)} label={credit ? 'Credit note totals' : 'Invoice totals'} testId="invoice-figures" />
        {taxed ? <p className="print-sheet__note money-sheet__tax-note">{invoice.tax_note}</p> : null}
      </section>
      {invoice.notes ? <p className="money-sheet__notes">{invoice.notes}</p> : null}
      <MoneyFooter />
    </article>
  );
}
