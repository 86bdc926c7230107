import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { StatusChip } from '../../../components/ui/status-chip';
import { formatDate } from '../../../lib/dates';
import { useCreditInvoice, useIssueInvoice, useStudentInvoices, useWaiveFee } from '../api/billing';
import type { Invoice } from '../types';
import { creditable, invoiceName, invoiceStatus, isWaivableFee } from './invoice-status';
import { money } from './money';
import { ReasonDialog } from './reason-dialog';
import { refusalWords } from './refusals';
import { useMay } from '../../sign-in';

type Props = { studentId: number; today: string; onNotice: (message: string) => void; onRefused: (words: string) => void };
type Open = { kind: 'credit' | 'waive'; invoice: Invoice } | null;

const MAX_LABEL = 200;

/** The student's invoices and credit notes: total, paid and left; Issue a draft, Credit an issued one, waive a fee. */
export function InvoicesSection({ studentId, today, onNotice, onRefused }: Props) {
  const invoices = useStudentInvoices(studentId);
  const issue = useIssueInvoice();
  const [open, setOpen] = useState<Open>(null);
  // Crediting an invoice is the owner's (the backend refuses anyone else): the desk sees why there is no Credit.
  const mayCredit = useMay('credit');
  const items = invoices.data ?? [];
  const names = new Map(items.map((item) => [item.id, invoiceName(item)]));

  function onIssue(invoice: Invoice) {
    issue.mutate(
      { invoice_id: invoice.id, body: { version: invoice.version } },
      { onSuccess: (saved) => onNotice(`Invoice ${invoiceName(saved)} issued for ${money(saved.total_cents)}.`), onError: (error) => onRefused(refusalWords(error)) },
    );
  }

  return (
    <section aria-labelledby="account-invoices-title" data-testid="account-invoices">
      <h3 className="student-tab__heading" id="account-invoices-title">
        Invoices
      </h3>
      {!mayCredit && items.some((invoice) => invoice.kind === 'invoice' && invoice.status === 'issued') ? (
        <p className="muted small" data-testid="credit-owner-only">
          Only the school’s owner can credit an invoice.
        </p>
      ) : null}
      {invoices.error ? <ErrorBanner error={invoices.error} title="Could not load the invoices." /> : null}
      {invoices.isPending ? <p className="muted">Loading invoices…</p> : null}
      {invoices.data && items.length === 0 ? <p className="muted">No invoices yet.</p> : null}
      {items.length > 0 ? (
        <DataTable testId="invoice-table" columns={['Invoice', 'Date', 'For', 'Status', { label: 'Total', className: 'num' }, { label: 'Paid', className: 'num' }, { label: 'Left', className: 'num' }]} withActions>
          {items.map((invoice) => {
            const status = invoiceStatus(invoice, today);
            const name = invoiceName(invoice);
            return (
              <tr key={invoice.id} data-testid="invoice-row" data-status={invoice.status} data-kind={invoice.kind}>
                <th scope="row" className="mono account-nowrap">
                  {name}
                </th>
                <td className="account-nowrap">{formatDate(invoice.invoice_date)}</td>
                <td className="account-for">
                  {invoice.lines[0]?.description ?? ''}
                  {invoice.lines.length > 1 ? <span className="muted"> and {invoice.lines.length - 1} more</span> : null}
                  {invoice.credit_of_id ? <div className="muted small account-nowrap">Corrects {names.get(invoice.credit_of_id) ?? 'an invoice'}</div> : null}
                  {invoice.kind === 'credit_note' && invoice.reason && !invoice.lines.some((line) => line.description.includes(invoice.reason ?? '')) ? <div className="muted small">Why: {invoice.reason}</div> : null}
                </td>
                <td>
                  <StatusChip tone={status.tone} testId="invoice-status">
                    {status.label}
                  </StatusChip>
                </td>
                <td className="num">{invoice.kind === 'credit_note' ? `-${money(invoice.total_cents)}` : money(invoice.total_cents)}</td>
                <td className="num">{invoice.kind === 'invoice' ? money(invoice.paid_cents) : ''}</td>
                <td className="num" data-testid="invoice-left">
                  {invoice.kind === 'invoice' && invoice.status === 'issued' ? money(invoice.owing_cents) : ''}
                </td>
                <td className="data-table__actions">
                  {invoice.kind === 'invoice' && invoice.status === 'draft' ? (
                    <Button variant="primary" busy={issue.isPending && issue.variables?.invoice_id === invoice.id} onClick={() => onIssue(invoice)} aria-label={`Issue the draft invoice of ${formatDate(invoice.invoice_date)}`} data-testid="issue-invoice">
                      Issue
                    </Button>
                  ) : null}
                  {isWaivableFee(invoice) ? (
                    <Button variant="ghost" onClick={() => setOpen({ kind: 'waive', invoice })} aria-label={`Waive fee ${name}`} data-testid="waive-fee">
                      Waive fee…
                    </Button>
                  ) : null}
                  {mayCredit ? (
                    <>
                  {invoice.kind === 'invoice' && invoice.status === 'issued' && creditable(invoice) > 0 ? (
                    <Button variant="ghost" onClick={() => setOpen({ kind: 'credit', invoice })} aria-label={`Credit ${name}`} data-testid="credit-invoice">
                      Credit…
                    </Button>
                  ) : null}
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </DataTable>
      ) : null}
      {open?.kind === 'credit' ? <CreditDialog invoice={open.invoice} onClose={() => setOpen(null)} onNotice={onNotice} /> : null}
      {open?.kind === 'waive' ? <WaiveDialog invoice={open.invoice} onClose={() => setOpen(null)} onNotice={onNotice} /> : null}
    </section>
  );
}

type DialogProps = { invoice: Invoice; onClose: () => void; onNotice: (message: string) => void };

/**
 * A credit note against an issued invoice: all that is left of it, or an amount. A taxed invoice's amount is
 * typed before HST (the credit note adds the tax the invoice charged).
 */
function CreditDialog({ invoice, onClose, onNotice }: DialogProps) {
  const credit = useCreditInvoice();
  const taxed = invoice.hst_registered && invoice.tax_cents > 0;
  const rate = invoice.lines[0]?.tax_rate_basis_points ?? 0;
  const whole = invoice.credited_cents === 0;
  const prefillCents = taxed ? (whole ? invoice.subtotal_cents : 0) : creditable(invoice);
  const name = invoiceName(invoice);

  function onConfirm(reason: string, cents: number | null) {
    if (cents === null) return;
    const all = whole && cents === (taxed ? invoice.subtotal_cents : invoice.total_cents);
    const description = `Credit on ${name}: ${reason}`.slice(0, MAX_LABEL);
    credit.mutate(
      { invoice_id: invoice.id, body: { reason, lines: all ? null : [{ description, amount_cents: cents, tax_rate_basis_points: rate }] } },
      {
        onSuccess: (note) => {
          onClose();
          onNotice(`Credit note ${invoiceName(note)} issued on ${name} for ${money(note.total_cents)}.`);
        },
      },
    );
  }

  return (
    <ReasonDialog
      title={`Credit ${name}`}
      explain={`${name} totals ${money(invoice.total_cents)}${invoice.credited_cents > 0 ? `, of which ${money(invoice.credited_cents)} is already credited` : ''}. An issued invoice is never changed: a credit note corrects it.`}
      confirm="Issue credit note"
      amount={{
        label: taxed ? 'Amount to credit, before HST ($)' : 'Amount to credit ($)',
        hint: taxed ? `HST is added at the invoice’s rate. The whole invoice before HST is ${money(invoice.subtotal_cents)}.` : `At most ${money(creditable(invoice))}.`,
        prefill: prefillCents > 0 ? (prefillCents / 100).toFixed(2) : '',
        ...(taxed ? {} : { most: creditable(invoice) }),
      }}
      pending={credit.isPending}
      error={credit.error}
      onConfirm={onConfirm}
      onClose={onClose}
      testId="credit-dialog"
    />
  );
}

/** A late-cancel or no-show fee waived: a credit note for all of it, with the reason. */
function WaiveDialog({ invoice, onClose, onNotice }: DialogProps) {
  const waive = useWaiveFee();
  return (
    <ReasonDialog
      title={`Waive fee ${invoiceName(invoice)}`}
      explain={`${invoice.lines[0]?.description ?? 'The fee'}: ${money(invoice.total_cents)}. Waiving it issues a credit note for all of it.`}
      confirm="Waive fee"
      pending={waive.isPending}
      error={waive.error}
      onConfirm={(reason) =>
        waive.mutate(
          { invoice_id: invoice.id, body: { reason } },
          {
            onSuccess: () => {
              onClose();
              onNotice(`The fee on ${invoiceName(invoice)} was waived.`);
            },
          },
        )
      }
      onClose={onClose}
      testId="waive-dialog"
    />
  );
}
