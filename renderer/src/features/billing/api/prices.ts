import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelRequest } from '../../../../../shared-contracts/channels';
import { call } from '../../../lib/odsm';
import { invalidateKinds } from '../../../lib/query-keys';
import { billingKeys } from './billing';

/** The price list and the billing settings: read by Settings, written by the owner. */
export const priceKeys = {
  products: [...billingKeys.all, 'products'] as const,
  settings: [...billingKeys.all, 'settings'] as const,
};

export function useProducts() {
  return useQuery({
    queryKey: priceKeys.products,
    queryFn: () => call((odsm) => odsm.billing.listProducts({ include_inactive: true })),
  });
}

export function useBillingSettings() {
  return useQuery({ queryKey: priceKeys.settings, queryFn: () => call((odsm) => odsm.billing.getSettings()) });
}

function usePriceWrite<In, Out>(write: (input: In) => Promise<Out>) {
  const queryClient = useQueryClient();
  // A price change is audited; the History and the audit log read it. A refused save (someone else's change
  // came first) reloads too, so the form shows the latest and saves against its version.
  return useMutation({ mutationFn: write, onSettled: () => invalidateKinds(queryClient, ['billing', 'audit']) });
}

export function useUpdateProduct() {
  return usePriceWrite((input: ChannelRequest<'db:billing:updateProduct'>) => call((odsm) => odsm.billing.updateProduct(input)));
}

export function useUpdateBillingSettings() {
  return usePriceWrite((input: ChannelRequest<'db:billing:updateSettings'>) => call((odsm) => odsm.billing.updateSettings(input)));
}
