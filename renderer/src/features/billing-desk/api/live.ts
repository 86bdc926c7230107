import type { LiveQueries } from '../../../lib/live-queries';
import { billingDeskKeys } from './keys';

/** The school's invoices and the day's payments; an invoice row names its student. */
export const billingDeskLive: LiveQueries = { queryKey: billingDeskKeys.all, shows: ['billing', 'students'] };
