import type { ChannelRequest } from '../../../../shared-contracts/channels';
import type { components } from '../../../../shared-contracts/openapi';

export type Invoice = components['schemas']['InvoiceRead'];
export type InvoicePage = components['schemas']['InvoicePage'];
export type InvoiceListQuery = NonNullable<ChannelRequest<'db:invoices:list'>>;
export type CashUp = components['schemas']['CashUp'];

/** Which invoices the desk is looking at. */
export type InvoiceShow = 'all' | 'unpaid' | 'overdue';

/** The Billing screen's invoice filters, as the desk sets them. Dates are YYYY-MM-DD or empty. */
export type InvoiceFilters = { show: InvoiceShow; from: string; to: string };
