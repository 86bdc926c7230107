import { describe, expect } from 'vitest';
import type { IpcResult } from '../../../shared-contracts/channels';
import { loadManifest } from '../../main/bridge/manifest';
import { bridgeTest } from '../support/bridge-harness';

function refusedFields(result: IpcResult<unknown>): string[] {
  if (result.ok || result.error.code !== 'validation_failed') return [];
  return (result.error.details as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
}

// IPC structured-clones NaN and ±Infinity intact, but JSON.stringify would send them as null: a number
// that passed the check must be the number the backend gets.
describe('numbers that JSON cannot carry', () => {
  bridgeTest.for([Infinity, -Infinity, NaN])('refuses %s for a number field, naming it, without an HTTP call', async (value, { backend, bridgeOn }) => {
    const harness = bridgeOn();
    const result = await harness.invoke('db:things:measure', { body: { metres: value } });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(refusedFields(result)).toEqual(['body.metres']);
    expect(backend.seen).toHaveLength(0);
  });

  bridgeTest('forwards a finite number as it was checked', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn();
    expect(await harness.invoke('db:things:measure', { body: { metres: 12.5 } })).toMatchObject({ ok: true });
    expect(backend.seen[0]?.body).toEqual({ metres: 12.5 });
  });

  bridgeTest('refuses Infinity for an integer with no upper bound in the real manifest', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({}, loadManifest());
    const result = await harness.invoke('db:students:list', { offset: Infinity });
    expect(refusedFields(result)).toEqual(['offset']);
    expect(backend.seen).toHaveLength(0);
  });
});

// The backend's schemas bound every id and date (ids within 2^53-1, years 1900..2200); the manifest
// carries those bounds, so main refuses what the backend would refuse before any HTTP call.
describe('bounds the manifest carries from the backend', () => {
  bridgeTest('refuses an id beyond 64 bits, naming it, without an HTTP call', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({}, loadManifest());
    const result = await harness.invoke('db:students:get', { student_id: 2 ** 64 });
    expect(refusedFields(result)).toEqual(['student_id']);
    expect(backend.seen).toHaveLength(0);
  });

  bridgeTest('refuses a day sheet for year 1, naming the date, without an HTTP call', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({}, loadManifest());
    const result = await harness.invoke('db:lessons:daySheet', { instructor_id: 1, date: '0001-01-01' });
    expect(refusedFields(result)).toEqual(['date']);
    expect(backend.seen).toHaveLength(0);
  });

  bridgeTest('forwards an id and a date within the bounds', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({}, loadManifest());
    await harness.invoke('db:lessons:daySheet', { instructor_id: 1, date: '2026-12-01' });
    expect(backend.seen).toHaveLength(1);
  });
});
