// What each money document reads before it is laid out, all through the existing channels: the record,
// the school (name, address) and the student (address, and the name when a guardian is billed).
import { call } from '../../../lib/odsm';
import type { Invoice } from '../types';
import type { InvoiceDocumentData } from './invoice-document';
import type { ReceiptDocumentData } from './receipt-document';
import type { StatementDocumentData } from './statement-document';

const school = () => call((odsm) => odsm.settings.get());
const student = (studentId: number) => call((odsm) => odsm.students.get({ student_id: studentId }));
const invoice = (invoiceId: number) => call((odsm) => odsm.invoices.get({ invoice_id: invoiceId }));

export async function loadInvoiceDocument(invoiceId: number): Promise<InvoiceDocumentData> {
  const record = await invoice(invoiceId);
  const [settings, person, corrects] = await Promise.all([school(), student(record.student_id), record.credit_of_id === null ? null : invoice(record.credit_of_id)]);
  return { invoice: record, school: settings, student: person, corrects };
}

export async function loadReceiptDocument(paymentId: number): Promise<ReceiptDocumentData> {
  const payment = await call((odsm) => odsm.payments.get({ payment_id: paymentId }));
  const ids = [...new Set(payment.allocations.map((a) => a.invoice_id))];
  const [settings, person, paid] = await Promise.all([school(), student(payment.student_id), Promise.all(ids.map(invoice))]);
  return { payment, school: settings, student: person, invoices: new Map<number, Invoice>(paid.map((i) => [i.id, i])) };
}

export async function loadStatementDocument(studentId: number): Promise<StatementDocumentData> {
  // The student first: one not on file is refused as student.not_found before anything else is asked.
  const person = await student(studentId);
  const [settings, statement] = await Promise.all([school(), call((odsm) => odsm.billing.statement({ student_id: studentId }))]);
  return { statement, school: settings, student: person };
}
