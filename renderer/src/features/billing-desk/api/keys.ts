import { rootKey } from '../../../lib/query-keys';
import type { InvoiceListQuery } from '../types';

/** Under the money kind ('billing'), so any write to invoices or payments refreshes the desk. */
export const billingDeskKeys = {
  all: [...rootKey('billing'), 'desk'] as const,
  invoices: (query: InvoiceListQuery) => [...billingDeskKeys.all, 'invoices', query] as const,
  cashUp: (day: string) => [...billingDeskKeys.all, 'cash-up', day] as const,
};
