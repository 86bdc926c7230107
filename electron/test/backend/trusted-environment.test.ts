import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachTarget, pickBackendCommand, trustedEnvironment } from '../../main/backend/backend-command';

const overrides = {
  ODSM_BACKEND_COMMAND: '/tmp/anything',
  ODSM_BACKEND_URL: 'http://203.0.113.9:8000',
  ODSM_BACKEND_UDS: '/tmp/elsewhere/backend.sock',
  ELECTRON_RENDERER_URL: 'http://203.0.113.9:5173',
  ODSM_API_SECRET: 's',
  ODSM_DATA_DIR: '/srv/odsm',
};

describe('trustedEnvironment', () => {
  it('keeps every override in a development build', () => {
    const { env, ignored } = trustedEnvironment(false, overrides);
    expect(env).toEqual(overrides);
    expect(ignored).toEqual([]);
    expect(pickBackendCommand({ appRoot: '/repo', packaged: false, env }).command).toBe('/tmp/anything');
    expect(attachTarget(env)).toEqual({ endpoint: { socketPath: '/tmp/elsewhere/backend.sock' }, secret: 's' });
  });

  it('drops the backend command, the backend URL and socket and the renderer URL when packaged, and names them', () => {
    const { env, ignored } = trustedEnvironment(true, overrides);
    expect(ignored).toEqual(['ODSM_BACKEND_COMMAND', 'ODSM_BACKEND_URL', 'ODSM_BACKEND_UDS', 'ELECTRON_RENDERER_URL']);
    expect(env).toEqual({ ODSM_API_SECRET: 's', ODSM_DATA_DIR: '/srv/odsm' });
    // So the packaged app starts its own frozen backend and attaches to nothing.
    const picked = pickBackendCommand({ appRoot: '/app', packaged: true, resourcesPath: '/res', env, platform: 'linux' });
    expect(picked).toEqual({ command: join('/res', 'backend', 'odsm-backend', 'odsm-backend'), args: [], source: 'packaged' });
    expect(attachTarget(env)).toBeUndefined();
    expect(attachTarget(trustedEnvironment(true, { ODSM_BACKEND_URL: 'http://203.0.113.9:8000', ODSM_API_SECRET: 's' }).env)).toBeUndefined();
  });

  it('names only the overrides that were set, and leaves the given environment alone', () => {
    const given = { ODSM_BACKEND_URL: 'http://127.0.0.1:1', ELECTRON_RENDERER_URL: '' };
    expect(trustedEnvironment(true, given).ignored).toEqual(['ODSM_BACKEND_URL']);
    expect(given).toEqual({ ODSM_BACKEND_URL: 'http://127.0.0.1:1', ELECTRON_RENDERER_URL: '' });
  });
});
