import type { ChipTone } from '../../../components/ui/status-chip';
import type { Invoice } from '../types';

/** What the desk calls an invoice's state, and the chip's colour: overdue once its due date has passed unpaid. */
export function invoiceStatus(invoice: Pick<Invoice, 'kind' | 'status' | 'owing_cents' | 'paid_cents' | 'credited_cents' | 'due_on'>, today: string): { label: string; tone: ChipTone } {
  if (invoice.kind === 'credit_note') return { label: 'Credit note', tone: 'info' };
  if (invoice.status === 'draft') return { label: 'Draft', tone: 'neutral' };
  if ((invoice.owing_cents ?? 0) <= 0) return { label: (invoice.paid_cents ?? 0) > 0 ? 'Paid' : 'Credited', tone: 'ok' };
  if (invoice.due_on < today) return { label: 'Overdue', tone: 'danger' };
  if ((invoice.paid_cents ?? 0) + (invoice.credited_cents ?? 0) > 0) return { label: 'Part paid', tone: 'warning' };
  return { label: 'Unpaid', tone: 'warning' };
}
