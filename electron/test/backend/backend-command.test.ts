import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachTarget, pickBackendCommand } from '../../main/backend/backend-command';

describe('pickBackendCommand', () => {
  it('runs the venv python -m odsm in dev', () => {
    expect(pickBackendCommand({ appRoot: '/repo', packaged: false, env: {}, platform: 'linux' })).toEqual({
      command: join('/repo', '.venv', 'bin', 'python'),
      args: ['-m', 'odsm'],
      source: 'dev-venv',
    });
  });

  it('runs the frozen binary under resourcesPath when packaged, with .exe on Windows', () => {
    expect(pickBackendCommand({ appRoot: '/app', packaged: true, resourcesPath: '/res', env: {}, platform: 'linux' }).command).toBe(
      join('/res', 'backend', 'odsm-backend', 'odsm-backend'),
    );
    expect(pickBackendCommand({ appRoot: '/app', packaged: true, resourcesPath: '/res', env: {}, platform: 'win32' }).command).toBe(
      join('/res', 'backend', 'odsm-backend', 'odsm-backend.exe'),
    );
  });

  it('lets ODSM_BACKEND_COMMAND override both', () => {
    const env = { ODSM_BACKEND_COMMAND: '/opt/frozen/odsm-backend' };
    expect(pickBackendCommand({ appRoot: '/repo', packaged: false, env })).toEqual({ command: '/opt/frozen/odsm-backend', args: [], source: 'env' });
    expect(pickBackendCommand({ appRoot: '/repo', packaged: true, resourcesPath: '/res', env }).source).toBe('env');
  });
});

describe('attachTarget', () => {
  it('attaches to a socket or a loopback URL only when the secret is given too', () => {
    expect(attachTarget({ ODSM_BACKEND_UDS: '/tmp/x/backend.sock' })).toBeUndefined();
    expect(attachTarget({ ODSM_BACKEND_UDS: '/tmp/x/backend.sock', ODSM_API_SECRET: 's' })).toEqual({ endpoint: { socketPath: '/tmp/x/backend.sock' }, secret: 's' });
    expect(attachTarget({ ODSM_BACKEND_URL: 'http://127.0.0.1:8123', ODSM_API_SECRET: 's' })).toEqual({ endpoint: { host: '127.0.0.1', port: 8123 }, secret: 's' });
    expect(attachTarget({ ODSM_API_SECRET: 's' })).toBeUndefined();
    expect(() => attachTarget({ ODSM_BACKEND_URL: 'https://example.com', ODSM_API_SECRET: 's' })).toThrow(/http:/);
  });
});
