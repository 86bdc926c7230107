import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared-contracts/channels';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { silentLogger } from '../../main/log/json-logger';
import { AUTH_DISABLE_CHANNEL, AUTH_ENABLE_CHANNEL, AUTH_RECOVER_CHANNEL, AUTH_SIGN_IN_CHANNEL, AUTH_SIGN_OUT_CHANNEL, AUTH_STATUS_CHANNEL, AUTH_SWITCH_USER_CHANNEL, type AuthStatus, type SignInEnabled } from '../../shared/auth-channels';
import { join } from 'node:path';
import { keyedBox } from '../../main/connection/secret-box';
import { createSmtpPasswordStore, SMTP_PASSWORD_FILE, type SmtpPasswordStore } from '../../main/reminders/reminders';
import { REMINDERS_PASSWORD_SAVE_CHANNEL } from '../../shared/reminder-channels';
import { backendCommand, freshDataDir } from '../support/real-backend';
import { standInBridge, type StandInBridge } from '../support/stand-in-bridge';
import { newStudentBody } from './channel-samples';

// Sign-in over IPC: the real backend, the real supervisor and setupBridge on the stand-in ipcMain. Main keeps
// the session token and attaches it; these tests see only what the renderer would.
let supervisor: BackendSupervisor;
let bridge: StandInBridge;
let removeData: () => Promise<void>;
let smtpPassword: SmtpPasswordStore;
const answers: unknown[] = [];

const invoke = async <T>(channel: string, payload: unknown = {}): Promise<IpcResult<T>> => {
  const result = await bridge.invoke<T>(channel, payload);
  answers.push(result);
  return result;
};
const call = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
  const result = await invoke<T>(channel, payload);
  if (!result.ok) throw new Error(`${channel} answered ${JSON.stringify(result.error)}`);
  return result.data;
};
const refusal = async (channel: string, payload: unknown = {}) => {
  const result = await invoke(channel, payload);
  if (result.ok) throw new Error(`${channel} answered ok: ${JSON.stringify(result.data)}`);
  return result.error;
};
const signIn = (login: string) => call<AuthStatus>(AUTH_SIGN_IN_CHANNEL, { login, password: `${login}-password-1` });

let enabled: SignInEnabled;
let ownInstructor: number;
let otherInstructor: number;

beforeAll(async () => {
  const data = await freshDataDir();
  removeData = data.remove;
  // argon2id at a test's cost: at the shipped cost each hash takes about a second on a busy machine.
  const env = { ...data.env, ODSM_PASSWORD_HASH_MEMORY_KIB: '64', ODSM_PASSWORD_HASH_PASSES: '1' };
  supervisor = new BackendSupervisor({ command: backendCommand(), dataDir: data.dir, env, readyTimeoutMs: 120_000 });
  await supervisor.start();
  smtpPassword = createSmtpPasswordStore(join(data.dir, SMTP_PASSWORD_FILE), keyedBox());
  bridge = standInBridge({ connection: () => supervisor.connection(), log: silentLogger, app: { backendStatus: () => supervisor.status() }, smtpPassword });
  const instructor = (n: number) => ({ body: { first_name: 'Ines', last_name: `Roy${n}`, di_licence_number: `DI9${n}`, di_licence_expiry: '2099-03-31' } });
  ownInstructor = (await call<{ id: number }>('db:instructors:create', instructor(1))).id;
  otherInstructor = (await call<{ id: number }>('db:instructors:create', instructor(2))).id;
}, 240_000);

afterAll(async () => {
  bridge?.dispose();
  await supervisor?.stop();
  await removeData?.();
});

describe('sign-in over IPC', () => {
  it('is off by default: the desk may do everything, and nobody is signed in', async () => {
    expect(await call<AuthStatus>(AUTH_STATUS_CHANNEL)).toMatchObject({ enabled: false, account: null });
    await call('db:students:list', {});
    // The school's email password too, though it never reaches the backend.
    expect(await call(REMINDERS_PASSWORD_SAVE_CHANNEL, { password: 'first-smtp-password' })).toEqual({ kept: true });
    expect(await smtpPassword.password()).toBe('first-smtp-password');
  });

  it('switches on with the owner signed in here and a recovery code shown once, and no token anywhere', async () => {
    enabled = await call<SignInEnabled>(AUTH_ENABLE_CHANNEL, { name: 'Dana Owner', login: 'dana', password: 'dana-password-1' });
    expect(enabled).toMatchObject({ enabled: true, account: { login: 'dana', role: 'owner' } });
    expect(enabled.recovery_code).toMatch(/^[0-9A-F]{5}(-[0-9A-F]{5}){3}$/);
    expect(Object.keys(enabled).sort()).toEqual(['account', 'enabled', 'idle_lock_minutes', 'min_password_length', 'permissions', 'recovery_code']);
    await call('db:staff:create', { body: { name: 'Olive Front', login: 'olive', role: 'office', password: 'olive-password-1' } });
    await call('db:staff:create', { body: { name: 'Ines Roy', login: 'ines', role: 'instructor', instructor_id: ownInstructor, password: 'ines-password-1' } });
  });

  it('switching user signs this desk out, and every data channel then asks for sign-in', async () => {
    expect(await call<AuthStatus>(AUTH_SWITCH_USER_CHANNEL)).toMatchObject({ enabled: true, account: null, permissions: [] });
    expect(await refusal('db:students:list', {})).toMatchObject({ code: 'auth.sign_in_required', details: { permission: 'students.read' } });
    expect(await refusal(REMINDERS_PASSWORD_SAVE_CHANNEL, { password: 'anyone-smtp-password' })).toMatchObject({ code: 'auth.sign_in_required', details: { permission: 'settings.manage' } });
  });

  it('refuses a wrong password and an unknown login alike', async () => {
    const wrong = await refusal(AUTH_SIGN_IN_CHANNEL, { login: 'olive', password: 'not-her-password' });
    const unknown = await refusal(AUTH_SIGN_IN_CHANNEL, { login: 'nobody', password: 'not-her-password' });
    expect([wrong.code, wrong.message]).toEqual([unknown.code, unknown.message]);
    expect(wrong.code).toBe('auth.wrong_credentials');
  });

  it('lets the office book and edit students, and refuses certifying and managing accounts with the permission needed', async () => {
    expect(await signIn('olive')).toMatchObject({ account: { login: 'olive', role: 'office' } });
    await call('db:students:create', { body: newStudentBody() });
    expect(await refusal('db:certification:certify', { enrollment_id: 1, body: { version: 1, certifier: { kind: 'staff', id: 1 }, mto_reference: 'MTO-1' } })).toMatchObject({
      code: 'permission_denied',
      details: { permission: 'certify', role: 'office' },
    });
    expect(await refusal('db:staff:list', {})).toMatchObject({ code: 'permission_denied', details: { permission: 'accounts.manage' } });
    expect(await refusal('db:settings:update', { body: { version: 1, name: 'Renamed' } })).toMatchObject({ code: 'permission_denied', details: { permission: 'settings.manage' } });
    expect(await refusal(AUTH_DISABLE_CHANNEL, { password: 'olive-password-1' })).toMatchObject({ code: 'permission_denied' });
    // The email password is main's alone, yet main asks the backend first: the office may neither replace nor forget it.
    const denied = { code: 'permission_denied', details: { permission: 'settings.manage', role: 'office' } };
    expect(await refusal(REMINDERS_PASSWORD_SAVE_CHANNEL, { password: 'office-smtp-password' })).toMatchObject(denied);
    expect(await refusal(REMINDERS_PASSWORD_SAVE_CHANNEL, { password: null })).toMatchObject(denied);
    expect(await smtpPassword.password()).toBe('first-smtp-password');
  });

  it('holds an instructor to their own calendar and their own students', async () => {
    await call(AUTH_SIGN_OUT_CHANNEL);
    expect(await signIn('ines')).toMatchObject({ account: { role: 'instructor', instructor_id: ownInstructor } });
    const window = { start: '2031-06-10T00:00:00-04:00', end: '2031-06-11T00:00:00-04:00' };
    await call('db:lessons:list', { ...window, instructor_id: ownInstructor });
    expect(await refusal('db:lessons:list', { ...window, instructor_id: otherInstructor })).toMatchObject({
      code: 'permission_denied',
      details: { permission: 'calendar.read', own_only: true },
    });
    // Their own students only: the list asks for them by name, and any other list is refused.
    expect(await call<{ items: unknown[] }>('db:students:list', { instructor_id: ownInstructor })).toMatchObject({ items: [] });
    expect(await refusal('db:students:list', {})).toMatchObject({ code: 'permission_denied', details: { permission: 'students.read', role: 'instructor', own_only: true } });
    expect(await refusal('db:students:list', { instructor_id: otherInstructor })).toMatchObject({ code: 'permission_denied', details: { permission: 'students.read', own_only: true } });
  });

  it('resets the owner with the recovery code once, and switching off needs the owner password', async () => {
    const back = await call<AuthStatus>(AUTH_RECOVER_CHANNEL, { recovery_code: enabled.recovery_code, new_password: 'dana-password-2' });
    expect(back).toMatchObject({ account: { login: 'dana' } });
    // The owner has settings.manage: the email password is replaced.
    expect(await call(REMINDERS_PASSWORD_SAVE_CHANNEL, { password: 'owner-smtp-password' })).toEqual({ kept: true });
    expect(await smtpPassword.password()).toBe('owner-smtp-password');
    expect(await refusal(AUTH_RECOVER_CHANNEL, { recovery_code: enabled.recovery_code, new_password: 'dana-password-3' })).toMatchObject({ code: 'auth.wrong_recovery_code' });
    expect(await refusal(AUTH_DISABLE_CHANNEL, { password: 'dana-password-1' })).toMatchObject({ code: 'auth.wrong_credentials' });
    expect(await call<AuthStatus>(AUTH_DISABLE_CHANNEL, { password: 'dana-password-2' })).toMatchObject({ enabled: false, account: null });
    await call('db:students:list', {});
  });

  it('never handed the renderer a session token', () => {
    const seen = JSON.stringify(answers);
    expect(seen).not.toMatch(/"token"/);
  });
});
