import { describe, expect } from 'vitest';
import { bridgeTest } from '../support/bridge-harness';

// What the backend answers while the first attempt with the same Idempotency-Key is still running.
const inProgress = {
  kind: 'answer',
  status: 409,
  body: { code: 'idempotency_in_progress', message: 'A request with this Idempotency-Key is still being processed.', request_id: 'x' },
} as const;
const stored = { kind: 'answer', status: 201, body: { id: 7, name: 'Ann' } } as const;

describe('a keyed write answered "in progress"', () => {
  bridgeTest('waits, with growing delays, and asks again with the same key until the stored answer comes', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ initialDelayMs: 20, maxDelayMs: 80, timeoutMs: 5_000 });
    backend.queue(inProgress, inProgress, inProgress, inProgress, stored);
    const result = await harness.invoke('db:things:create', { body: { name: 'Ann' } });
    expect(result).toEqual({ ok: true, data: { id: 7, name: 'Ann' } });
    expect(backend.seen).toHaveLength(5);
    expect(new Set(backend.seen.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(backend.seen[0]?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    const gaps = backend.seen.slice(1).map((r, i) => r.at - (backend.seen[i]?.at ?? 0));
    // 20, 40, 80, then capped at 80; a timer may fire a millisecond early.
    [20, 40, 80, 80].forEach((delay, i) => expect(gaps[i]).toBeGreaterThanOrEqual(delay - 2));
  });

  bridgeTest('answers timeout, saying the save may be running, once the deadline passes', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ initialDelayMs: 20, maxDelayMs: 50, timeoutMs: 300, breakerThreshold: 2 });
    backend.fallback = inProgress;
    const started = performance.now();
    const result = await harness.invoke('db:things:create', { body: { name: 'Ann' } });
    const ms = performance.now() - started;
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout', details: { cause: 'idempotency_in_progress' } } });
    expect(ms).toBeGreaterThanOrEqual(295);
    expect(ms).toBeLessThan(1_500);
    expect(backend.seen.length).toBeGreaterThan(3);
    expect(new Set(backend.seen.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    // "In progress" is the backend doing its job, not failing: the breaker stays shut.
    expect(harness.breakerOpened).toBe(0);
  });

  bridgeTest('never retries a write that has no Idempotency-Key', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ initialDelayMs: 5, timeoutMs: 2_000 });
    backend.queue(inProgress, stored);
    const result = await harness.invoke('db:things:poke', { body: { name: 'Ann' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'idempotency_in_progress' } });
    expect(backend.seen).toHaveLength(1);
    expect(backend.seen[0]?.headers['idempotency-key']).toBeUndefined();
  });

  bridgeTest('passes any other 409 through at once', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ initialDelayMs: 5, timeoutMs: 2_000 });
    backend.queue({ kind: 'answer', status: 409, body: { code: 'thing.version_conflict', message: 'changed', request_id: 'x' } }, stored);
    const result = await harness.invoke('db:things:create', { body: { name: 'Ann' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'thing.version_conflict' } });
    expect(backend.seen).toHaveLength(1);
  });
});
