import type { LiveQueries } from '../../../lib/live-queries';
import { billingKeys } from './billing';

/**
 * A student's account, invoices and payments. A fee a late cancel charges, or the invoice an enrolment makes,
 * is written with the lesson or enrolment and so arrives as a `billing` change too; an invoice names its student.
 */
export const billingLive: LiveQueries = { queryKey: billingKeys.all, shows: ['billing', 'students'] };
