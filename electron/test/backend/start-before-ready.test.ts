import { afterEach, describe, expect, it } from 'vitest';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { startBackendBeforeReady } from '../../main/backend/start-before-ready';
import { probeHealth } from '../../main/backend/health-probe';
import { createJsonLogger } from '../../main/log/json-logger';
import { backendCommand, freshDataDir } from '../support/real-backend';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('startBackendBeforeReady', () => {
  it('spawns the real backend before Electron is ready, and the backend comes up while main still waits', async () => {
    const data = await freshDataDir();
    const supervisor = new BackendSupervisor({ command: backendCommand(), dataDir: data.dir, env: data.env, readyTimeoutMs: 100_000 });
    cleanups.push(data.remove, () => supervisor.stop());
    let markReady!: () => void;
    const appReady = new Promise<void>((done) => (markReady = done));
    const order: string[] = [];
    const early = startBackendBeforeReady({
      start: () => {
        order.push('start');
        return supervisor.start();
      },
      whenReady: () => {
        order.push('whenReady');
        return appReady;
      },
      log: createJsonLogger({ write: () => {} }),
    });
    // The backend's start is under way before main asks Electron whether it is ready.
    expect(order).toEqual(['start', 'whenReady']);
    expect(supervisor.status().state).toBe('starting');
    await expect.poll(() => supervisor.status().state, { timeout: 100_000, interval: 50 }).toBe('ready');
    let settled = false;
    void early.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false); // main still waits for Electron
    expect(await probeHealth(supervisor.connection()!, 2_000)).toMatchObject({ status: 'ok' });
    markReady();
    const { backend } = await early;
    expect(await backend).toBe(true);
  }, 120_000); // a loaded machine stretches the backend's imports well past the default 20 s

  it('logs a failed start and lets main go on to open its window', async () => {
    const lines: string[] = [];
    const early = await startBackendBeforeReady({
      start: () => Promise.reject(new Error('no backend here')),
      whenReady: () => Promise.resolve(),
      log: createJsonLogger({ write: (line) => lines.push(line) }),
    });
    expect(await early.backend).toBe(false);
    expect(lines.map((line) => JSON.parse(line) as { event: string; error: string })).toEqual([
      expect.objectContaining({ event: 'backend.start_failed', error: 'no backend here' }),
    ]);
  });
});
