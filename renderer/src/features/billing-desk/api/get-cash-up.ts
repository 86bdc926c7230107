import { useQuery } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import { billingDeskKeys } from './keys';

export function useCashUp(day: string) {
  return useQuery({
    queryKey: billingDeskKeys.cashUp(day),
    queryFn: () => call((odsm) => odsm.billing.cashUp({ day })),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(day),
  });
}
