/** Two values of a field are the same when equal, with null and undefined alike ("not set"). */
function sameValue(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/**
 * The fields of `after` that differ from `before`: what an update sends, so that a save touches
 * (and audits) only what the desk changed. `same` can say when two values mean the same.
 */
export function changedFields<B extends object, K extends keyof B & string>(
  before: B,
  after: B,
  fields: readonly K[],
  same: (field: K, a: B[K], b: B[K]) => boolean = (_field, a, b) => sameValue(a, b),
): Partial<Pick<B, K>> {
  const changed: Partial<Pick<B, K>> = {};
  for (const field of fields) {
    if (!same(field, before[field], after[field])) changed[field] = after[field];
  }
  return changed;
}

/** An update body says more than its version: something changed. */
export function hasChanges(body: { version: number }): boolean {
  return Object.keys(body).some((key) => key !== 'version');
}
