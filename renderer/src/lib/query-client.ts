import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isOdsmError } from './odsm';

/** Codes where asking again cannot help: the answer will be the same. */
const NO_RETRY_CODES = new Set(['validation_failed', 'not_found', 'student.not_found', 'unauthorized', 'permission_denied', 'auth.sign_in_required']);

/** The desk's session ended elsewhere (signed out, account disabled): ask main who is signed in, so the sign-in screen comes up. */
const SIGNED_OUT = 'auth.sign_in_required';

export function createQueryClient() {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => recheckSignIn(error) }),
    mutationCache: new MutationCache({ onError: (error) => recheckSignIn(error) }),
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
  const recheckSignIn = (error: unknown) => {
    if (isOdsmError(error) && error.code === SIGNED_OUT) void client.invalidateQueries({ queryKey: ['auth', 'status'] });
  };
  return client;
}
