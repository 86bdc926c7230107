import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MainRefusal } from '../../main/bridge/ipc-envelope';
import { checkedSettings, connectionProblems, databaseUrl, type ConnectionForm } from '../../main/connection/connection-settings';
import { backendEnvironment, createFileConnectionStore, viewOf, type StoredConnection } from '../../main/connection/connection-store';
import { keyedBox } from '../../main/connection/secret-box';

const PASSWORD = 'Tr0ub4dor&3-front-desk';
const server: StoredConnection = { mode: 'server', host: 'db.school.lan', port: 5432, database: 'school', user: 'frontdesk', tls: 'require', sealedPassword: null };
const form = (over: Partial<ConnectionForm> = {}): ConnectionForm => ({ host: 'db.school.lan', port: 5432, database: 'school', user: 'frontdesk', tls: 'require', ...over });

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'odsm-connection-'));
  file = join(dir, 'connection.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const refusalOf = async (work: () => unknown): Promise<MainRefusal> => {
  try {
    await work();
  } catch (error) {
    if (error instanceof MainRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('the connection store', () => {
  it('keeps the password sealed: neither the password nor its plain base64 is in the file', async () => {
    const store = createFileConnectionStore(file, keyedBox());
    await store.write({ ...server, sealedPassword: store.seal(PASSWORD) });
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(Buffer.from(PASSWORD).toString('base64'));
    expect(text).not.toContain(encodeURIComponent(PASSWORD));
    const read = (await store.read())!;
    expect(store.password(read)).toBe(PASSWORD);
    expect(viewOf(store, read)).toEqual({ mode: 'server', host: 'db.school.lan', port: 5432, database: 'school', user: 'frontdesk', tls: 'require', has_password: true, password_unreadable: false });
    expect(JSON.stringify(viewOf(store, read))).not.toContain(PASSWORD);
  });

  it('refuses plainly a password sealed by another key (another user or computer), and never falls back to a local file', async () => {
    const theirs = createFileConnectionStore(file, keyedBox());
    await theirs.write({ ...server, sealedPassword: theirs.seal(PASSWORD) });
    const ours = createFileConnectionStore(file, keyedBox());
    const read = (await ours.read())!;
    const refusal = await refusalOf(() => ours.password(read));
    expect(refusal.code).toBe('connection.password_unreadable');
    expect(refusal.message).toMatch(/db\.school\.lan.*Enter the password again/);
    expect(viewOf(ours, read)).toMatchObject({ mode: 'server', has_password: false, password_unreadable: true });
    // The backend is not started on anything else: the environment cannot be built at all.
    expect((await refusalOf(() => backendEnvironment({ PATH: '/bin' }, ours))).code).toBe('connection.password_unreadable');
  });

  it('refuses a connection file it cannot read, by name, instead of starting on the local file', async () => {
    await writeFile(file, '{"mode": "server", "host": ');
    const store = createFileConnectionStore(file, keyedBox());
    const refusal = await refusalOf(() => backendEnvironment({}, store));
    expect(refusal.code).toBe('connection.settings_unreadable');
    expect(refusal.message).toContain(file);
  });

  it('gives the backend DATABASE_URL for a server, none for this computer’s file, and leaves the environment alone with no file', async () => {
    const store = createFileConnectionStore(file, keyedBox());
    const base = { PATH: '/bin', DATABASE_URL: 'postgresql+psycopg://dev@127.0.0.1/dev' };
    expect(await backendEnvironment(base, store)).toEqual(base);
    await store.write({ ...server, sealedPassword: store.seal('p@ss:w/rd') });
    const env = await backendEnvironment(base, store);
    expect(env.DATABASE_URL).toBe('postgresql+psycopg://frontdesk:p%40ss%3Aw%2Frd@db.school.lan:5432/school?sslmode=require&application_name=odsm');
    expect(env.PATH).toBe('/bin');
    await store.write({ mode: 'local' });
    expect(await backendEnvironment(base, store)).toEqual({ PATH: '/bin' });
  });

  it('saves no password where the computer offers no protected storage', async () => {
    const box = { ...keyedBox(), available: () => false };
    const refusal = await refusalOf(() => createFileConnectionStore(file, box).seal(PASSWORD));
    expect(refusal.code).toBe('connection.no_secure_storage');
  });
});

describe('the connection settings', () => {
  it('names each bad field and its rule', () => {
    const problems = connectionProblems(form({ host: 'db server!', port: 70000, database: '', user: 'front desk' }));
    expect(problems.map((p) => [p.field, p.rule])).toEqual([
      ['host', 'host'],
      ['port', 'port'],
      ['database', 'required'],
      ['user', 'name'],
    ]);
  });

  it('allows a plain connection only to this computer', () => {
    expect(connectionProblems(form({ tls: 'disable' }))).toEqual([expect.objectContaining({ field: 'tls', rule: 'tls_required' })]);
    expect(connectionProblems(form({ host: 'localhost', tls: 'disable' }))).toEqual([]);
    expect(connectionProblems(form({ host: '127.0.0.1', tls: 'disable' }))).toEqual([]);
    expect(connectionProblems(form({ tls: 'verify-full' }))).toEqual([]);
  });

  it('refuses with validation_failed and the fields, in the bridge’s shape', async () => {
    const refusal = await refusalOf(() => checkedSettings(form({ host: '' })));
    expect(refusal.code).toBe('validation_failed');
    expect(refusal.details).toEqual({ fields: [expect.objectContaining({ field: 'host', rule: 'required' })] });
  });

  it('builds a URL that checks the certificate for verify-full and brackets an IPv6 address', () => {
    expect(databaseUrl({ ...form({ host: '::1', tls: 'verify-full' }) }, undefined)).toBe(
      'postgresql+psycopg://frontdesk@[::1]:5432/school?sslmode=verify-full&application_name=odsm&sslrootcert=system',
    );
  });
});
