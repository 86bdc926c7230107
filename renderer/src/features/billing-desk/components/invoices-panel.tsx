import { useState } from 'react';
import { DataTable } from '../../../components/ui/data-table';
import { Pagination } from '../../../components/ui/pagination';
import { QueryStates } from '../../../components/ui/query-states';
import { StatusChip } from '../../../components/ui/status-chip';
import { formatDate } from '../../../lib/dates';
import { navigate } from '../../../lib/navigation';
import { formatMoney } from '../../../lib/units';
import { INVOICES_PER_PAGE, invoiceQuery, useDeskInvoices } from '../api/get-invoices';
import type { Invoice, InvoiceFilters } from '../types';
import { InvoiceFilterBar } from './invoice-filters';
import { invoiceStatus } from './invoice-status';

const COLUMNS = [
  'Number',
  'Student',
  'Date',
  'Due',
  { label: 'Total', className: 'num' },
  { label: 'Paid', className: 'num' },
  { label: 'Left to pay', className: 'num' },
  'Status',
];

const EMPTY: Record<InvoiceFilters['show'], string> = {
  all: 'No invoice matches these dates.',
  unpaid: 'Nothing unpaid: every issued invoice in these dates is settled.',
  overdue: 'Nothing overdue: no unpaid invoice is past its due date.',
};

/** Invoices across the school: all, unpaid or overdue, between two dates, a page at a time. */
export function InvoicesPanel({ today }: { today: string }) {
  const [filters, setFilters] = useState<InvoiceFilters>({ show: 'all', from: '', to: '' });
  const [offset, setOffset] = useState(0);
  const backwards = Boolean(filters.from && filters.to && filters.from > filters.to);
  const query = invoiceQuery(backwards ? { ...filters, to: '' } : filters, offset);
  const invoices = useDeskInvoices(query);
  const items = invoices.data?.items ?? [];
  const change = (next: InvoiceFilters) => {
    setFilters(next);
    setOffset(0);
  };

  return (
    <>
      <InvoiceFilterBar filters={filters} onChange={change} dateProblem={backwards ? 'The end date is before the start date.' : undefined} />
      {invoices.data && typeof invoices.data.owing_total_cents === 'number' && invoices.data.total > 0 ? (
        <p className="billing-desk__owing" data-testid="invoices-owing" aria-live="polite">
          Left to pay on {invoices.data.total === 1 ? 'this invoice' : `these ${invoices.data.total} invoices`}: <strong>{formatMoney(invoices.data.owing_total_cents)}</strong>
        </p>
      ) : null}
      <div className="card">
        <QueryStates query={invoices} isEmpty={items.length === 0} errorTitle="Could not load the invoices." loading="Loading invoices…" empty={EMPTY[filters.show]} emptyTestId="invoices-empty">
          <DataTable testId="invoice-table" columns={COLUMNS}>
            {items.map((invoice) => (
              <InvoiceRow key={invoice.id} invoice={invoice} today={today} />
            ))}
          </DataTable>
        </QueryStates>
        {invoices.data ? <Pagination offset={offset} limit={INVOICES_PER_PAGE} total={invoices.data.total} onPage={(page) => setOffset(page * INVOICES_PER_PAGE)} /> : null}
      </div>
    </>
  );
}

function InvoiceRow({ invoice, today }: { invoice: Invoice; today: string }) {
  const status = invoiceStatus(invoice, today);
  const credited = invoice.credited_cents ?? 0;
  const name = invoice.student_name || invoice.bill_to_name;
  return (
    <tr data-testid="invoice-row" data-invoice-id={invoice.id}>
      <th scope="row" className="mono">
        {invoice.document_number ?? 'Draft'}
      </th>
      <td>
        <button type="button" className="link-button" onClick={() => navigate('student', { id: String(invoice.student_id) })} data-testid="invoice-student">
          {name}
        </button>
        {invoice.bill_to_kind === 'guardian' ? <div className="muted small">Billed to {invoice.bill_to_name}</div> : null}
      </td>
      <td>{formatDate(invoice.invoice_date)}</td>
      <td>{invoice.kind === 'invoice' && invoice.status === 'issued' ? formatDate(invoice.due_on) : '—'}</td>
      <td className="num mono">{formatMoney(invoice.total_cents)}</td>
      <td className="num mono">
        {formatMoney(invoice.paid_cents ?? 0)}
        {credited > 0 ? <div className="muted small">credited {formatMoney(credited)}</div> : null}
      </td>
      <td className="num mono" data-testid="invoice-left">
        {formatMoney(invoice.owing_cents ?? 0)}
      </td>
      <td>
        <StatusChip tone={status.tone} testId="invoice-status">
          {status.label}
        </StatusChip>
      </td>
    </tr>
  );
}
