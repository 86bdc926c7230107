import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { DataKind } from '../../../electron/preload/api';

/**
 * Live between seats: a feature's cached queries (`queryKey`, usually its root key) and the kinds of
 * record they show. A student's name is on the lesson list too, so `lessons` shows `students`. Each
 * feature keeps its own beside its query keys (`api/live.ts`); the app puts them together.
 */
export interface LiveQueries {
  queryKey: QueryKey;
  shows: readonly DataKind[];
}

/** Marks stale exactly the queries that show a changed kind (all of them for 'everything'); they refetch if shown. */
export async function invalidateChanged(queryClient: QueryClient, live: readonly LiveQueries[], kinds: readonly DataKind[]): Promise<void> {
  if (kinds.includes('everything')) {
    await queryClient.invalidateQueries();
    return;
  }
  const changed = new Set(kinds);
  await Promise.all(
    live.filter((entry) => entry.shows.some((kind) => changed.has(kind))).map((entry) => queryClient.invalidateQueries({ queryKey: entry.queryKey })),
  );
}
