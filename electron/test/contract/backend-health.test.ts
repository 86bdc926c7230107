import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAbout } from '../../main/desktop/about';
import { startRealBridge, type RealBridge } from '../support/real-bridge';

// Help → About reads the running backend through main's own transport, not through the window.
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
    expect(health).toMatchObject({ version: seen.version, schema_revision: seen.schema_revision, database: 'sqlite' });
    expect(health?.schema_revision).toMatch(/\S/);
    const about = describeAbout({ appName: 'ODSM', appVersion: '0.1.0', dataDir: real.dataDir, backend: health });
    expect(about.detail).toContain(`Schema revision: ${seen.schema_revision}`);
    expect(about.detail).toContain(real.dataDir);
  });

  it('is undefined, not an error, while the backend is not running', async () => {
    await real.supervisor.stop();
    await expect(real.bridge.backendHealth()).resolves.toBeUndefined();
  });
});
