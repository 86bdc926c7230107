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

/**
 * An edit's update body: the version it started from, and the fields whose value for the backend the
 * edit changed (both sides converted the same way, so a retyped but equal value is no change).
 */
export function changesSince<R extends { version: number }, V, B extends object, K extends keyof B & string>(
  original: R,
  values: V,
  convert: { toValues: (record: R) => V; toBody: (values: V) => B },
  fields: readonly K[],
  same?: (field: K, a: B[K], b: B[K]) => boolean,
): { version: number } & Partial<Pick<B, K>> {
  const before = convert.toBody(convert.toValues(original));
  return { version: original.version, ...changedFields(before, convert.toBody(values), fields, same) };
}

/** An update body says more than its version: something changed. */
export function hasChanges(body: { version: number }): boolean {
  return Object.keys(body).some((key) => key !== 'version');
}
