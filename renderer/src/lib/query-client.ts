import { QueryClient } from '@tanstack/react-query';
import { isOdsmError } from './odsm';

/** Codes where asking again cannot help: the answer will be the same. */
const NO_RETRY_CODES = new Set(['validation_failed', 'not_found', 'student.not_found', 'unauthorized']);

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The main-process bridge already retries idempotent calls with backoff; one more try here
        // covers a backend restart, without stacking a second retry storm on top of the bridge's.
        retry: (failureCount, error) => failureCount < 1 && !(isOdsmError(error) && NO_RETRY_CODES.has(error.code)),
        staleTime: 10_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
