import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';

/**
 * A list that keeps its previous answer on screen while the next one loads (another week, another
 * instructor): no flicker as the desk moves around. Off while `enabled` is false.
 */
export function useKeptQuery<T>(queryKey: QueryKey, queryFn: () => Promise<T>, enabled = true) {
  return useQuery({ queryKey, queryFn, placeholderData: keepPreviousData, enabled });
}
