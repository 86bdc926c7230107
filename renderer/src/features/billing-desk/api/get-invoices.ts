import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import type { InvoiceFilters, InvoiceListQuery } from '../types';
import { billingDeskKeys } from './keys';

export const INVOICES_PER_PAGE = 50;

/** The desk's filters as the invoices list's query: unpaid and overdue are decided by the backend, in the database. */
export function invoiceQuery(filters: InvoiceFilters, offset: number, limit = INVOICES_PER_PAGE): InvoiceListQuery {
  const query: InvoiceListQuery = { offset, limit };
  if (filters.show === 'unpaid') query.unpaid = true;
  if (filters.show === 'overdue') query.overdue = true;
  if (filters.from) query.start = filters.from;
  if (filters.to) query.end = filters.to;
  return query;
}

export function useDeskInvoices(query: InvoiceListQuery) {
  return useQuery({
    queryKey: billingDeskKeys.invoices(query),
    queryFn: () => call((odsm) => odsm.invoices.list(query)),
    // The page being left stays on screen until the next one arrives: no flash of "Loading" between pages.
    placeholderData: keepPreviousData,
  });
}
