import type { QueryClient } from '@tanstack/react-query';

/**
 * The kinds of record the renderer caches. Each feature's query keys start with its kind (see its
 * api/keys.ts), so a write that changes other kinds invalidates them by name without importing the
 * other features: their keys stay theirs, and no two features need each other for a cache refresh.
 * These are the kinds that main's `app:data-changed` will name when changes go live between seats.
 */
export type RecordKind =
  | 'audit'
  | 'billing'
  | 'certification'
  | 'classroom'
  | 'courses'
  | 'demo'
  | 'enrollments'
  | 'instructors'
  | 'lessons'
  | 'settings'
  | 'students'
  | 'vehicles';

/** The root of every query key of one kind. */
export function rootKey<K extends RecordKind>(kind: K): readonly [K] {
  return [kind] as const;
}

/** Marks every cached query of these kinds stale; the screens showing them refetch. */
export function invalidateKinds(queryClient: QueryClient, kinds: readonly RecordKind[]) {
  return Promise.all(kinds.map((kind) => queryClient.invalidateQueries({ queryKey: rootKey(kind) })));
}
