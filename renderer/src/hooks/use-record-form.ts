import { useQueryClient, type FetchQueryOptions, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { hasChanges } from '../lib/changes';
import { fieldErrorsOf, VALIDATION_FAILED } from '../lib/field-errors';
import { isOdsmError } from '../lib/odsm';

type KeysOf<V, T> = { [K in keyof V]: V[K] extends T ? K : never }[keyof V] & string;

/** What a record form's save sends: a new record's body, or an edit's changes to the record with this id. */
export type RecordSave<C, U> = { kind: 'create'; body: C } | { kind: 'update'; id: number; body: U };

type SaveMutation<R, C, U> = { mutate: (input: RecordSave<C, U>, options: { onSuccess: (saved: R) => void }) => void };

type RecordFormOptions<R, V, K extends QueryKey> = {
  /** The record to edit, or null for a new one. */
  record: R | null;
  toValues: (record: R) => V;
  emptyValues: () => V;
  /** The record's query; "Reload latest" fetches it past the cache. */
  latest: (record: R) => FetchQueryOptions<R, Error, R, K>;
  /** The save mutation: its error, and how to clear it. */
  save: { error: unknown; reset: () => void };
  /** The code the backend answers when someone else saved first. */
  conflictCode: string;
  /** The form's fields: a save's field problems naming one show beside it, the rest above the form. */
  fields: readonly string[];
  /** The codes whose details name fields (validation_failed unless told). */
  fieldCodes?: readonly string[];
};

/**
 * Editing a versioned record: `base` is the copy the edit started from (its version goes with the
 * save), `values` what the form shows. After a version conflict, "Reload latest" adopts the newest
 * copy and clears the failed save.
 */
export function useRecordForm<R, V, K extends QueryKey>({ record, toValues, emptyValues, latest, save, conflictCode, fields, fieldCodes }: RecordFormOptions<R, V, K>) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState<R | null>(record);
  const [values, setValues] = useState<V>(() => (record ? toValues(record) : emptyValues()));
  const [reloading, setReloading] = useState(false);
  const [reloadError, setReloadError] = useState<unknown>(null);
  // Required fields left blank at the last submit; a field leaves the list once edited.
  const [missing, setMissing] = useState<readonly (keyof V & string)[]>([]);

  const saveError = save.error;
  const conflict = isOdsmError(saveError) && saveError.code === conflictCode;
  // Field problems show beside their fields; anything else gets a banner.
  const otherError = Boolean(saveError) && !conflict && !(isOdsmError(saveError) && (fieldCodes ?? [VALIDATION_FAILED]).includes(saveError.code));
  const serverErrors = fieldErrorsOf(saveError, fields, fieldCodes);

  function update<K extends keyof V & string>(field: K, value: V[K]) {
    setValues((current) => ({ ...current, [field]: value }));
    setMissing((current) => current.filter((name) => name !== field));
  }

  /** A text field's props: its value, its change handler, and "Required." or the server's message. */
  function bindText(field: KeysOf<V, string>) {
    return {
      id: field,
      value: values[field] as string,
      error: missing.includes(field) ? 'Required.' : serverErrors.byField[field]?.message,
      onChange: (event: { target: { value: string } }) => update(field, event.target.value as V[typeof field]),
    };
  }

  function bindFlag(field: KeysOf<V, boolean>) {
    return {
      id: field,
      checked: values[field] as boolean,
      onChange: (event: { target: { checked: boolean } }) => update(field, event.target.checked as V[typeof field]),
    };
  }

  function adopt(next: R) {
    setBase(next);
    setValues(toValues(next));
  }

  /** Marks the required fields left blank; true when there are any, and the save must wait. */
  function markMissing(blank: readonly (keyof V & string)[]): boolean {
    setMissing(blank);
    return blank.length > 0;
  }

  async function reloadLatest() {
    if (!base) return;
    setReloading(true);
    setReloadError(null);
    try {
      adopt(await queryClient.fetchQuery({ ...latest(base), staleTime: 0 }));
      setMissing([]);
      save.reset();
    } catch (error) {
      setReloadError(error);
    } finally {
      setReloading(false);
    }
  }

  return { base, setBase, values, setValues, update, bindText, bindFlag, missing, markMissing, adopt, saveError, conflict, otherError, serverErrors, reloading, reloadError, reloadLatest };
}

/**
 * Saves a record form: a new record is created; an edit sends only what changed, and an edit that
 * changed nothing just closes (`onUnchanged`).
 */
export function saveRecord<R extends { id: number }, V, C, U extends { version: number }>(
  form: { base: R | null; values: V },
  save: SaveMutation<R, C, U>,
  convert: { toCreate: (values: V) => C; toUpdate: (base: R, values: V) => U },
  done: { onSaved: (saved: R, created: boolean) => void; onUnchanged: () => void },
) {
  const { base, values } = form;
  if (!base) {
    save.mutate({ kind: 'create', body: convert.toCreate(values) }, { onSuccess: (saved) => done.onSaved(saved, true) });
    return;
  }
  const body = convert.toUpdate(base, values);
  if (!hasChanges(body)) return done.onUnchanged();
  save.mutate({ kind: 'update', id: base.id, body }, { onSuccess: (saved) => done.onSaved(saved, false) });
}
