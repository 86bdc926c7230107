import { describe, expect } from 'vitest';
import type { IpcResult } from '../../../shared-contracts/channels';
import { loadManifest } from '../../main/bridge/manifest';
import type { IpcInvokeEventLike } from '../../main/bridge/ipc-types';
import { mainFrameEvent } from '../support/bridge-fixtures';
import { bridgeTest, TEST_ACTOR, TEST_SECRET } from '../support/bridge-harness';
import { AUDIT_EXPORT_CHANNEL, BACKEND_STATUS_GET_CHANNEL, BACKUP_NOW_CHANNEL, BACKUP_PROGRESS_CHANNEL, BACKUP_RESTORE_CHANNEL, BACKUP_STATUS_CHANNEL, DIAGNOSTICS_CHANNEL, EXPORT_ALL_CHANNEL, IMPORT_CHOOSE_CHANNEL, IMPORT_PREVIEW_CHANNEL, IMPORT_PROGRESS_CHANNEL, IMPORT_REMAP_CHANNEL, IMPORT_RUN_CHANNEL, IMPORT_START_CHANNEL } from '../../shared/app-channels';
import { AUTH_DISABLE_CHANNEL, AUTH_ENABLE_CHANNEL, AUTH_RECOVER_CHANNEL, AUTH_SIGN_IN_CHANNEL, AUTH_SIGN_OUT_CHANNEL, AUTH_STATUS_CHANNEL, AUTH_SWITCH_USER_CHANNEL } from '../../shared/auth-channels';
import { ACCOUNTANT_CSV_CHANNEL } from '../../shared/accountant-csv-channels';
import { AUDIT_CSV_CHANNEL } from '../../shared/audit-csv-channels';
import { CALENDAR_FILE_CHANNEL } from '../../shared/calendar-file-channels';
import { REMINDERS_SEND_NOW_CHANNEL, REMINDERS_SMS_EXPORT_CHANNEL } from '../../shared/reminder-channels';
import { DOCUMENT_PRINT_CHANNEL, DOCUMENT_SAVE_PDF_CHANNEL } from '../../shared/documents';
import { DOCUMENT_BUNDLE_CANCEL_CHANNEL, DOCUMENT_BUNDLE_CHANNEL, DOCUMENT_BUNDLE_PROGRESS_CHANNEL } from '../../shared/inspection-bundle';

describe('sender check', () => {
  const refused: Array<[string, IpcInvokeEventLike]> = [
    ['a foreign origin', { senderFrame: { url: 'https://evil.example/index.html', parent: null } }],
    ['a look-alike host', { senderFrame: { url: 'app://odsm.evil/index.html', parent: null } }],
    ['an iframe on our origin', { senderFrame: { url: 'app://odsm/frame.html', parent: {} } }],
    ['a null senderFrame', { senderFrame: null }],
    ['a file:// page', { senderFrame: { url: 'file:///etc/passwd', parent: null } }],
    ['another WebContents on our origin', { senderFrame: { url: 'app://odsm/index.html', parent: null }, sender: {} }],
  ];

  bridgeTest.for(refused)('refuses %s and never reaches the backend', async ([, event], { backend, bridgeOn }) => {
    const harness = bridgeOn();
    const result = (await harness.ipc.invoke('db:things:get', event, { thing_id: 'a' })) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(backend.seen).toHaveLength(0);
  });

  bridgeTest('accepts our main frame', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn();
    const result = await harness.ipc.invoke('db:things:get', mainFrameEvent(), { thing_id: 'a' });
    expect(result).toMatchObject({ ok: true });
    expect(backend.seen).toHaveLength(1);
  });
});

describe('payload validation', () => {
  bridgeTest('refuses a bad payload with field paths and never reaches the backend', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({}, loadManifest());
    const result = (await harness.ipc.invoke('db:students:create', mainFrameEvent(), {
      body: { first_name: 42, last_name: 'Lee', date_of_birth: '2007-02-30', surprise: true },
    })) as IpcResult<unknown>;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('validation_failed');
    const fields = (result.error.details as { fields: Array<{ field: string; rule: string }> }).fields;
    const byField = Object.fromEntries(fields.map((f) => [f.field, f.rule]));
    expect(byField['body.first_name']).toBe('type');
    expect(byField['body.date_of_birth']).toBe('format');
    expect(byField['body.surprise']).toBe('additionalProperties');
    expect(backend.seen).toHaveLength(0);
  });

  bridgeTest('refuses a missing path parameter and unknown top-level keys', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({}, loadManifest());
    const result = (await harness.ipc.invoke('db:students:get', mainFrameEvent(), { id: 3 })) as IpcResult<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    if (result.ok) return;
    const fields = (result.error.details as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['student_id', 'id']));
    expect(backend.seen).toHaveLength(0);
  });

  bridgeTest('treats an omitted payload as an empty one', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({}, loadManifest());
    backend.fallback = { kind: 'answer', status: 200, body: { items: [], total: 0, offset: 0, limit: 25 } };
    expect(await harness.ipc.invoke('db:students:list', mainFrameEvent())).toMatchObject({ ok: true });
    expect(backend.seen[0]?.url).toBe('/api/v1/students');
  });
});

describe('the request on the wire', () => {
  bridgeTest('sends the secret, the request id of the envelope, and the payload split into path, query and body', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn();
    backend.queue({ kind: 'answer', status: 404, body: { code: 'thing.not_found', message: 'gone', details: { id: 'a/b' }, request_id: 'ignored' } });
    const result = (await harness.ipc.invoke('db:things:get', mainFrameEvent(), { thing_id: 'a/b', verbose: true })) as IpcResult<unknown>;
    const seen = backend.seen[0];
    expect(seen?.url).toBe('/api/v1/things/a%2Fb?verbose=true');
    expect(seen?.headers.authorization).toBe(`Bearer ${TEST_SECRET}`);
    expect(result).toMatchObject({ ok: false, error: { code: 'thing.not_found', message: 'gone', details: { id: 'a/b' } } });
    if (result.ok) return;
    expect(seen?.headers['x-request-id']).toBe(result.error.requestId);
    const logged = harness.log.lines.find((l) => l.event === 'ipc.call');
    expect(logged).toMatchObject({ channel: 'db:things:get', requestId: result.error.requestId, status: 404, code: 'thing.not_found' });
    expect(typeof logged?.ms).toBe('number');
  });

  bridgeTest('names who is at the workstation in X-ODSM-Actor', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn();
    await harness.invoke('db:things:get', { thing_id: 'a' });
    expect(backend.seen[0]?.headers['x-odsm-actor']).toBe(TEST_ACTOR);
  });

  bridgeTest('answers backend_unavailable when nothing listens on the socket', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ maxRetries: 1 });
    await backend.stop();
    const result = await harness.ipc.invoke('db:things:get', mainFrameEvent(), { thing_id: 'a' });
    expect(result).toMatchObject({ ok: false, error: { code: 'backend_unavailable' } });
  });
});

describe('the error envelope', () => {
  bridgeTest("matches the manifest's errorSchema, whoever refused the call", async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({ maxRetries: 0 });
    backend.queue({ kind: 'answer', status: 404, body: { code: 'thing.not_found', message: 'gone', details: { id: 'a' }, request_id: 'x' } });
    backend.queue({ kind: 'answer', status: 502 });
    const refusals = [
      await harness.ipc.invoke('db:things:get', { senderFrame: null }, { thing_id: 'a' }),
      await harness.invoke('db:things:get', {}),
      await harness.invoke('db:things:get', { thing_id: 'a' }),
      await harness.invoke('db:things:get', { thing_id: 'a' }),
    ] as Array<IpcResult<unknown>>;
    expect(refusals.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['forbidden_sender', 'validation_failed', 'thing.not_found', 'backend_unavailable']);
    for (const result of refusals) {
      if (!result.ok) expect(harness.validator.validateError(result.error), result.error.code).toEqual({ valid: true });
    }
    // The backend's own body says request_id; the envelope always says requestId.
    expect(harness.validator.validateError({ code: 'x', message: 'y', request_id: 'z' })).toMatchObject({ valid: false });
  });
});

describe('registration', () => {
  bridgeTest('registers every manifest channel and the app channels, nothing else; an unknown channel is refused like Electron does', async ({ backend, bridgeOn }) => {
    const harness = bridgeOn({}, loadManifest());
    expect(harness.ipc.channels().sort()).toEqual([...Object.keys(loadManifest().channels), BACKEND_STATUS_GET_CHANNEL, AUDIT_EXPORT_CHANNEL, DIAGNOSTICS_CHANNEL, BACKUP_NOW_CHANNEL, BACKUP_STATUS_CHANNEL, BACKUP_PROGRESS_CHANNEL, BACKUP_RESTORE_CHANNEL, IMPORT_PREVIEW_CHANNEL, IMPORT_RUN_CHANNEL, IMPORT_CHOOSE_CHANNEL, IMPORT_REMAP_CHANNEL, IMPORT_START_CHANNEL, IMPORT_PROGRESS_CHANNEL, EXPORT_ALL_CHANNEL, CALENDAR_FILE_CHANNEL, ACCOUNTANT_CSV_CHANNEL, AUDIT_CSV_CHANNEL, DOCUMENT_SAVE_PDF_CHANNEL, DOCUMENT_PRINT_CHANNEL, AUTH_STATUS_CHANNEL, AUTH_SIGN_IN_CHANNEL, AUTH_SIGN_OUT_CHANNEL, AUTH_SWITCH_USER_CHANNEL, AUTH_ENABLE_CHANNEL, AUTH_DISABLE_CHANNEL, AUTH_RECOVER_CHANNEL, REMINDERS_SEND_NOW_CHANNEL, REMINDERS_SMS_EXPORT_CHANNEL, DOCUMENT_BUNDLE_CHANNEL, DOCUMENT_BUNDLE_PROGRESS_CHANNEL, DOCUMENT_BUNDLE_CANCEL_CHANNEL].sort());
    await expect(harness.ipc.invoke('db:students:drop', mainFrameEvent(), {})).rejects.toThrow("No handler registered for 'db:students:drop'");
    expect(backend.seen).toHaveLength(0);
  });
});
