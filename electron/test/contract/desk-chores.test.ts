// Main's timers while sign-in is on: the automatic backup and the reminders' sending run under whoever is
// signed in at this desk, and while nobody who may is, they skip with one log line (no refused call, nothing
// for the renderer). The real backend; the transport carries the session as main's does.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { createMemoryBackupStore } from '../../main/backup/backup-store';
import { createBackups, type Backups } from '../../main/backup/backups';
import { createHttpTransport, type Transport } from '../../main/bridge/http-transport';
import { MainRefusal } from '../../main/bridge/ipc-envelope';
import { keyedBox } from '../../main/connection/secret-box';
import type { Logger } from '../../main/log/json-logger';
import { createReminderSender, createSmtpPasswordStore, SMTP_PASSWORD_FILE, type ReminderSender } from '../../main/reminders/reminders';
import { backendCommand, freshDataDir, testEngine } from '../support/real-backend';

let supervisor: BackendSupervisor;
let removeData: () => Promise<void>;
let transport: Transport;
let token: string | undefined;
let backups: Backups;
let reminders: ReminderSender;
let folder: string;
const logged: { level: string; event: string; fields?: Record<string, unknown> }[] = [];
const log: Logger = {
  debug: (event, fields) => void logged.push({ level: 'debug', event, ...(fields ? { fields } : {}) }),
  info: (event, fields) => void logged.push({ level: 'info', event, ...(fields ? { fields } : {}) }),
  warn: (event, fields) => void logged.push({ level: 'warn', event, ...(fields ? { fields } : {}) }),
  error: (event, fields) => void logged.push({ level: 'error', event, ...(fields ? { fields } : {}) }),
};
const events = (prefix: string) => logged.filter((line) => line.event.startsWith(prefix));

const post = async (path: string, body: unknown) => {
  const response = await transport.request({ method: 'POST', pathTemplate: path, body, requestId: crypto.randomUUID() });
  if (response.status >= 300) throw new Error(`${path} answered ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { token: string; id: number };
};
const signInAs = async (login: string, password: string) => {
  token = undefined;
  token = (await post('/api/v1/auth/sign-in', { login, password })).token;
};

beforeAll(async () => {
  const data = await freshDataDir();
  removeData = data.remove;
  const env = { ...data.env, ODSM_PASSWORD_HASH_MEMORY_KIB: '64', ODSM_PASSWORD_HASH_PASSES: '1' };
  supervisor = new BackendSupervisor({ command: backendCommand(), dataDir: data.dir, env, readyTimeoutMs: 120_000 });
  await supervisor.start();
  transport = createHttpTransport({ connection: () => supervisor.connection(), actor: 'desk@contract', session: () => token });
  folder = join(data.dir, 'usb');
  await mkdir(folder);
  backups = createBackups({
    transport,
    store: createMemoryBackupStore({ folder }),
    anchors: { read: () => Promise.resolve(undefined), write: () => Promise.resolve() },
    dialog: {
      choosePath: () => Promise.resolve(undefined),
      chooseFolder: () => Promise.reject(new Error('the daily backup never asks')),
      chooseFile: () => Promise.resolve(undefined),
    },
    log,
  });
  reminders = createReminderSender({ transport, store: createSmtpPasswordStore(join(data.dir, SMTP_PASSWORD_FILE), keyedBox()), log });
  token = (await post('/api/v1/auth/enable', { name: 'Dana Owner', login: 'dana', password: 'dana-password-1' })).token;
  const instructor = await post('/api/v1/instructors', { first_name: 'Ines', last_name: 'Roy', di_licence_number: 'DI91', di_licence_expiry: '2099-03-31' });
  await post('/api/v1/staff', { name: 'Ines Roy', login: 'ines', role: 'instructor', instructor_id: instructor.id, password: 'ines-password-1' });
  await post('/api/v1/auth/sign-out', {});
  token = undefined;
}, 240_000);

afterAll(async () => {
  transport?.close();
  await supervisor?.stop();
  await removeData?.();
});

describe.skipIf(testEngine !== 'sqlite')("main's timers with sign-in on", () => {
  it('skip while nobody is signed in here, saying so once, with no refusal and no warning', async () => {
    expect(await backups.runIfDue()).toBeUndefined();
    expect(await backups.runIfDue()).toBeUndefined();
    expect(await reminders.sendWhenSignedIn()).toBeUndefined();
    expect(await reminders.sendWhenSignedIn()).toBeUndefined();
    expect(events('backup.')).toEqual([{ level: 'info', event: 'backup.automatic.waiting_for_sign_in', fields: { signedIn: false, role: undefined, permission: 'backups' } }]);
    expect(events('reminders.')).toEqual([{ level: 'info', event: 'reminders.send.waiting_for_sign_in', fields: { signedIn: false, role: undefined, permission: 'students.edit' } }]);
    expect(logged.filter((line) => line.level !== 'info')).toEqual([]);
    expect(await readdir(folder)).toEqual([]);
  });

  it('keep waiting for an account that may, when an instructor signs in', async () => {
    logged.length = 0;
    await signInAs('ines', 'ines-password-1');
    expect(await backups.runIfDue()).toBeUndefined();
    expect(await reminders.sendWhenSignedIn()).toBeUndefined();
    // The wait goes on: no second line.
    expect(logged).toEqual([]);
  });

  it('run at the first tick after the owner signs in, and log a new wait once signed out again', async () => {
    await signInAs('dana', 'dana-password-1');
    expect((await backups.runIfDue())?.saved).toBe(true);
    expect((await readdir(folder)).filter((name) => name.startsWith('odsm-backup-'))).toHaveLength(1);
    // Sent, or refused for a reason of its own (no mail server set): either way it ran, past the sign-in.
    const sent = await reminders.sendWhenSignedIn().catch((error: unknown) => error);
    expect(sent).toBeDefined();
    if (sent instanceof MainRefusal) expect(['auth.sign_in_required', 'permission_denied']).not.toContain(sent.code);
    logged.length = 0;
    await post('/api/v1/auth/sign-out', {});
    token = undefined;
    expect(await reminders.sendWhenSignedIn()).toBeUndefined();
    expect(events('reminders.').map((line) => line.event)).toEqual(['reminders.send.waiting_for_sign_in']);
  });
});
