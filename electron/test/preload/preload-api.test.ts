import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames } from '../../../shared-contracts/channels';
import {
  AUDIT_EXPORT_CHANNEL,
  BACKUP_NOW_CHANNEL,
  BACKUP_PROGRESS_CHANNEL,
  BACKUP_RESTORE_CHANNEL,
  BACKUP_STATUS_CHANNEL,
  BACKEND_STATUS_CHANNEL,
  BACKEND_STATUS_GET_CHANNEL,
  MENU_COMMAND_CHANNEL,
  type BackendStatus,
  type MenuCommand,
} from '../../shared/app-channels';
import { DATA_CHANGED_CHANNEL } from '../../shared/data-changes';
import type { DataChanged, OdsmApi } from '../../preload/api';

// The preload runs against a recording stand-in for electron's renderer-side modules.
const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (...args: unknown[]): Promise<unknown> => ({ ok: true, data: args }));
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, fn: (...args: unknown[]) => void) => (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(fn),
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => listeners.get(channel)?.delete(fn),
  },
}));

async function loadPreload(): Promise<OdsmApi> {
  vi.resetModules();
  exposed.clear();
  await import('../../preload/index');
  expect([...exposed.keys()]).toEqual(['odsm']);
  return exposed.get('odsm') as OdsmApi;
}

beforeEach(() => invoke.mockClear());

describe('the preload', () => {
  it('exposes one verb per contract channel, grouped by resource, and nothing generic', async () => {
    const odsm = (await loadPreload()) as unknown as Record<string, Record<string, unknown>>;
    for (const channel of channelNames) {
      const [, resource, verb] = channel.split(':') as [string, string, string];
      expect(typeof odsm[resource]?.[verb], channel).toBe('function');
    }
    expect(Object.keys(odsm).sort()).toEqual([...new Set(channelNames.map((c) => c.split(':')[1]!)), 'backUpNow', 'getConnection', 'getMoveProgress', 'saveConnection', 'startMove', 'testConnection', 'useLocalDatabase', 'exportAuditLog', 'exportCalendarFile', 'exportAccountantCsv', 'exportAuditCsv', 'exportEverything', 'getBackendStatus', 'getBackupProgress', 'getBackupStatus', 'getDiagnostics', 'onBackendStatus', 'onDataChanged', 'getImportProgress', 'onMenuCommand', 'previewImport', 'previewStudentImport', 'remapImport', 'restoreBackup', 'runImport', 'runStudentImport', 'saveDocumentPdf', 'printDocument', 'getSmtpPasswordStatus', 'saveSmtpPassword', 'auth', 'sendRemindersNow', 'exportSmsReminders', 'saveInspectionBundle', 'getInspectionBundleProgress', 'cancelInspectionBundle'].sort());
    expect(odsm).not.toHaveProperty('invoke');
    expect(odsm).not.toHaveProperty('ipcRenderer');
  });

  it('sends a document by its kind and record id, on the document channels', async () => {
    const odsm = await loadPreload();
    await odsm.saveDocumentPdf({ kind: 'inspector-packet', id: 7 });
    await odsm.printDocument({ kind: 'inspector-packet', id: 7, paper: 'a4' });
    expect(invoke.mock.calls).toEqual([
      ['app:document:save-pdf', { kind: 'inspector-packet', id: 7 }],
      ['app:document:print', { kind: 'inspector-packet', id: 7, paper: 'a4' }],
    ]);
  });

  it('asks for an inspection bundle by its period, and for its progress and cancel, on their channels', async () => {
    const odsm = await loadPreload();
    await odsm.saveInspectionBundle({ firstDay: '2026-11-01', lastDay: '2026-11-30' });
    await odsm.getInspectionBundleProgress();
    await odsm.cancelInspectionBundle();
    expect(invoke.mock.calls).toEqual([['app:document:bundle', { firstDay: '2026-11-01', lastDay: '2026-11-30' }], ['app:document:bundle-progress'], ['app:document:bundle-cancel']]);
  });

  it('sends each verb on its own channel with the payload as given', async () => {
    const odsm = await loadPreload();
    await odsm.students.list({ q: 'ann', limit: 25 });
    await odsm.students.update({ student_id: 3, body: { version: 2, phone: '416' } });
    await odsm.system.health();
    expect(invoke.mock.calls).toEqual([
      ['db:students:list', { q: 'ann', limit: 25 }],
      ['db:students:update', { student_id: 3, body: { version: 2, phone: '416' } }],
      ['db:system:health', undefined],
    ]);
  });

  it('relays backend status pushes until unsubscribed, and asks for the current one', async () => {
    const odsm = await loadPreload();
    const seen: BackendStatus[] = [];
    const unsubscribe = odsm.onBackendStatus((s) => seen.push(s));
    const push = (s: BackendStatus) => listeners.get(BACKEND_STATUS_CHANNEL)?.forEach((fn) => fn({}, s));
    push({ state: 'ready', at: 't1' });
    unsubscribe();
    push({ state: 'down', at: 't2' });
    expect(seen).toEqual([{ state: 'ready', at: 't1' }]);
    await odsm.getBackendStatus();
    expect(invoke).toHaveBeenLastCalledWith(BACKEND_STATUS_GET_CHANNEL);
  });

  it("unwraps main's envelope for the current status, and rejects a refusal", async () => {
    const odsm = await loadPreload();
    const status: BackendStatus = { state: 'degraded', message: 'slow', at: 't3' };
    invoke.mockResolvedValueOnce({ ok: true, data: status });
    await expect(odsm.getBackendStatus()).resolves.toEqual(status);
    invoke.mockResolvedValueOnce({ ok: false, error: { code: 'forbidden_sender', message: 'no', requestId: 'r1' } });
    await expect(odsm.getBackendStatus()).rejects.toThrow('forbidden_sender');
  });

  it('relays the menu commands main knows until unsubscribed, and drops anything else', async () => {
    const odsm = await loadPreload();
    const seen: MenuCommand[] = [];
    const unsubscribe = odsm.onMenuCommand((command) => seen.push(command));
    const push = (command: unknown) => listeners.get(MENU_COMMAND_CHANNEL)?.forEach((fn) => fn({}, command));
    push('new-student');
    push('format-disk');
    push({ command: 'book-lesson' });
    push('book-lesson');
    unsubscribe();
    push('new-student');
    expect(seen).toEqual(['new-student', 'book-lesson']);
  });

  it('relays the kinds of record changed until unsubscribed, an unknown kind as everything, and drops a malformed push', async () => {
    const odsm = await loadPreload();
    const seen: DataChanged[] = [];
    const unsubscribe = odsm.onDataChanged((change) => seen.push(change));
    const push = (change: unknown) => listeners.get(DATA_CHANGED_CHANNEL)?.forEach((fn) => fn({}, change));
    push({ kinds: ['students', 'audit'] });
    push({ kinds: ['payments'] });
    push({ kinds: 'students' });
    push(null);
    unsubscribe();
    push({ kinds: ['lessons'] });
    expect(seen).toEqual([{ kinds: ['students', 'audit'] }, { kinds: ['everything'] }]);
  });

  it('asks main to export the audit log on its own channel, with nothing the page could steer', async () => {
    const odsm = await loadPreload();
    await odsm.exportAuditLog();
    expect(invoke).toHaveBeenLastCalledWith(AUDIT_EXPORT_CHANNEL);
  });

  it('asks main for a backup with at most "choose the folder again": the page never names a folder', async () => {
    const odsm = await loadPreload();
    await odsm.backUpNow();
    expect(invoke).toHaveBeenLastCalledWith(BACKUP_NOW_CHANNEL, {});
    await odsm.backUpNow({ chooseFolder: true });
    expect(invoke).toHaveBeenLastCalledWith(BACKUP_NOW_CHANNEL, { chooseFolder: true });
    await odsm.getBackupStatus();
    expect(invoke).toHaveBeenLastCalledWith(BACKUP_STATUS_CHANNEL);
    await odsm.getBackupProgress();
    expect(invoke).toHaveBeenLastCalledWith(BACKUP_PROGRESS_CHANNEL);
    await odsm.restoreBackup();
    expect(invoke).toHaveBeenLastCalledWith(BACKUP_RESTORE_CHANNEL);
  });
});
