import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpcResult } from '../../../shared-contracts/channels';
import { BackendSupervisor } from '../../main/backend/backend-supervisor';
import { loadManifest } from '../../main/bridge/manifest';
import { silentLogger } from '../../main/log/json-logger';
import { AUDIT_EXPORT_CHANNEL, BACKEND_STATUS_GET_CHANNEL, BACKUP_NOW_CHANNEL, BACKUP_PROGRESS_CHANNEL, BACKUP_RESTORE_CHANNEL, BACKUP_STATUS_CHANNEL, DIAGNOSTICS_CHANNEL, EXPORT_ALL_CHANNEL, IMPORT_CHOOSE_CHANNEL, IMPORT_PREVIEW_CHANNEL, IMPORT_PROGRESS_CHANNEL, IMPORT_REMAP_CHANNEL, IMPORT_RUN_CHANNEL, IMPORT_START_CHANNEL } from '../../shared/app-channels';
import { ACCOUNTANT_CSV_CHANNEL } from '../../shared/accountant-csv-channels';
import { AUDIT_CSV_CHANNEL } from '../../shared/audit-csv-channels';
import { CALENDAR_FILE_CHANNEL } from '../../shared/calendar-file-channels';
import { REMINDERS_SEND_NOW_CHANNEL, REMINDERS_SMS_EXPORT_CHANNEL } from '../../shared/reminder-channels';
import { DOCUMENT_PRINT_CHANNEL, DOCUMENT_SAVE_PDF_CHANNEL } from '../../shared/documents';
import { DOCUMENT_BUNDLE_CANCEL_CHANNEL, DOCUMENT_BUNDLE_CHANNEL, DOCUMENT_BUNDLE_PROGRESS_CHANNEL } from '../../shared/inspection-bundle';
import { mainFrameEvent } from '../support/bridge-fixtures';
import { backendCommand, freshDataDir } from '../support/real-backend';
import { standInBridge, type StandInBridge } from '../support/stand-in-bridge';
import { AUTH_DISABLE_CHANNEL, AUTH_ENABLE_CHANNEL, AUTH_RECOVER_CHANNEL, AUTH_SIGN_IN_CHANNEL, AUTH_SIGN_OUT_CHANNEL, AUTH_STATUS_CHANNEL, AUTH_SWITCH_USER_CHANNEL } from '../../shared/auth-channels';
import { channelSamples, newStudentBody, type CallChannel } from './channel-samples';

// The real backend (python -m odsm, or the frozen binary via ODSM_BACKEND_COMMAND), the real supervisor,
// and setupBridge on the stand-in ipcMain: everything but Electron itself.
const manifest = loadManifest();
let supervisor: BackendSupervisor;
let bridge: StandInBridge;
let removeData: () => Promise<void>;

const invoke = (channel: string, payload?: unknown) => bridge.invoke(channel, payload);

const call: CallChannel = async (channel, payload) => {
  const result = await invoke(channel, payload);
  if (!result.ok) throw new Error(`${channel} answered ${JSON.stringify(result.error)}`);
  return result.data;
};

/** A failed envelope, checked against the manifest's errorSchema as well as the test's own expectation. */
function expectErrorShape(result: IpcResult<unknown>): void {
  if (!result.ok) expect(bridge.validator.validateError(result.error)).toEqual({ valid: true });
}

beforeAll(async () => {
  const data = await freshDataDir();
  removeData = data.remove;
  supervisor = new BackendSupervisor({ command: backendCommand(), dataDir: data.dir, env: data.env, readyTimeoutMs: 45_000 });
  await supervisor.start();
  bridge = standInBridge({ connection: () => supervisor.connection(), log: silentLogger, app: { backendStatus: () => supervisor.status() } });
});

afterAll(async () => {
  bridge?.dispose();
  await supervisor?.stop();
  await removeData?.();
});

describe('the IPC contract, channel by channel', () => {
  it('has a sample for every channel in the manifest, and no sample for a channel that is gone', () => {
    expect(Object.keys(channelSamples).sort()).toEqual(Object.keys(manifest.channels).sort());
  });

  it('registers exactly the manifest channels and the app channels', () => {
    expect(bridge.ipc.channels().sort()).toEqual([...Object.keys(manifest.channels), BACKEND_STATUS_GET_CHANNEL, AUDIT_EXPORT_CHANNEL, DIAGNOSTICS_CHANNEL, BACKUP_NOW_CHANNEL, BACKUP_STATUS_CHANNEL, BACKUP_PROGRESS_CHANNEL, BACKUP_RESTORE_CHANNEL, IMPORT_PREVIEW_CHANNEL, IMPORT_RUN_CHANNEL, IMPORT_CHOOSE_CHANNEL, IMPORT_REMAP_CHANNEL, IMPORT_START_CHANNEL, IMPORT_PROGRESS_CHANNEL, EXPORT_ALL_CHANNEL, CALENDAR_FILE_CHANNEL, ACCOUNTANT_CSV_CHANNEL, AUDIT_CSV_CHANNEL, DOCUMENT_SAVE_PDF_CHANNEL, DOCUMENT_PRINT_CHANNEL, AUTH_STATUS_CHANNEL, AUTH_SIGN_IN_CHANNEL, AUTH_SIGN_OUT_CHANNEL, AUTH_SWITCH_USER_CHANNEL, AUTH_ENABLE_CHANNEL, AUTH_DISABLE_CHANNEL, AUTH_RECOVER_CHANNEL, REMINDERS_SEND_NOW_CHANNEL, REMINDERS_SMS_EXPORT_CHANNEL, DOCUMENT_BUNDLE_CHANNEL, DOCUMENT_BUNDLE_PROGRESS_CHANNEL, DOCUMENT_BUNDLE_CANCEL_CHANNEL].sort());
  });

  describe.each(Object.keys(manifest.channels))('%s', (channel) => {
    it('answers a valid call with data that matches the response schema', async () => {
      const sample = channelSamples[channel];
      if (!sample) throw new Error(`no contract sample for ${channel}: add one to channel-samples.ts`);
      const payload = await sample.valid(call);
      expect(bridge.validator.validateRequest(channel, payload)).toEqual({ valid: true });
      const result = await invoke(channel, payload);
      if (sample.expectError) {
        expect(result, JSON.stringify(result)).toMatchObject({ ok: false, error: { code: sample.expectError } });
        return;
      }
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      if (!result.ok) return;
      const checked = bridge.validator.validateResponse(channel, result.data);
      expect(checked, JSON.stringify(checked)).toEqual({ valid: true });
    });

    it('refuses an invalid payload with validation_failed naming the field', async () => {
      const sample = channelSamples[channel];
      if (!sample) throw new Error(`no contract sample for ${channel}`);
      const result = await invoke(channel, sample.invalid);
      expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed', requestId: expect.any(String) } });
      expectErrorShape(result);
      if (result.ok) return;
      const fields = (result.error.details as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
      expect(fields).toContain(sample.invalidField);
    });

    it('refuses a payload with a key the contract does not know', async () => {
      const result = await invoke(channel, { __not_in_the_contract__: 1 });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    });
  });

  it('refuses an unknown channel', async () => {
    await expect(bridge.ipc.invoke('db:students:delete_everything', mainFrameEvent(), {})).rejects.toThrow(/No handler registered/);
  });
});

describe('app channels', () => {
  it('answers app:backend-status:get with the supervisor status, in the shape of its schema', async () => {
    const result = await invoke(BACKEND_STATUS_GET_CHANNEL);
    expect(result).toMatchObject({ ok: true, data: { state: 'ready' } });
    if (result.ok) expect(bridge.validator.validateResponse(BACKEND_STATUS_GET_CHANNEL, result.data)).toEqual({ valid: true });
  });

  it('answers app:audit:export in the shape of its schema, and refuses a payload it does not take', async () => {
    // This suite's save dialog is cancelled; audit-export.test.ts saves real files.
    const result = await invoke(AUDIT_EXPORT_CHANNEL);
    expect(result).toEqual({ ok: true, data: { saved: false } });
    if (result.ok) expect(bridge.validator.validateResponse(AUDIT_EXPORT_CHANNEL, result.data)).toEqual({ valid: true });
    expect(await invoke(AUDIT_EXPORT_CHANNEL, { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('answers app:reminders:send-now with the run\'s counts, and refuses a payload it does not take', async () => {
    // No SMTP server is set here: nothing is due or sent, and the run still answers in its schema's shape.
    const result = await invoke(REMINDERS_SEND_NOW_CHANNEL);
    expect(result).toMatchObject({ ok: true, data: { sent: 0, failed: 0 } });
    if (result.ok) expect(bridge.validator.validateResponse(REMINDERS_SEND_NOW_CHANNEL, result.data)).toEqual({ valid: true });
    expect(await invoke(REMINDERS_SEND_NOW_CHANNEL, { smtp_password: 'x' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('answers app:reminders:sms-export with nothing saved when the dialog is cancelled, and refuses a path from the page', async () => {
    const result = await invoke(REMINDERS_SMS_EXPORT_CHANNEL);
    expect(result).toEqual({ ok: true, data: { saved: false } });
    expect(await invoke(REMINDERS_SMS_EXPORT_CHANNEL, { file: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});

describe('backend answers travel through the bridge unchanged', () => {
  it('passes 404 student.not_found with its request id', async () => {
    const result = await invoke('db:students:get', { student_id: 987654 });
    expect(result).toMatchObject({ ok: false, error: { code: 'student.not_found', requestId: expect.any(String) } });
    expectErrorShape(result);
  });

  it('passes 409 student.version_conflict for a stale version', async () => {
    const created = (await call('db:students:create', { body: newStudentBody() })) as { id: number; version: number };
    await call('db:students:update', { student_id: created.id, body: { version: created.version, phone: '905-555-0111' } });
    const stale = await invoke('db:students:update', { student_id: created.id, body: { version: created.version, phone: '905-555-0122' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'student.version_conflict' } });
  });

  it('passes the backend licence check: a malformed licence number fails with its field', async () => {
    const body = { first_name: 'Bo', last_name: 'Chan', date_of_birth: '2006-01-02', licence_number: 'Z12' };
    const result = await invoke('db:students:create', { body });
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});
