/** What an audit entry changed: the fields whose value differs between before and after. */
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../../lib/dates';
import { formatHours, formatMoney } from '../../../lib/units';

export type FieldChange = { field: string; before: unknown; after: unknown };

/** Bookkeeping fields that change on every write and say nothing to the reader. */
const NOISE = new Set(['version', 'updated_at', 'created_at', 'id']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The key under which a write that changed several records lists the others in its entry's `after`. */
const ALSO_CHANGED = 'also_changed';

type Snapshot = Record<string, unknown> | null | undefined;

/** One of the other records a write changed (a completed lesson's odometer readings and hours). */
export type OtherChange = { entity: string; entity_id: string; action: string; before: Snapshot; after: Snapshot };

export function changedFields(entry: { before?: Snapshot; after?: Snapshot }): FieldChange[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !NOISE.has(field) && field !== ALSO_CHANGED);
  return fields.filter((field) => !same(before[field], after[field])).map((field) => ({ field, before: before[field], after: after[field] }));
}

/** The other records the entry's write changed, each with its own before and after. */
export function otherChanges(entry: { after?: Snapshot }): OtherChange[] {
  const listed = entry.after?.[ALSO_CHANGED];
  return Array.isArray(listed) ? (listed as OtherChange[]) : [];
}

/** "licence_number" -> "Licence number". */
export function fieldLabel(field: string): string {
  const words = field.replace(/^minutes$/, 'hours').replace(/_(cents|minutes)$/, '').replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A value as the desk reads it: empty shown as a dash, instants in the school's zone, cents as
 * dollars, minutes as hours, lists and objects compactly.
 */
export function formatValue(value: unknown, field = '', timeZone = DEFAULT_TIME_ZONE): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && INSTANT.test(value)) return formatDateTime(value, timeZone);
  if (typeof value === 'number' && field.endsWith('_cents')) return formatMoney(value);
  if (typeof value === 'number' && /(^|_)minutes$/.test(field)) return formatHours(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object') return Array.isArray(value) ? `${value.length} item${value.length === 1 ? '' : 's'}` : JSON.stringify(value);
  return String(value);
}

/** "student.update" / "update" -> "Updated". */
export function actionLabel(action: string): string {
  const verb = action.split('.').at(-1) ?? action;
  const known: Record<string, string> = { insert: 'Created', create: 'Created', update: 'Updated', archive: 'Archived', delete: 'Deleted', certify: 'Certified' };
  return known[verb] ?? fieldLabel(verb);
}
