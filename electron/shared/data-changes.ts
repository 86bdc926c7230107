// Live between seats: main pushes the kinds of record another seat (or this one) changed, and the
// renderer refreshes exactly the screens that show them. Shared by main, preload and renderer.

/** Main pushes `DataChanged` to every window on this channel (webContents.send). */
export const DATA_CHANGED_CHANNEL = 'app:data-changed';

/** What the backend's change stream names (its core/change_kinds.py); 'everything' when it is not known. */
export const dataKinds = [
  'audit',
  'billing',
  'certification',
  'classroom',
  'courses',
  'enrollments',
  'instructors',
  'lessons',
  'settings',
  'students',
  'vehicles',
  'everything',
] as const;
export type DataKind = (typeof dataKinds)[number];

export interface DataChanged {
  kinds: DataKind[];
}

/**
 * The kinds a push names, as this app knows them. A kind it does not know (a newer backend's) may be
 * on any screen, so it becomes 'everything'; anything that is not a list of names is no change at all.
 */
export function knownKinds(value: unknown): DataKind[] {
  if (!Array.isArray(value)) return [];
  const names = value.filter((kind): kind is string => typeof kind === 'string');
  if (names.some((kind) => !(dataKinds as readonly string[]).includes(kind))) return ['everything'];
  return [...new Set(names as DataKind[])];
}
