import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../lib/odsm';
import { rootKey } from '../../../lib/query-keys';

export const demoKeys = { status: [...rootKey('demo'), 'status'] as const };

export function useDemoStatus() {
  return useQuery({
    queryKey: demoKeys.status,
    queryFn: () => call((odsm) => odsm.demo.status()),
    // Poll while a load runs, so the progress bar moves; otherwise ask once.
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 500 : false),
  });
}

export function useLoadDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => call((odsm) => odsm.demo.load({ body: { students: 200 } })),
    onSuccess: (status) => queryClient.setQueryData(demoKeys.status, status),
  });
}

/** Once the demo school is in, every screen's data is new. */
export function useRefreshAfterDemo() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}
