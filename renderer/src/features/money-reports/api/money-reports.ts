import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ChannelResponse } from '../../../../../shared-contracts/channels';
import type { AccountantCsvRequest } from '../../../../../electron/preload/api';
import { call } from '../../../lib/odsm';
import { rootKey } from '../../../lib/query-keys';

export type Grouping = 'month' | 'quarter' | 'year';
export type RevenueReport = ChannelResponse<'db:billing:revenue'>;
export type RevenuePeriod = RevenueReport['periods'][number];
export type Receivables = ChannelResponse<'db:billing:receivables'>;
export type HstReport = ChannelResponse<'db:billing:hstReport'>;

/** Under billing's root: any money written anywhere (this desk or another) refreshes the reports. */
export const moneyReportKeys = {
  all: [...rootKey('billing'), 'reports'] as const,
  revenue: (year: number, grouping: Grouping) => [...moneyReportKeys.all, 'revenue', year, grouping] as const,
  hst: (start: string, end: string) => [...moneyReportKeys.all, 'hst', start, end] as const,
  receivables: () => [...moneyReportKeys.all, 'receivables'] as const,
};

export function useRevenue(year: number, grouping: Grouping) {
  return useQuery({
    queryKey: moneyReportKeys.revenue(year, grouping),
    queryFn: () => call((odsm) => odsm.billing.revenue({ year, grouping })),
    placeholderData: keepPreviousData,
  });
}

export function useHstReturn(period: { start: string; end: string } | undefined) {
  return useQuery({
    queryKey: moneyReportKeys.hst(period?.start ?? '', period?.end ?? ''),
    queryFn: () => call((odsm) => odsm.billing.hstReport({ start: period!.start, end: period!.end })),
    enabled: period !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The ten students owing the most. */
export function useReceivables() {
  return useQuery({
    queryKey: moneyReportKeys.receivables(),
    queryFn: () => call((odsm) => odsm.billing.receivables({ limit: 10 })),
  });
}

/** A period's invoices and payments as one CSV, saved where the user picks in main's dialog. */
export function useExportAccountantCsv() {
  return useMutation({ mutationFn: (request: AccountantCsvRequest) => call((odsm) => odsm.exportAccountantCsv(request)) });
}
