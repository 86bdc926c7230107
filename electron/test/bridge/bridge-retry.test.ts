import { describe, expect } from 'vitest';
import { bridgeTest } from '../support/bridge-harness';

const busy = { kind: 'answer', status: 503, body: { code: 'database_busy', message: 'busy', request_id: 'x' } } as const;

describe('retry', () => {
  bridgeTest('retries an idempotent channel on 503 and on a dropped connection, then answers', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ maxRetries: 3 });
    backend.queue(busy, { kind: 'reset' }, { kind: 'answer', status: 200, body: { id: 'a' } });
    const result = await harness.invoke('db:things:get', { thing_id: 'a' });
    expect(result).toEqual({ ok: true, data: { id: 'a' } });
    expect(backend.seen).toHaveLength(3);
    // One request id per call: every attempt carries the same one.
    expect(new Set(backend.seen.map((r) => r.headers['x-request-id'])).size).toBe(1);
  });

  bridgeTest('retries a keyed write with the same Idempotency-Key on every attempt', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ maxRetries: 3 });
    backend.queue({ kind: 'reset' }, busy, { kind: 'answer', status: 201, body: { id: 1 } });
    const result = await harness.invoke('db:things:create', { body: { name: 'Ann' } });
    expect(result).toEqual({ ok: true, data: { id: 1 } });
    expect(backend.seen).toHaveLength(3);
    const keys = backend.seen.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(backend.seen.every((r) => JSON.stringify(r.body) === '{"name":"Ann"}')).toBe(true);
  });

  bridgeTest('gives each call its own Idempotency-Key', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn();
    backend.fallback = { kind: 'answer', status: 201, body: {} };
    await harness.invoke('db:things:create', { body: { name: 'A' } });
    await harness.invoke('db:things:create', { body: { name: 'B' } });
    expect(backend.seen[0]?.headers['idempotency-key']).not.toBe(backend.seen[1]?.headers['idempotency-key']);
  });

  bridgeTest('never retries a write that has no Idempotency-Key', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ maxRetries: 3 });
    backend.queue(busy);
    const result = await harness.invoke('db:things:poke', { body: { name: 'Ann' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'database_busy' } });
    expect(backend.seen).toHaveLength(1);
    expect(backend.seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  bridgeTest('never retries a 4xx answer', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ maxRetries: 3 });
    backend.queue({ kind: 'answer', status: 404, body: { code: 'thing.not_found', message: 'no', request_id: 'x' } });
    const result = await harness.invoke('db:things:get', { thing_id: 'zz' });
    expect(result).toMatchObject({ ok: false, error: { code: 'thing.not_found', message: 'no' } });
    expect(backend.seen).toHaveLength(1);
  });

  bridgeTest('answers backend_unavailable when the retries run out', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ maxRetries: 2, breakerThreshold: 100 });
    backend.fallback = { kind: 'reset' };
    const result = await harness.invoke('db:things:get', { thing_id: 'a' });
    expect(result).toMatchObject({ ok: false, error: { code: 'backend_unavailable' } });
    expect(backend.seen).toHaveLength(3);
  });
});

describe('circuit breaker', () => {
  bridgeTest('opens after N failures, answers at once without touching the backend, and recovers after halfOpenAfter', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ maxRetries: 0, breakerThreshold: 3, halfOpenAfterMs: 300 });
    backend.fallback = busy;
    for (let i = 0; i < 3; i += 1) await harness.invoke('db:things:get', { thing_id: 'a' });
    expect(backend.seen).toHaveLength(3);
    expect(harness.breakerOpened).toBe(1);

    const started = performance.now();
    const refused = await harness.invoke('db:things:get', { thing_id: 'a' });
    expect(performance.now() - started).toBeLessThan(50);
    expect(refused).toMatchObject({ ok: false, error: { code: 'backend_unavailable' } });
    expect(backend.seen).toHaveLength(3);

    backend.fallback = { kind: 'answer', status: 200, body: { id: 'a' } };
    await new Promise((r) => setTimeout(r, 350));
    expect(await harness.invoke('db:things:get', { thing_id: 'a' })).toEqual({ ok: true, data: { id: 'a' } });
    expect(await harness.invoke('db:things:get', { thing_id: 'a' })).toEqual({ ok: true, data: { id: 'a' } });
    expect(backend.seen).toHaveLength(5);
  });

  bridgeTest('does not count 4xx answers', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ maxRetries: 0, breakerThreshold: 2 });
    backend.fallback = { kind: 'answer', status: 422, body: { code: 'validation_failed', message: 'no', request_id: 'x' } };
    for (let i = 0; i < 4; i += 1) await harness.invoke('db:things:get', { thing_id: 'a' });
    expect(backend.seen).toHaveLength(4);
    expect(harness.breakerOpened).toBe(0);
  });
});

describe('timeout', () => {
  bridgeTest('answers timeout when the backend stalls, and aborts the HTTP request', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ timeoutMs: 150, maxRetries: 0 });
    backend.fallback = { kind: 'stall' };
    const started = performance.now();
    const result = await harness.invoke('db:things:poke', { body: { name: 'x' } });
    const ms = performance.now() - started;
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(ms).toBeGreaterThanOrEqual(140);
    expect(ms).toBeLessThan(1_000);
    await expect.poll(() => backend.aborted.length).toBe(1);
  });

  bridgeTest('retries a timed-out idempotent call', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ timeoutMs: 150, maxRetries: 2 });
    backend.queue({ kind: 'stall' }, { kind: 'answer', status: 200, body: { id: 'late' } });
    expect(await harness.invoke('db:things:get', { thing_id: 'a' })).toEqual({ ok: true, data: { id: 'late' } });
    expect(backend.seen).toHaveLength(2);
  });
});
