import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAbout } from '../../main/desktop/about';
import { DIAGNOSTICS_CHANNEL, type DiagnosticsReport } from '../../shared/app-channels';
import { testEngine } from '../support/real-backend';
import { startRealBridge, type RealBridge } from '../support/real-bridge';

// Help → About and Help → Diagnostics read the running backend through main's own transport.
let real: RealBridge;

beforeAll(async () => {
  real = await startRealBridge();
});

afterAll(async () => {
  await real?.stop();
});

describe('backend health for the About box', () => {
  it('gives the version, the engine and the schema revision the window would see', async () => {
    const health = await real.bridge.backendHealth();
    const seen = await real.call<{ version: string; schema_revision: string | null; database: string }>('db:system:health');
    expect(health).toMatchObject({ version: seen.version, schema_revision: seen.schema_revision, database: testEngine });
    expect(health?.schema_revision).toMatch(/\S/);
    const about = describeAbout({ appName: 'ODSM', appVersion: '0.1.0', dataDir: real.dataDir, backend: health });
    expect(about.detail).toContain(`Schema revision: ${seen.schema_revision}`);
    expect(about.detail).toContain(real.dataDir);
  });

  it('gives Diagnostics figures that count the calls just made, in the shape the channel declares', async () => {
    const before = await real.call<DiagnosticsReport>(DIAGNOSTICS_CHANNEL);
    for (let i = 0; i < 5; i += 1) await real.call('db:students:list', {});
    const refused = await real.bridge.invoke('db:students:get', { student_id: 987654 });
    expect(refused.ok).toBe(false);
    const after = await real.call<DiagnosticsReport>(DIAGNOSTICS_CHANNEL);
    expect(real.bridge.validator.validateResponse(DIAGNOSTICS_CHANNEL, after)).toEqual({ valid: true });
    expect(real.bridge.validator.validateResponse(DIAGNOSTICS_CHANNEL, { ...after, ipc: { count: -1 } })).toMatchObject({ valid: false });

    // Five lists, one refusal and the first diagnostics call itself.
    expect(after.ipc.count - before.ipc.count).toBe(7);
    expect(after.ipc.failures - before.ipc.failures).toBe(1);
    expect(after.ipc.p50_ms).toBeGreaterThan(0);
    expect(after.breaker).toEqual({ state: 'closed', openings: 0 });
    expect(after.backendState).toBe('ready');
    expect(after.backend?.requests.count).toBeGreaterThan(before.backend!.requests.count + 5);
    expect(after.backend!.refusals - before.backend!.refusals).toBe(1);
    expect(after.backend?.database).toBe(testEngine);
    expect(after.backend?.database_bytes).toBeGreaterThan(0);
  });

  it('is undefined, not an error, while the backend is not running', async () => {
    await real.supervisor.stop();
    await expect(real.bridge.backendHealth()).resolves.toBeUndefined();
    const report = await real.call<DiagnosticsReport>(DIAGNOSTICS_CHANNEL);
    expect(report.backend).toBeNull();
    expect(real.bridge.validator.validateResponse(DIAGNOSTICS_CHANNEL, report)).toEqual({ valid: true });
    expect(report.ipc.count).toBeGreaterThan(0);
  });
});
