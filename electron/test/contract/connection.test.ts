import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared-contracts/channels';
import { CONNECTION_GET_CHANNEL, CONNECTION_SAVE_CHANNEL, CONNECTION_TEST_CHANNEL, CONNECTION_USE_LOCAL_CHANNEL, type ConnectionForm } from '../../shared/connection-channels';
import { createPgDatabase, dropPgDatabase, startWorkstationBridge, type WorkstationBridge } from '../support/workstation-bridge';

// The Database server channels through the real handlers on the ipcMain stand-in, the real backend's
// main-only test route and the real local PostgreSQL (trust authentication); a save restarts the real backend.
const PASSWORD = 'not-in-any-file-4711';
let real: WorkstationBridge;
let target: string;
let form: ConnectionForm;
const answers: unknown[] = [];

const invoke = async <T>(channel: string, payload: unknown = {}): Promise<IpcResult<T>> => {
  const result = await real.bridge.invoke<T>(channel, payload);
  answers.push(result);
  return result;
};
const refusal = async (channel: string, payload: unknown) => {
  const result = await invoke(channel, payload);
  if (result.ok) throw new Error(`${channel} answered ok: ${JSON.stringify(result.data)}`);
  return result.error;
};
const health = async () => {
  const result = await invoke<{ database: string }>('db:system:health');
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data.database;
};

beforeAll(async () => {
  real = await startWorkstationBridge();
  target = createPgDatabase();
  const url = new URL(target.replace('postgresql+psycopg:', 'http:'));
  form = { host: url.hostname, port: Number(url.port || 5432), database: url.pathname.slice(1), user: 'postgres', tls: 'disable', password: PASSWORD };
}, 240_000);

afterAll(async () => {
  await real?.stop();
  if (target) dropPgDatabase(target);
}, 120_000);

describe('Database server channels', () => {
  it('starts on this computer’s own file', async () => {
    expect(await invoke(CONNECTION_GET_CHANNEL)).toEqual({ ok: true, data: { mode: 'local' } });
  });

  it('says exactly what failed: user, host, database, and names a bad field before trying', async () => {
    expect((await refusal(CONNECTION_TEST_CHANNEL, { ...form, user: 'nobody_here' })).code).toBe('connection.auth_failed');
    expect((await refusal(CONNECTION_TEST_CHANNEL, { ...form, port: 1 })).code).toBe('connection.host_unreachable');
    const missing = await refusal(CONNECTION_TEST_CHANNEL, { ...form, database: 'no_school_here' });
    expect(missing.code).toBe('connection.database_missing');
    expect(missing.message).toContain('no_school_here');
    const plain = await refusal(CONNECTION_TEST_CHANNEL, { ...form, host: 'db.school.lan' });
    expect(plain).toMatchObject({ code: 'validation_failed', details: { fields: [expect.objectContaining({ field: 'tls', rule: 'tls_required' })] } });
    expect((await refusal(CONNECTION_TEST_CHANNEL, { ...form, port: 'x' })).code).toBe('validation_failed');
  });

  it('tests an empty database: its version, no school yet', async () => {
    const result = await invoke<{ server_version: string; schema_revision: string | null; holds_data: boolean }>(CONNECTION_TEST_CHANNEL, form);
    expect(result).toMatchObject({ ok: true, data: { schema_revision: null, holds_data: false } });
  });

  it('connects this workstation: saved with the password sealed, the backend restarted on the server through its environment', async () => {
    const saved = await invoke(CONNECTION_SAVE_CHANNEL, form);
    expect(saved).toEqual({ ok: true, data: { mode: 'server', host: form.host, port: form.port, database: form.database, user: 'postgres', tls: 'disable', has_password: true, password_unreadable: false } });
    expect(await health()).toBe('postgresql');
    const file = await readFile(real.connectionFile, 'utf8');
    expect(file).not.toContain(PASSWORD);
    const pid = real.supervisor.pid()!;
    const argv = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0');
    const environ = (await readFile(`/proc/${pid}/environ`, 'utf8')).split('\0');
    expect(argv.join(' ')).not.toContain(PASSWORD);
    expect(argv.join(' ')).not.toContain(form.database);
    expect(environ.find((entry) => entry.startsWith('DATABASE_URL='))).toContain(`:${PASSWORD}@${form.host}:${form.port}/${form.database}?sslmode=disable`);
    // The saved password is kept when the form leaves it empty, for the same server and user.
    const { password: _typed, ...withoutPassword } = form;
    expect(await invoke(CONNECTION_TEST_CHANNEL, withoutPassword)).toMatchObject({ ok: true, data: { holds_data: true } });
  }, 240_000);

  it('goes back to this computer’s own file', async () => {
    expect(await invoke(CONNECTION_USE_LOCAL_CHANNEL)).toEqual({ ok: true, data: { mode: 'local' } });
    expect(await health()).toBe('sqlite');
    expect(await invoke(CONNECTION_GET_CHANNEL)).toEqual({ ok: true, data: { mode: 'local' } });
  }, 240_000);

  it('never answered the password', () => {
    expect(JSON.stringify(answers)).not.toContain(PASSWORD);
  });
});
