import type { LiveQueries } from '../../../lib/live-queries';
import { moneyReportKeys } from './money-reports';

/** Invoices, credit notes and payments make the figures; the receivables name students; settings hold the HST registration. */
export const moneyReportsLive: LiveQueries = { queryKey: moneyReportKeys.all, shows: ['billing', 'students', 'settings'] };
