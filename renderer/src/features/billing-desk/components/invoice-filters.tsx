import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/field';
import { Segmented } from '../../../components/ui/segmented';
import type { InvoiceFilters, InvoiceShow } from '../types';

const SHOW: readonly { id: InvoiceShow; label: string }[] = [
  { id: 'all', label: 'All invoices' },
  { id: 'unpaid', label: 'Unpaid' },
  { id: 'overdue', label: 'Overdue' },
];

/** The invoices' filters: which ones (all, unpaid, overdue past the school's terms) and the invoice dates. */
export function InvoiceFilterBar({ filters, onChange, dateProblem }: { filters: InvoiceFilters; onChange: (next: InvoiceFilters) => void; dateProblem?: string | undefined }) {
  return (
    <div className="toolbar billing-desk__filters" data-testid="invoice-filters">
      <Segmented label="Show" options={SHOW} value={filters.show} onChange={(show) => onChange({ ...filters, show })} testIdPrefix="invoice-show" />
      <TextField id="invoice-from" label="Dated from" type="date" value={filters.from} onChange={(event) => onChange({ ...filters, from: event.target.value })} data-testid="invoice-from" />
      <TextField id="invoice-to" label="Dated to" type="date" value={filters.to} onChange={(event) => onChange({ ...filters, to: event.target.value })} data-testid="invoice-to" error={dateProblem} />
      {filters.from || filters.to ? (
        <Button variant="ghost" onClick={() => onChange({ ...filters, from: '', to: '' })} data-testid="invoice-dates-clear">
          Any date
        </Button>
      ) : null}
    </div>
  );
}
